import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { INDUSTRY_SECTIONS, PROVINCE_CODES } from '../../src/organizations/regions.js';
import {
  CAPABILITY_LIMITS,
  normalizeKeywords,
  technicalRouteProblems,
} from '../../src/organizations/smes/capabilities.js';
import { isNearMiss } from './metrics.js';
import { EVAL_SET } from './set/index.js';
import { QUALIFICATION_ORDER, type EvalChallenge, type EvalSme, type Lang } from './types.js';

/** The seeded taxonomy, read from the migration that creates it so the two cannot drift apart. */
const TAXONOMY = new Set(
  [
    ...readFileSync(
      new URL('../../migrations/1795794551688-organizations.ts', import.meta.url),
      'utf8',
    )
      .split('const TECHNICAL_FIELD_SEED')[1]!
      .split('];')[0]!
      .matchAll(/\[\s*'([A-Z_.]+)',/g),
  ].map((m) => m[1]!),
);

const { challenges, smes, labels, traps } = EVAL_SET;
const challengeByKey = new Map(challenges.map((c) => [c.key, c]));
const smeByKey = new Map(smes.map((s) => [s.key, s]));
const CJK = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z]{3,}/;

function challengeText(c: EvalChallenge): string {
  return [
    c.titleZh,
    c.titleEn,
    c.summaryZh,
    c.summaryEn,
    ...c.requirements.flatMap((r) => [r.name, r.target, r.unit]),
  ]
    .filter(Boolean)
    .join(' ');
}

function smeText(s: EvalSme): string {
  return [
    s.nameZh,
    s.nameEn,
    s.capabilityStatement,
    ...s.keywords,
    ...s.products.flatMap((p) => [p.name, p.description]),
    ...s.pastProjects.flatMap((p) => [p.title, p.outcome]),
    ...s.technicalRoutes.flatMap((r) => [r.zh, r.en]),
  ]
    .filter(Boolean)
    .join(' ');
}

function share(items: { lang: Lang }[], lang: Lang): number {
  return items.filter((i) => i.lang === lang).length / items.length;
}

const rank = (q: EvalSme['qualification']) => QUALIFICATION_ORDER.indexOf(q);
const eligible = (c: EvalChallenge, s: EvalSme) =>
  rank(s.qualification) >= rank(c.minQualification) &&
  (c.allowedRegionCodes.length === 0 || c.allowedRegionCodes.includes(s.regionCode));

describe('sizes and languages', () => {
  it('has at least 25 challenges and exactly 300 SMEs, keys unique and well formed', () => {
    expect(challenges.length).toBeGreaterThanOrEqual(25);
    expect(smes).toHaveLength(300);
    expect(new Set(challenges.map((c) => c.key)).size).toBe(challenges.length);
    expect(new Set(smes.map((s) => s.key)).size).toBe(smes.length);
    for (const c of challenges) expect(c.key).toMatch(/^c\d{2}-[a-z0-9-]+$/);
    for (const s of smes) expect(s.key).toMatch(/^s\d{3}-[a-z0-9-]+$/);
  });

  it('mixes Chinese, English and bilingual challenges and SMEs', () => {
    expect(challenges.filter((c) => c.lang === 'ZH').length).toBeGreaterThanOrEqual(8);
    expect(challenges.filter((c) => c.lang === 'EN').length).toBeGreaterThanOrEqual(6);
    expect(challenges.filter((c) => c.lang === 'BOTH').length).toBeGreaterThanOrEqual(5);
    expect(share(smes, 'ZH')).toBeGreaterThanOrEqual(0.4);
    expect(share(smes, 'ZH')).toBeLessThanOrEqual(0.5);
    expect(share(smes, 'EN')).toBeGreaterThanOrEqual(0.3);
    expect(share(smes, 'EN')).toBeLessThanOrEqual(0.4);
    expect(share(smes, 'BOTH')).toBeGreaterThanOrEqual(0.15);
    expect(share(smes, 'BOTH')).toBeLessThanOrEqual(0.25);
  });

  it('writes each text in the languages it declares', () => {
    for (const c of challenges) {
      const zh = c.lang !== 'EN';
      const en = c.lang !== 'ZH';
      expect([c.key, Boolean(c.titleZh), Boolean(c.summaryZh)]).toEqual([c.key, zh, zh]);
      expect([c.key, Boolean(c.titleEn), Boolean(c.summaryEn)]).toEqual([c.key, en, en]);
      if (c.lang === 'EN') expect([c.key, CJK.test(challengeText(c))]).toEqual([c.key, false]);
    }
    for (const s of smes) {
      const text = smeText(s);
      expect([s.key, CJK.test(text)]).toEqual([s.key, s.lang !== 'EN']);
      if (s.lang !== 'ZH')
        expect([s.key, LATIN_WORD.test(s.capabilityStatement)]).toEqual([s.key, true]);
      expect([s.key, Boolean(s.nameZh)]).toEqual([s.key, s.lang !== 'EN']);
      expect([s.key, Boolean(s.nameEn)]).toEqual([s.key, s.lang !== 'ZH']);
    }
  });
});

describe('bounds and codes', () => {
  it('challenges use the taxonomy, GB/T 4754 sections and province codes within the API bounds', () => {
    for (const c of challenges) {
      expect([c.key, c.requirements.length >= 1 && c.requirements.length <= 5]).toEqual([
        c.key,
        true,
      ]);
      for (const r of c.requirements) {
        expect(r.name.length).toBeLessThanOrEqual(200);
        expect(r.target.length).toBeLessThanOrEqual(200);
        expect((r.unit ?? '').length).toBeLessThanOrEqual(40);
      }
      expect((c.titleZh ?? '').length).toBeLessThanOrEqual(200);
      expect((c.titleEn ?? '').length).toBeLessThanOrEqual(200);
      expect(c.technicalFieldCodes.length).toBeGreaterThanOrEqual(1);
      expect(c.technicalFieldCodes.length).toBeLessThanOrEqual(3);
      for (const code of c.technicalFieldCodes)
        expect([c.key, TAXONOMY.has(code)]).toEqual([c.key, true]);
      expect(Object.keys(INDUSTRY_SECTIONS)).toContain(c.industryCode);
      for (const region of c.allowedRegionCodes) expect(PROVINCE_CODES).toContain(region);
      expect((c.excludedApproaches ?? []).length).toBeLessThanOrEqual(3);
      for (const a of c.excludedApproaches ?? []) expect(Boolean(a.zh || a.en)).toBe(true);
    }
  });

  it('SMEs stay within the capability bounds the API enforces', () => {
    expect(TAXONOMY.size).toBeGreaterThan(40);
    for (const s of smes) {
      const where = s.key;
      expect([where, PROVINCE_CODES.includes(s.regionCode)]).toEqual([where, true]);
      expect(s.capabilityStatement.length).toBeGreaterThan(0);
      expect(s.capabilityStatement.length).toBeLessThanOrEqual(2000);
      expect(s.keywords.length).toBeLessThanOrEqual(12);
      const normalized = normalizeKeywords(s.keywords);
      expect([where, normalized.problems]).toEqual([where, []]);
      expect([where, normalized.keywords]).toEqual([where, s.keywords]);
      expect(s.products.length).toBeLessThanOrEqual(4);
      for (const p of s.products) {
        expect(p.name.length).toBeLessThanOrEqual(CAPABILITY_LIMITS.productName);
        expect(p.description.length).toBeLessThanOrEqual(CAPABILITY_LIMITS.productDescription);
      }
      expect(s.pastProjects.length).toBeLessThanOrEqual(4);
      for (const p of s.pastProjects) {
        expect(p.title.length).toBeLessThanOrEqual(CAPABILITY_LIMITS.projectTitle);
        expect(p.outcome.length).toBeLessThanOrEqual(CAPABILITY_LIMITS.projectOutcome);
        expect(p.year).toBeGreaterThanOrEqual(CAPABILITY_LIMITS.firstProjectYear);
        expect(p.year).toBeLessThanOrEqual(2026);
        expect(Object.keys(INDUSTRY_SECTIONS)).toContain(p.clientIndustryCode);
      }
      expect(s.technicalRoutes.length).toBeLessThanOrEqual(3);
      expect(
        technicalRouteProblems(
          s.technicalRoutes.map((r) => ({ zh: r.zh ?? null, en: r.en ?? null })),
        ),
      ).toEqual([]);
      for (const r of s.technicalRoutes) {
        expect((r.zh ?? '').length).toBeLessThanOrEqual(CAPABILITY_LIMITS.routeLabel);
        expect((r.en ?? '').length).toBeLessThanOrEqual(CAPABILITY_LIMITS.routeLabel);
      }
      expect(s.technicalFieldCodes.length).toBeLessThanOrEqual(3);
      for (const code of s.technicalFieldCodes)
        expect([where, TAXONOMY.has(code)]).toEqual([where, true]);
    }
  });

  it('about 30% of SMEs leave the technical fields empty or pick a top-level one', () => {
    const loose = smes.filter(
      (s) =>
        s.technicalFieldCodes.length === 0 || s.technicalFieldCodes.every((c) => !c.includes('.')),
    ).length;
    expect(loose / smes.length).toBeGreaterThanOrEqual(0.25);
    expect(loose / smes.length).toBeLessThanOrEqual(0.5);
  });

  it('no SME copies a sentence of a challenge', () => {
    const sentences = challenges.flatMap((c) =>
      [c.summaryZh, c.summaryEn]
        .filter((t): t is string => Boolean(t))
        .flatMap((t) => t.split(/[。；！？]|(?<=[.!?])\s/))
        .map((t) => t.trim())
        .filter((t) => t.length >= 12),
    );
    for (const s of smes) {
      const text = smeText(s);
      for (const sentence of sentences)
        expect([s.key, text.includes(sentence)]).toEqual([s.key, false]);
    }
  });
});

describe('labels and traps', () => {
  it('name existing challenges and SMEs, once per pair, never both a fit and a trap', () => {
    const pairs = new Set<string>();
    for (const x of [...labels, ...traps]) {
      expect([x.challenge, challengeByKey.has(x.challenge)]).toEqual([x.challenge, true]);
      expect([x.sme, smeByKey.has(x.sme)]).toEqual([x.sme, true]);
      const pair = `${x.challenge} ${x.sme}`;
      expect([pair, pairs.has(pair)]).toEqual([pair, false]);
      pairs.add(pair);
    }
  });

  it('gives every challenge 2-6 eligible fits, at least one excellent', () => {
    for (const c of challenges) {
      const fits = labels.filter((l) => l.challenge === c.key);
      expect([c.key, fits.length >= 2 && fits.length <= 6]).toEqual([c.key, true]);
      expect([c.key, fits.some((l) => l.grade === 2)]).toEqual([c.key, true]);
      for (const l of fits)
        expect([l.sme, eligible(c, smeByKey.get(l.sme)!)]).toEqual([l.sme, true]);
    }
  });

  it('gives every challenge at least 5 near misses of at least 3 kinds', () => {
    for (const c of challenges) {
      const near = traps.filter((t) => t.challenge === c.key && isNearMiss(t.kind));
      expect([c.key, near.length >= 5]).toEqual([c.key, true]);
      expect([c.key, new Set(near.map((t) => t.kind)).size >= 3]).toEqual([c.key, true]);
    }
  });

  it('has a route trap for every challenge that excludes approaches; about 1 in 4 excludes some', () => {
    const excluding = challenges.filter((c) => (c.excludedApproaches ?? []).length > 0);
    expect(excluding.length / challenges.length).toBeGreaterThanOrEqual(0.2);
    expect(excluding.length / challenges.length).toBeLessThanOrEqual(0.4);
    for (const c of excluding)
      expect([
        c.key,
        traps.some((t) => t.challenge === c.key && t.kind === 'NEAR_MISS_ROUTE'),
      ]).toEqual([c.key, true]);
  });

  it('covers replace, application and route near misses across the set', () => {
    for (const kind of ['NEAR_MISS_REPLACE', 'NEAR_MISS_APPLICATION', 'NEAR_MISS_ROUTE'] as const)
      expect(traps.filter((t) => t.kind === kind).length).toBeGreaterThanOrEqual(15);
    for (const kind of ['NEAR_MISS_GENERIC', 'NEAR_MISS_FIELD'] as const)
      expect(traps.filter((t) => t.kind === kind).length).toBeGreaterThanOrEqual(15);
  });

  it('has at least 8 ineligible fits, each truly excluded by the rule it names', () => {
    const ineligible = traps.filter((t) => !isNearMiss(t.kind));
    expect(ineligible.length).toBeGreaterThanOrEqual(8);
    for (const t of ineligible) {
      const c = challengeByKey.get(t.challenge)!;
      const s = smeByKey.get(t.sme)!;
      if (t.kind === 'INELIGIBLE_QUALIFICATION')
        expect([t.sme, rank(s.qualification) < rank(c.minQualification)]).toEqual([t.sme, true]);
      else expect([t.sme, c.allowedRegionCodes.includes(s.regionCode)]).toEqual([t.sme, false]);
    }
  });

  it('marks enough fits reachable through one kind of link only, in languages that allow it', () => {
    const count = (kind: string) => labels.filter((l) => l.link === kind).length;
    expect(count('ZH_TWO_CHAR')).toBeGreaterThanOrEqual(5);
    expect(count('EN_INFLECTION')).toBeGreaterThanOrEqual(5);
    expect(count('CROSS_LANGUAGE')).toBeGreaterThanOrEqual(10);
    for (const l of labels.filter((x) => x.link)) {
      const c = challengeByKey.get(l.challenge)!;
      const s = smeByKey.get(l.sme)!;
      const where = `${l.challenge} ${l.sme}`;
      if (l.link === 'CROSS_LANGUAGE')
        expect([where, [c.lang, s.lang].sort().join()]).toEqual([where, 'EN,ZH']);
      if (l.link === 'ZH_TWO_CHAR')
        expect([where, c.lang !== 'EN' && s.lang !== 'EN']).toEqual([where, true]);
      if (l.link === 'EN_INFLECTION')
        expect([where, c.lang !== 'ZH' && s.lang !== 'ZH']).toEqual([where, true]);
      // "Only" this link: no shared technical field, not even through a parent code.
      const related = (a: string, b: string) =>
        a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
      const shared = s.technicalFieldCodes.filter((x) =>
        c.technicalFieldCodes.some((y) => related(x, y)),
      );
      expect([where, shared]).toEqual([where, []]);
      // Nor a shared keyword.
      const text = challengeText(c).toLowerCase();
      const sharedKeywords = s.keywords.filter((k) => text.includes(k.toLowerCase()));
      expect([where, sharedKeywords]).toEqual([where, []]);
    }
  });

  it('leaves at least 80 SMEs as background that is neither a fit nor a trap', () => {
    const named = new Set([...labels, ...traps].map((x) => x.sme));
    const background = smes.filter((s) => !named.has(s.key)).length;
    expect(background).toBeGreaterThanOrEqual(80);
  });
});
