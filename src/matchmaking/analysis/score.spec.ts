import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_MATCH_WEIGHTS,
  fieldCloseness,
  idf,
  type PairInput,
  scorePair,
  type SmePosting,
} from './score.js';

const posting = (weight = 1, translated = false): SmePosting => ({
  weight,
  locations: 1,
  surface: 's',
  translated,
});

function pair(over: Partial<PairInput> = {}): PairInput {
  return {
    challengeTerms: [
      {
        term: 'z:乙烯',
        weight: 3,
        locations: 1,
        surface: '乙烯',
        language: 'ZH',
        translated: false,
        idf: 3,
      },
      {
        term: 'z:系统',
        weight: 1,
        locations: 2,
        surface: '系统',
        language: 'ZH',
        translated: false,
        idf: 0.2,
      },
    ],
    smePostings: new Map(),
    smeLength: 10,
    averageSmeLength: 10,
    avoid: [],
    excludedRoutes: [],
    applicationTerms: [],
    challengeFields: [],
    smeFields: [],
    challengeIndustry: 'C',
    smeProjectIndustries: [],
    qualificationRank: 0,
    regionNamed: false,
    regionMatched: false,
    track: { shortlisted: 0, selected: 0, awarded: 0 },
    feedback: 0,
    ...over,
  };
}

const component = (s: ReturnType<typeof scorePair>, kind: string) =>
  s.components.find((c) => c.kind === kind)!.value;

describe('scorePair', () => {
  it('scores 0 without a shared term, whatever the other components', () => {
    const s = scorePair(
      pair({
        challengeFields: ['A.B'],
        smeFields: ['A.B'],
        qualificationRank: 3,
        smeProjectIndustries: ['C'],
      }),
    );
    expect(s.score).toBe(0);
    expect(component(s, 'TECHNICAL_FIELDS')).toBe(1);
  });

  it('weighs a rare, specific term above a generic one (IDF)', () => {
    const specific = scorePair(pair({ smePostings: new Map([['z:乙烯', posting()]]) }));
    const generic = scorePair(pair({ smePostings: new Map([['z:系统', posting()]]) }));
    expect(specific.score).toBeGreaterThan(generic.score * 5);
    expect(specific.matched.map((m) => m.term)).toEqual(['z:乙烯']);
  });

  it('keeps every score in [0, 1], a full match of every component at 1', () => {
    const s = scorePair(
      pair({
        smePostings: new Map([
          ['z:乙烯', posting(1000)],
          ['z:系统', posting(1000)],
        ]),
        smeLength: 0.0001,
        challengeFields: ['A.B'],
        smeFields: ['A.B'],
        smeProjectIndustries: ['C'],
        applicationTerms: [{ term: 'z:乙烯', surface: '乙烯', language: 'ZH', idf: 3 }],
        qualificationRank: 3,
        regionNamed: true,
        regionMatched: true,
        track: { shortlisted: 9, selected: 9, awarded: 9 },
      }),
    );
    expect(s.score).toBeGreaterThan(0.99);
    expect(s.score).toBeLessThanOrEqual(1);
  });

  it('reads the demand in the language the SME writes: an English SME is measured against the English reading', () => {
    const terms: PairInput['challengeTerms'] = [
      {
        term: 'z:储能',
        weight: 3,
        locations: 1,
        surface: '储能',
        language: 'ZH',
        translated: false,
        idf: 2,
      },
      {
        term: 'z:电站',
        weight: 3,
        locations: 1,
        surface: '电站',
        language: 'ZH',
        translated: false,
        idf: 2,
      },
      {
        term: 'p:energi storag',
        weight: 1.5,
        locations: 1,
        surface: '储能',
        language: 'EN',
        translated: true,
        idf: 2,
      },
    ];
    const english = scorePair(
      pair({ challengeTerms: terms, smePostings: new Map([['p:energi storag', posting(2)]]) }),
    );
    const chinese = scorePair(
      pair({ challengeTerms: terms, smePostings: new Map([['z:储能', posting(2)]]) }),
    );
    // The English SME has all of the English reading; the Chinese SME half of the Chinese one.
    expect(component(english, 'TEXT')).toBeGreaterThan(component(chinese, 'TEXT'));
    expect(english.matched[0].viaTranslation).toBe(true);
  });

  it('does not count a match that exists only as translations on both sides', () => {
    const s = scorePair(
      pair({
        challengeTerms: [
          {
            term: 'e:batteri',
            weight: 1,
            locations: 1,
            surface: '电池',
            language: 'EN',
            translated: true,
            idf: 2,
          },
        ],
        smePostings: new Map([['e:batteri', posting(1, true)]]),
      }),
    );
    expect(s.score).toBe(0);
  });

  it('lowers an SME that offers what the demand wants to replace, and one on an excluded route', () => {
    const base = pair({
      smePostings: new Map([
        ['z:乙烯', posting()],
        ['z:烟感', posting()],
      ]),
    });
    const plain = scorePair(base);
    const avoided = scorePair({
      ...base,
      avoid: [{ term: 'z:烟感', surface: '烟感', language: 'ZH', idf: 2 }],
    });
    const excluded = scorePair({
      ...base,
      excludedRoutes: [{ term: 'z:烟感', surface: '烟感', language: 'ZH', idf: 2 }],
    });
    expect(avoided.score).toBeCloseTo(plain.score * (1 - DEFAULT_MATCH_WEIGHTS.avoidedOffer), 6);
    expect(excluded.score).toBeCloseTo(plain.score * (1 - DEFAULT_MATCH_WEIGHTS.excludedRoute), 6);
    expect(avoided.avoidedOffers.map((t) => t.surface)).toEqual(['烟感']);
  });

  it('raises TEXT by the other components, each by at most its weight', () => {
    const base = pair({ smePostings: new Map([['z:乙烯', posting()]]) });
    const plain = scorePair(base).score;
    const inField = scorePair({ ...base, challengeFields: ['A.B'], smeFields: ['A.B'] }).score;
    expect(inField / plain).toBeCloseTo(1 + DEFAULT_MATCH_WEIGHTS.technicalFields, 6);
    const application = scorePair({
      ...base,
      applicationTerms: [{ term: 'z:乙烯', surface: '乙烯', language: 'ZH', idf: 3 }],
    });
    expect(component(application, 'APPLICATION')).toBe(1);
    const industry = scorePair({ ...base, smeProjectIndustries: ['C'] });
    expect(component(industry, 'APPLICATION')).toBe(0.5);
  });

  it('applies the feedback of dismissals as a penalty', () => {
    const base = pair({ smePostings: new Map([['z:乙烯', posting()]]) });
    expect(scorePair({ ...base, feedback: 1 }).score).toBeCloseTo(
      scorePair(base).score * (1 - DEFAULT_MATCH_WEIGHTS.feedback),
      6,
    );
  });
});

describe('fieldCloseness', () => {
  it('ranks same field > sibling > parent/child > same top-level field > other', () => {
    expect(fieldCloseness('NEW_ENERGY.STORAGE', 'NEW_ENERGY.STORAGE')).toBe(1);
    expect(fieldCloseness('NEW_ENERGY.STORAGE', 'NEW_ENERGY.HYDROGEN')).toBe(0.6);
    expect(fieldCloseness('NEW_ENERGY', 'NEW_ENERGY.STORAGE')).toBe(0.4);
    expect(fieldCloseness('A.B.C', 'A.D')).toBe(0.25);
    expect(fieldCloseness('NEW_ENERGY.STORAGE', 'BATTERY.SOLID_STATE')).toBe(0);
  });
});

describe('idf', () => {
  it('falls as a term gets common and never goes negative', () => {
    expect(idf(1, 1000)).toBeGreaterThan(idf(100, 1000));
    expect(idf(1000, 1000)).toBeGreaterThanOrEqual(0);
  });
});
