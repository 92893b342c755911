import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChallengeQueryService } from '../challenges/index.js';
import { type Viewer, viewerOf } from '../challenges/index.js';
import { isAdmin, type Actor } from '../common/auth/actor.js';
import type { ErrorLocale } from '../common/error-catalogue.js';
import { ForbiddenError, NotFoundError } from '../common/errors.js';
import {
  decodeCursor,
  encodeCursor,
  DEFAULT_PAGE_SIZE,
  pageInfoOf,
  type ConnectionShape,
} from '../common/pagination/connection.js';
import { assertUuid } from '../common/uuid.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QUALIFICATION_ORDER, SmesService } from '../organizations/index.js';
import { trackRecordsOf } from '../proposals/index.js';
import { locationsOf } from './analysis/analyze.js';
import {
  fieldCloseness,
  idf,
  matchWeights,
  type MatchWeights,
  type PairInput,
  type PairScore,
  scorePair,
} from './analysis/score.js';
import type {
  ChallengeRecommendation,
  DismissRecommendationInput,
  DismissRecommendationPayload,
  MatchBreakdown,
  MatchExplanation,
  SmeRecommendation,
} from './dto/match.types.js';
import { TermLanguage } from './dto/match.types.js';
import type { PairIntroductionState } from './dto/introduction.types.js';
import { LIVE_INTRODUCTION_STATUSES } from './introductions/introduction-transitions.js';
import { latestIntroductionsOfPairs } from './introductions/introduction.queries.js';
import { DismissalSide, type MatchSide } from './match.entities.js';
import { MatchIndexerService } from './match-indexer.service.js';
import { challengeCandidatesFor, smeCandidatesFor, termsOfChallenge } from './match-candidates.js';
import {
  challengeListPage,
  dropIssuerLists,
  dropLists,
  KEPT_LIST_TTL_SECONDS,
  type ListCursor,
  type ListEntry,
  type KeptPage,
  type PageRequest,
  smeListPage,
  storeList,
} from './match-lists.queries.js';
import { type FieldName, matchReasons, reasonTerms } from './match-reasons.js';
import {
  type ChallengeMatchContext,
  challengeContexts,
  dismissalsByField,
  fieldNames,
  pairState,
  type SideStats,
  sideStats,
  type SmeMatchFacts,
  smeFacts,
  upsertDismissal,
} from './match.queries.js';

/**
 * What a recommendation page's query selects (read only that): the recommended SME's or challenge's fields
 * (undefined: all), and whether the pair's introduction.
 */
export interface PageSelection {
  item?: ReadonlySet<string>;
  introduction: boolean;
}

const EVERYTHING: PageSelection = { introduction: true };

/** How many candidates the SQL stage hands to the exact scoring, per direction (and the length of a kept list). */
const SME_CANDIDATES = 150;
const CHALLENGE_CANDIDATES = 60;
/** Dismissals in a field after which the FEEDBACK penalty is full. */
const FEEDBACK_FULL_AT = 6;
/** How long the taxonomy's names are reused for the reasons. */
const FIELD_NAMES_TTL_MS = 60_000;
/** The matched terms a kept list keeps of each pair besides those the reasons name: what the breakdown shows. */
const MATCHED_TERMS_SHOWN = 20;

type PreparedChallenge = Pick<
  PairInput,
  'challengeTerms' | 'avoid' | 'excludedRoutes' | 'applicationTerms'
>;

interface ScoredCandidate {
  id: string;
  score: PairScore;
  facts: ReasonInputs;
}

interface ReasonInputs {
  qualification: string;
  regionCode: string | null;
  track: { shortlisted: number; selected: number; awarded: number };
}

/**
 * Recommendations both ways, one pair's explanation, and dismissals. Two stages per request, each a bounded
 * number of statements whatever the data size: candidates from SQL (BM25 over the postings plus shared fields,
 * filtered by the product's own rules), then the exact score of each candidate in code (analysis/score.ts), with
 * the facts for all candidates read in one statement each.
 */
@Injectable()
export class MatchmakingService {
  private readonly weights: MatchWeights;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly indexer: MatchIndexerService,
    private readonly challenges: ChallengeQueryService,
    private readonly smes: SmesService,
  ) {
    this.weights = matchWeights(config.matchWeights);
  }

  async recommendedSmes(
    actor: Actor,
    challengeId: string,
    args: { first?: number; after?: string },
    locale: ErrorLocale,
    select: PageSelection = EVERYTHING,
  ): Promise<ConnectionShape<SmeRecommendation>> {
    if (!isAdmin(actor) && actor.organization?.kind !== 'ENTERPRISE')
      throw new ForbiddenError(
        'RECOMMENDATIONS_FOR_ISSUERS_ONLY',
        'Only members of an enterprise and platform administrators may see the SMEs recommended for a challenge',
      );
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = args.after ? this.cursor(args.after) : null;
    await this.assertOwnChallenge(actor, challengeId);
    const page = await this.listPage(
      'S',
      challengeId,
      after,
      first,
      () => this.rankSmes(challengeId),
      (request) => smeListPage(this.dataSource, challengeId, request),
    );
    const [smes, names, introductions] = await Promise.all([
      this.smes.getMany(
        actor,
        page.rows.map((r) => r.id),
        select.item,
      ),
      this.fieldNames(),
      this.pairIntroductions(
        select.introduction ? page.rows.map((r) => ({ challengeId, smeId: r.id })) : [],
      ),
    ]);
    const byId = new Map(smes.map((s) => [s.id, s]));
    const edges = page.rows.flatMap((r) => {
      const sme = byId.get(r.id);
      return sme
        ? [
            {
              cursor: cursorOf(r),
              node: {
                sme,
                match: this.breakdown(r, names, locale),
                introduction: introductions.get(`${challengeId}:${r.id}`) ?? null,
              },
            },
          ]
        : [];
    });
    return { edges, pageInfo: pageInfoOf(edges, page.hasNext, args.after) };
  }

  async recommendedChallenges(
    actor: Actor,
    args: { first?: number; after?: string },
    locale: ErrorLocale,
    select: PageSelection = EVERYTHING,
  ): Promise<ConnectionShape<ChallengeRecommendation>> {
    const sme = actor.organization?.kind === 'SME' ? actor.organization.id : null;
    if (!sme)
      throw new ForbiddenError(
        'RECOMMENDATIONS_FOR_SMES_ONLY',
        'Only members of an SME may see the challenges recommended to it',
      );
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = args.after ? this.cursor(args.after) : null;
    const viewer = viewerOf(actor);
    const page = await this.listPage(
      'C',
      sme,
      after,
      first,
      () => this.rankChallenges(viewer, sme),
      (request) => challengeListPage(this.dataSource, viewer, sme, request),
    );
    const [challenges, names, introductions] = await Promise.all([
      this.challenges.summaries(
        actor,
        page.rows.map((r) => r.id),
        select.item,
      ),
      this.fieldNames(),
      this.pairIntroductions(
        select.introduction ? page.rows.map((r) => ({ challengeId: r.id, smeId: sme })) : [],
      ),
    ]);
    const byId = new Map(challenges.map((c) => [c.id, c]));
    const edges = page.rows.flatMap((r) => {
      const challenge = byId.get(r.id);
      return challenge
        ? [
            {
              cursor: cursorOf(r),
              node: {
                challenge,
                match: this.breakdown(r, names, locale),
                introduction: introductions.get(`${r.id}:${sme}`) ?? null,
              },
            },
          ]
        : [];
    });
    return { edges, pageInfo: pageInfoOf(edges, page.hasNext, args.after) };
  }

  /**
   * The latest introduction of each pair of a page, by `challengeId:smeId` (conversion): read at page time in one
   * statement, never kept in the lists (they cache scores only). The parties of a recommendation are the parties of
   * the introduction, so what it shows is theirs to see.
   */
  private async pairIntroductions(
    pairs: { challengeId: string; smeId: string }[],
  ): Promise<Map<string, PairIntroductionState>> {
    if (!pairs.length) return new Map();
    const rows = await latestIntroductionsOfPairs(this.dataSource, pairs);
    return new Map(
      rows.map((r) => [
        `${r.challengeId}:${r.smeId}`,
        {
          id: r.id,
          status: r.status as PairIntroductionState['status'],
          live: LIVE_INTRODUCTION_STATUSES.includes(r.status),
        },
      ]),
    );
  }

  /**
   * The SMEs recommended for a challenge now, best first, scored at least `minScore`, at most `max`: the kept list
   * (computed if missing) read with the recommendation rules checked again (verified, eligible, not dismissed).
   */
  async fittingSmes(challengeId: string, minScore: number, max: number): Promise<string[]> {
    if (max <= 0) return [];
    const page = await this.listPage(
      'S',
      challengeId,
      null,
      max,
      () => this.rankSmes(challengeId),
      (request) => smeListPage(this.dataSource, challengeId, request),
    );
    return page.rows.filter((r) => r.score.score >= minScore).map((r) => r.id);
  }

  /** The SMEs for a challenge, scored exactly, best first (the list a request keeps). */
  private async rankSmes(challengeId: string): Promise<ScoredCandidate[]> {
    const [challenge] = await challengeContexts(this.dataSource, [challengeId]);
    if (!challenge) throw new NotFoundError('Challenge');
    const { stats, candidates } = await smeCandidatesFor(
      this.dataSource,
      challenge,
      this.weights,
      SME_CANDIDATES,
    );
    const ids = candidates.map((c) => c.id);
    const [facts, tracks, feedback] = await Promise.all([
      smeFacts(this.dataSource, ids, termsOfChallenge(challenge)),
      this.tracks(ids),
      dismissalsByField(this.dataSource, 'ISSUER', challenge.issuerOrganizationId),
    ]);
    return ranked(
      facts.map((f) => this.score(challenge, stats, f, tracks.get(f.id), feedback, 'ISSUER')),
    );
  }

  /** The challenges for an SME seen as `viewer`, scored exactly, best first (the list a request keeps). */
  private async rankChallenges(viewer: Viewer, sme: string): Promise<ScoredCandidate[]> {
    const candidates = await challengeCandidatesFor(
      this.dataSource,
      viewer,
      sme,
      this.weights,
      CHALLENGE_CANDIDATES,
    );
    const contexts = await challengeContexts(
      this.dataSource,
      candidates.map((c) => c.id),
    );
    const allTerms = [...new Set(contexts.flatMap(termsOfChallenge))];
    const [stats, [facts], tracks, feedback] = await Promise.all([
      sideStats(this.dataSource, 'S', allTerms),
      smeFacts(this.dataSource, [sme], allTerms),
      this.tracks([sme]),
      dismissalsByField(this.dataSource, 'SME', sme),
    ]);
    return facts
      ? ranked(
          contexts.map((c) => ({
            ...this.score(c, stats, facts, tracks.get(sme), feedback, 'SME'),
            id: c.id,
          })),
        )
      : [];
  }

  /**
   * A page of the subject's recommendations. A kept list younger than KEPT_LIST_TTL_SECONDS is read a page at a time,
   * with the rules checked again (`read`); otherwise the list is ranked (`rank`), kept unless something it
   * depends on changed meanwhile, and the page taken from it.
   */
  private async listPage(
    side: MatchSide,
    subjectId: string,
    after: ListCursor | null,
    first: number,
    rank: () => Promise<ScoredCandidate[]>,
    read: (request: PageRequest) => Promise<KeptPage>,
  ): Promise<{ rows: ScoredCandidate[]; hasNext: boolean }> {
    const request = { after, limit: first + 1, ttlSeconds: KEPT_LIST_TTL_SECONDS };
    let state = await read(request);
    // Documents wait to be indexed (those a run under way took off the queue read as queued until it commits):
    // index them first, and read again what they may have dropped.
    if (state.queued) {
      await this.indexer.catchUp();
      state = await read(request);
    }
    if (state.fresh)
      return {
        rows: state.entries.slice(0, first).map(fromEntry),
        hasNext: state.entries.length > first,
      };
    // One computation per list at a time in this process: requests arriving meanwhile wait for it.
    const key = `${side}:${subjectId}`;
    let computing = this.computing.get(key);
    if (!computing) {
      computing = (async () => {
        const list = (await rank()).map(kept);
        await this.dataSource.transaction((manager) =>
          storeList(manager, side, subjectId, state.generation, list.map(toEntry)),
        );
        return list;
      })().finally(() => this.computing.delete(key));
      this.computing.set(key, computing);
    }
    return pageOf(await computing, after, first);
  }

  /** The lists being computed in this process, by side and subject. */
  private readonly computing = new Map<string, Promise<ScoredCandidate[]>>();

  /** One pair's breakdown, to the issuer's members, the SME's members and admins. */
  async explain(
    actor: Actor,
    challengeId: string,
    smeId: string,
    locale: ErrorLocale,
  ): Promise<MatchExplanation> {
    const side = await this.sideOf(actor, challengeId, smeId, 'MATCH_EXPLANATION_FOR_PARTIES_ONLY');
    await this.indexer.catchUp();
    const [challenge] = await challengeContexts(this.dataSource, [challengeId]);
    if (!challenge) throw new NotFoundError('Challenge');
    const terms = termsOfChallenge(challenge);
    const [stats, [facts], tracks, feedback, state, [challengeNode], [sme]] = await Promise.all([
      sideStats(this.dataSource, 'S', terms),
      smeFacts(this.dataSource, [smeId], terms),
      this.tracks([smeId]),
      side === DismissalSide.SME
        ? dismissalsByField(this.dataSource, 'SME', smeId)
        : dismissalsByField(this.dataSource, 'ISSUER', challenge.issuerOrganizationId),
      pairState(this.dataSource, challengeId, smeId),
      this.challenges.summaries(actor, [challengeId]),
      this.smes.getMany(actor, [smeId]),
    ]);
    if (!facts || !sme) throw new NotFoundError('SME');
    if (!challengeNode) throw new NotFoundError('Challenge');
    const scored = this.score(challenge, stats, facts, tracks.get(smeId), feedback, side);
    const dismissed = side ? state.dismissedBy.includes(side) : false;
    const open = side === DismissalSide.SME ? state.challengeOpen : true;
    return {
      challenge: challengeNode,
      sme,
      recommendable:
        state.smeVerified && state.eligibilityProblems.length === 0 && open && !dismissed,
      eligibilityProblems: state.eligibilityProblems,
      dismissed,
      match: this.breakdown(scored, await this.fieldNames(), locale),
    };
  }

  async dismiss(
    actor: Actor,
    input: DismissRecommendationInput,
  ): Promise<DismissRecommendationPayload> {
    const side = await this.sideOf(
      actor,
      input.challengeId,
      input.smeId,
      'DISMISSAL_FOR_PARTIES_ONLY',
    );
    if (!side)
      throw new ForbiddenError(
        'DISMISSAL_FOR_PARTIES_ONLY',
        'Only members of the issuing enterprise or of the SME may dismiss a recommendation',
      );
    const reason = input.reason?.trim() || null;
    const organizationId = actor.organization!.id;
    const dismissal = await this.dataSource.transaction(async (manager) => {
      const row = await upsertDismissal(manager, {
        challengeId: input.challengeId,
        smeId: input.smeId,
        side,
        reason,
        dismissedBy: actor.userId,
      });
      // The side's feedback moved: its kept lists are ranked again (the pair itself is left out at once).
      if (side === DismissalSide.ISSUER) await dropIssuerLists(manager, organizationId);
      else await dropLists(manager, { sides: ['C'], subjects: [{ side: 'C', id: input.smeId }] });
      return row;
    });
    return { dismissal };
  }

  /**
   * Which side the actor speaks for on the pair (null for an admin), after checking it may: the issuer's
   * members (the challenge is theirs; the SME one they may see), the SME's members (the SME is theirs; the
   * challenge one they may see). NOT_FOUND for what the actor may not see; FORBIDDEN for anyone else.
   */
  private async sideOf(
    actor: Actor,
    challengeId: string,
    smeId: string,
    forbidden: 'MATCH_EXPLANATION_FOR_PARTIES_ONLY' | 'DISMISSAL_FOR_PARTIES_ONLY',
  ): Promise<DismissalSide | null> {
    assertUuid(challengeId, 'challengeId');
    assertUuid(smeId, 'smeId');
    const org = actor.organization;
    if (org?.kind === 'SME') {
      if (org.id !== smeId)
        throw new ForbiddenError(forbidden, 'Only the parties to a match may do this');
      await this.challenges.assertVisible(actor, challengeId);
      return DismissalSide.SME;
    }
    if (org?.kind === 'ENTERPRISE' || isAdmin(actor)) {
      await this.assertOwnChallenge(actor, challengeId);
      const [sme] = await this.smes.getMany(actor, [smeId]);
      if (!sme) throw new NotFoundError('SME');
      return org?.kind === 'ENTERPRISE' ? DismissalSide.ISSUER : null;
    }
    throw new ForbiddenError(forbidden, 'Only the parties to a match may do this');
  }

  /** NOT_FOUND unless the challenge exists and is the actor's enterprise's (any challenge for admins). */
  private async assertOwnChallenge(actor: Actor, challengeId: string): Promise<void> {
    assertUuid(challengeId, 'challengeId');
    const challenge = await this.challenges.assertVisible(actor, challengeId);
    if (!isAdmin(actor) && challenge.issuerOrganizationId !== actor.organization?.id)
      throw new NotFoundError('Challenge');
  }

  private cursor(after: string): ListCursor {
    const [score, id] = decodeCursor(after, [/^\d\.\d{9}$/, 'uuid']);
    return { score: String(score), id: String(id) };
  }

  private async tracks(ids: readonly string[]) {
    const out = new Map<
      string,
      { fieldCode: string; shortlisted: number; selected: number; awarded: number }[]
    >();
    if (!ids.length) return out;
    for (const row of await trackRecordsOf(this.dataSource, ids)) {
      const list = out.get(row.organizationId) ?? [];
      list.push({ ...row.entry });
      out.set(row.organizationId, list);
    }
    return out;
  }

  /** What scoring needs of a challenge with the IDFs of one request, computed once per challenge and request. */
  private readonly preparedChallenges = new WeakMap<
    ChallengeMatchContext,
    { stats: SideStats; inputs: PreparedChallenge }
  >();

  private prepare(challenge: ChallengeMatchContext, stats: SideStats): PreparedChallenge {
    const cached = this.preparedChallenges.get(challenge);
    if (cached?.stats === stats) return cached.inputs;
    const idfOf = (term: string) => idf(stats.df.get(term) ?? 0, stats.documents);
    const loose = (t: { term: string; surface: string; language: 'ZH' | 'EN' }) => ({
      ...t,
      idf: idfOf(t.term),
    });
    const inputs: PreparedChallenge = {
      challengeTerms: challenge.terms.map((t) => ({
        ...t,
        language: t.term.startsWith('z:') ? 'ZH' : 'EN',
        idf: idfOf(t.term),
      })),
      avoid: challenge.avoid.map(loose),
      excludedRoutes: challenge.excludedRoutes.map(loose),
      applicationTerms: challenge.applicationTerms.map((term) => ({
        term,
        surface: term,
        language: term.startsWith('z:') ? 'ZH' : 'EN',
        idf: idfOf(term),
      })),
    };
    this.preparedChallenges.set(challenge, { stats, inputs });
    return inputs;
  }

  private score(
    challenge: ChallengeMatchContext,
    stats: SideStats,
    facts: SmeMatchFacts,
    track:
      { fieldCode: string; shortlisted: number; selected: number; awarded: number }[] | undefined,
    dismissedFields: Map<string, number>,
    feedbackSide: 'ISSUER' | 'SME' | null,
  ): ScoredCandidate {
    const prepared = this.prepare(challenge, stats);
    const related = (code: string) =>
      challenge.fieldCodes.length === 0 ||
      challenge.fieldCodes.some((c) => fieldCloseness(c, code) > 0);
    const relevantTrack = (track ?? []).filter((t) => related(t.fieldCode));
    const sum = (k: 'shortlisted' | 'selected' | 'awarded') =>
      relevantTrack.reduce((s, t) => s + t[k], 0);
    const trackTotals = {
      shortlisted: sum('shortlisted'),
      selected: sum('selected'),
      awarded: sum('awarded'),
    };
    // The issuer's dismissals are counted by the SMEs' fields, the SME's by the challenges'.
    const dismissedHere = Math.max(
      0,
      ...(feedbackSide === 'ISSUER'
        ? facts.fieldCodes
        : feedbackSide === 'SME'
          ? challenge.fieldCodes
          : []
      ).map((code) => dismissedFields.get(code) ?? 0),
    );
    const score = scorePair(
      {
        ...prepared,
        smePostings: facts.postings,
        smeLength: facts.length,
        averageSmeLength: stats.averageLength,
        challengeFields: challenge.fieldCodes,
        smeFields: facts.fieldCodes,
        challengeIndustry: challenge.industryCode,
        smeProjectIndustries: facts.projectIndustries,
        qualificationRank: facts.qualificationRank,
        regionNamed: challenge.allowedRegionCodes.length > 0,
        regionMatched:
          !!facts.regionCode && challenge.allowedRegionCodes.includes(facts.regionCode),
        track: trackTotals,
        feedback: Math.min(1, dismissedHere / FEEDBACK_FULL_AT),
      },
      this.weights,
    );
    return {
      id: facts.id,
      score,
      facts: {
        qualification: QUALIFICATION_ORDER[facts.qualificationRank] ?? 'NONE',
        regionCode: score.components.find((c) => c.kind === 'REGION')?.value
          ? facts.regionCode
          : null,
        track: trackTotals,
      },
    };
  }

  /**
   * The taxonomy's names for the reasons, read at most once every FIELD_NAMES_TTL_MS per process (admins add
   * fields rarely; until then a new field is left out of the reasons, never named wrongly).
   */
  private async fieldNames(): Promise<Map<string, FieldName>> {
    const now = Date.now();
    if (!this.names || now - this.names.at > FIELD_NAMES_TTL_MS)
      this.names = {
        at: now,
        byCode: fieldNames(this.dataSource).then((rows) => new Map(rows.map((f) => [f.code, f]))),
      };
    const names = this.names;
    return names.byCode.catch((error: unknown) => {
      if (this.names === names) this.names = null;
      throw error;
    });
  }

  private names: { at: number; byCode: Promise<Map<string, FieldName>> } | null = null;

  /**
   * The breakdown of a pair as the API shows it. Only the score is computed at once: the other parts are
   * computed when (and if) the query asks for them, once each (a list page asking for scores and reasons
   * builds no matched terms).
   */
  private breakdown(
    r: ScoredCandidate,
    names: Map<string, FieldName>,
    locale: ErrorLocale,
  ): MatchBreakdown {
    return onDemand<MatchBreakdown>(
      { score: round(r.score.score) },
      {
        components: () => r.score.components.map((c) => ({ ...c, value: round(c.value) })),
        matchedTerms: () =>
          r.score.matched.slice(0, 20).map((m) => ({
            challengeText: m.challengeSurface,
            smeText: m.smeSurface,
            language: m.language === 'ZH' ? TermLanguage.ZH : TermLanguage.EN,
            challengeLocations: locationsOf(m.challengeLocations),
            smeLocations: locationsOf(m.smeLocations),
            viaTranslation: m.viaTranslation,
          })),
        sharedTechnicalFields: () => {
          const seen = new Set<string>();
          return r.score.sharedFields
            .filter((f) => !seen.has(f.sme) && seen.add(f.sme))
            .flatMap((f) => {
              const n = names.get(f.sme);
              return n
                ? [
                    {
                      code: n.code,
                      parentCode: parentOf(n.code),
                      nameZh: n.nameZh,
                      nameEn: n.nameEn,
                    },
                  ]
                : [];
            });
        },
        reasons: () => matchReasons(r.score, { fieldNames: names, ...r.facts }, locale),
      },
    );
  }
}

/**
 * `ready` with the `later` properties added as enumerable getters, each computed on first read and kept: the
 * GraphQL executor reads a property only when the query selects the field.
 */
function onDemand<T extends object>(ready: Partial<T>, later: { [K in keyof T]?: () => T[K] }): T {
  const out = { ...ready } as T;
  for (const [key, compute] of Object.entries(later) as [string, () => unknown][]) {
    let value: unknown;
    let done = false;
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => {
        if (!done) {
          value = compute();
          done = true;
        }
        return value;
      },
    });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const parentOf = (code: string) =>
  code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;

/** The score as the cursor writes it (nine decimals: the order of the list). */
const scoreKey = (r: ScoredCandidate) => r.score.score.toFixed(9);
const cursorOf = (r: ScoredCandidate) => encodeCursor([scoreKey(r), r.id]);

/** Best first: score (as the cursor writes it) descending, then id. */
function ranked(scored: ScoredCandidate[]): ScoredCandidate[] {
  return scored
    .map((r) => ({ r, key: Number(scoreKey(r)) }))
    .sort((a, b) => b.key - a.key || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0))
    .map(({ r }) => r);
}

/** The page after the cursor of a ranked list. */
function pageOf(
  list: ScoredCandidate[],
  after: ListCursor | null,
  first: number,
): { rows: ScoredCandidate[]; hasNext: boolean } {
  const score = after ? Number(after.score) : 0;
  const start = after
    ? list.findIndex((r) => {
        const s = Number(scoreKey(r));
        return s < score || (s === score && r.id > after.id);
      })
    : 0;
  const rest = start < 0 ? [] : list.slice(start);
  return { rows: rest.slice(0, first), hasNext: rest.length > first };
}

/** A pair as a kept list keeps it: its matched terms cut to those the breakdown and the reasons read. */
function kept(r: ScoredCandidate): ScoredCandidate {
  const { zhTerms, enTerms, crossLanguage } = reasonTerms(r.score.matched);
  const named = new Set([...zhTerms, ...enTerms, ...crossLanguage]);
  return {
    ...r,
    score: {
      ...r.score,
      matched: r.score.matched.filter((m, i) => i < MATCHED_TERMS_SHOWN || named.has(m)),
    },
  };
}

/** What a kept list stores of a pair (its id and score apart). */
interface KeptDetail {
  score: PairScore;
  facts: ReasonInputs;
}

const toEntry = (r: ScoredCandidate): ListEntry => ({
  candidateId: r.id,
  score: scoreKey(r),
  detail: { score: r.score, facts: r.facts } satisfies KeptDetail,
});

/** A kept entry as scored (the detail is what toEntry wrote). */
const fromEntry = (e: ListEntry): ScoredCandidate => {
  const detail = e.detail as KeptDetail;
  return { id: e.candidateId, score: detail.score, facts: detail.facts };
};
