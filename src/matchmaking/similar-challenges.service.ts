import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChallengeQueryService } from '../challenges/index.js';
import type { Actor } from '../common/auth/actor.js';
import { NotFoundError } from '../common/errors.js';
import { assertUuid } from '../common/uuid.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { challengeQuantities, type Quantity } from './analysis/quantities.js';
import { matchWeights, type MatchWeights } from './analysis/score.js';
import {
  type ChallengeSimilarity,
  challengeSimilarity,
  type SimilarityDocument,
} from './analysis/similarity.js';
import {
  DEFAULT_SIMILAR_CHALLENGES,
  type SimilarChallenge,
} from './dto/similar-challenges.types.js';
import { TermLanguage } from './dto/match.types.js';
import { MatchIndexerService } from './match-indexer.service.js';
import { similarChallengeCandidatesFor } from './match-candidates.js';
import {
  type ChallengeMatchContext,
  challengeContexts,
  fieldNames,
  sideStats,
} from './match.queries.js';
import { challengeSources } from './match-index.queries.js';
import { KEPT_LIST_TTL_SECONDS } from './match-lists.queries.js';
import {
  keptSimilar,
  linkedAmong,
  type SimilarEntry,
  storeSimilarList,
} from './similar-challenges.queries.js';

/** How many candidates the SQL stage hands to the exact similarity (the list shows the best `first` of them). */
const SIMILAR_CANDIDATES = 60;
/** Shared terms shown per similar challenge. */
const SHARED_TERMS_SHOWN = 20;

/** A similar challenge before it is read for the viewer: its id and the numbers. */
export interface ScoredSimilar {
  id: string;
  similarity: ChallengeSimilarity;
}

const document = (
  c: ChallengeMatchContext,
  quantities: ReadonlyMap<string, Quantity[]>,
): SimilarityDocument => ({
  terms: c.terms,
  fieldCodes: c.fieldCodes,
  quantities: quantities.get(c.id) ?? [],
});

/**
 * Duplicate demands: for a challenge under review, the challenges of other alliance members (PENDING_REVIEW or
 * PUBLISHED) that look like the same demand, with how alike they are and why. Two stages, each a bounded number
 * of statements whatever the data size, like recommendations: candidates from the postings (BM25 over the
 * challenges' side, filtered by the rules in SQL), then the exact symmetric similarity in code
 * (analysis/similarity.ts) with every candidate's terms read in one statement and the quantities of the challenge
 * and every candidate (analysis/quantities.ts) read from their title, summary and requirements in one more. The
 * scored list is kept (similar_lists) against the challenges' corpus generation: a request for the same challenge
 * while the corpus stands reads it in one statement, with the rules and the threshold checked again.
 */
@Injectable()
export class SimilarChallengesService {
  private readonly weights: MatchWeights;
  private readonly minimum: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly indexer: MatchIndexerService,
    private readonly challenges: ChallengeQueryService,
  ) {
    this.weights = matchWeights(config.matchWeights);
    this.minimum = config.similarChallengesMinSimilarity;
  }

  /** For platform admins (the resolver's access rule): NOT_FOUND for an unknown challenge. */
  async similar(
    actor: Actor,
    challengeId: string,
    first = DEFAULT_SIMILAR_CHALLENGES,
  ): Promise<SimilarChallenge[]> {
    assertUuid(challengeId, 'challengeId');
    const top = await this.top(challengeId, first);
    const ids = top.map((s) => s.candidateId);
    const codes = new Set(top.flatMap((s) => detailOf(s).sharedFieldCodes));
    const [nodes, linked, names] = await Promise.all([
      this.challenges.summaries(actor, ids),
      linkedAmong(this.dataSource, challengeId, ids),
      codes.size ? fieldNames(this.dataSource) : Promise.resolve([]),
    ]);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const nameOf = new Map(names.map((n) => [n.code, n]));
    const linkedIds = new Set(linked);
    return top.flatMap((s) => {
      const challenge = byId.get(s.candidateId);
      if (!challenge) return [];
      const detail = detailOf(s);
      return [
        {
          challenge,
          similarity: s.similarity,
          sharedTerms: detail.sharedTerms.map((t) => ({
            challengeText: t.challengeText,
            similarText: t.similarText,
            language: t.language === 'ZH' ? TermLanguage.ZH : TermLanguage.EN,
            viaTranslation: t.viaTranslation,
          })),
          sharedTechnicalFields: detail.sharedFieldCodes.flatMap((code) => {
            const n = nameOf.get(code);
            return n
              ? [{ code, parentCode: parentOf(code), nameZh: n.nameZh, nameEn: n.nameEn }]
              : [];
          }),
          sharedQuantities: (detail.sharedQuantities ?? []).map((q) => ({
            challengeText: q.challengeText,
            similarText: q.similarText,
          })),
          linked: linkedIds.has(s.candidateId),
        },
      ];
    });
  }

  /**
   * The challenge's `first` most similar comparable challenges at least as similar as the threshold. A list
   * kept from the current corpus (and younger than the TTL) is read with the rules checked again; otherwise
   * every candidate is scored (`score`), the list kept unless the index changed meanwhile, and the best taken
   * from it.
   */
  private async top(challengeId: string, first: number): Promise<SimilarEntry[]> {
    const request = { minimum: this.minimum, limit: first, ttlSeconds: KEPT_LIST_TTL_SECONDS };
    let state = await keptSimilar(this.dataSource, challengeId, request);
    // Documents wait to be indexed (a challenge just submitted or edited): index them, and read again.
    if (state.queued) {
      await this.indexer.catchUp();
      state = await keptSimilar(this.dataSource, challengeId, request);
    }
    if (state.fresh) return state.entries;
    // One computation per list at a time in this process: requests arriving meanwhile wait for it.
    let computing = this.computing.get(challengeId);
    if (!computing) {
      const generation = state.generation;
      computing = (async () => {
        const list = (await this.score(challengeId)).map(toEntry);
        await this.dataSource.transaction((manager) =>
          storeSimilarList(manager, challengeId, generation, list),
        );
        return list;
      })().finally(() => this.computing.delete(challengeId));
      this.computing.set(challengeId, computing);
    }
    return (await computing).filter((e) => e.similarity >= this.minimum).slice(0, first);
  }

  /** The similar lists being computed in this process, by challenge. */
  private readonly computing = new Map<string, Promise<SimilarEntry[]>>();

  /**
   * Every candidate's similarity to the challenge, most similar first (ties by id), whatever the threshold:
   * what `similar` filters, and what eval:matching measures at each threshold.
   */
  async score(challengeId: string): Promise<ScoredSimilar[]> {
    assertUuid(challengeId, 'challengeId');
    // A challenge just submitted (or edited) is indexed before it is compared.
    await this.indexer.catchUp();
    const [challenge] = await challengeContexts(this.dataSource, [challengeId]);
    if (!challenge) throw new NotFoundError('Challenge');
    const candidates = await similarChallengeCandidatesFor(
      this.dataSource,
      challenge,
      this.weights,
      SIMILAR_CANDIDATES,
    );
    if (!candidates.length) return [];
    const contexts = await challengeContexts(
      this.dataSource,
      candidates.map((c) => c.id),
    );
    const terms = [...new Set([challenge, ...contexts].flatMap((c) => c.terms.map((t) => t.term)))];
    const [stats, sources] = await Promise.all([
      sideStats(this.dataSource, 'C', terms),
      challengeSources(this.dataSource, [challengeId, ...contexts.map((c) => c.id)]),
    ]);
    const quantities = new Map(sources.map((s) => [s.id, challengeQuantities(s)]));
    const subject = document(challenge, quantities);
    return contexts
      .map((c) => ({
        id: c.id,
        similarity: challengeSimilarity(subject, document(c, quantities), stats, this.weights),
      }))
      .sort(
        (a, b) =>
          b.similarity.similarity - a.similarity.similarity ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
  }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** What a kept entry says of the pair besides the number: the shared terms as shown, the shared fields' codes. */
interface SimilarDetail {
  sharedTerms: {
    challengeText: string;
    similarText: string;
    language: string;
    viaTranslation: boolean;
  }[];
  sharedFieldCodes: string[];
  /** Absent from lists kept before quantities were shown. */
  sharedQuantities?: { challengeText: string; similarText: string }[];
}

const toEntry = (s: ScoredSimilar): SimilarEntry => ({
  candidateId: s.id,
  similarity: round(s.similarity.similarity),
  detail: {
    sharedTerms: s.similarity.sharedTerms.slice(0, SHARED_TERMS_SHOWN).map((t) => ({
      challengeText: t.surface,
      similarText: t.otherSurface,
      language: t.language,
      viaTranslation: t.viaTranslation,
    })),
    sharedFieldCodes: s.similarity.sharedFieldCodes,
    sharedQuantities: s.similarity.sharedQuantities.slice(0, SHARED_TERMS_SHOWN).map((q) => ({
      challengeText: q.surface,
      similarText: q.otherSurface,
    })),
  } satisfies SimilarDetail,
});

const detailOf = (e: SimilarEntry) => e.detail as SimilarDetail;
const parentOf = (code: string) =>
  code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
