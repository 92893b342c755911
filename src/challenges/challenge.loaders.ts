import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ChallengeDetailPart } from './challenge.mapper.js';
import { viewerOf } from './challenge-sql.js';
import {
  announcementsOf,
  criteriaOf,
  detailPartsOf,
  eligibilityProblemsOf,
  Part,
  questionsOf,
  requirementsOf,
  termsOf,
} from './challenges.queries.js';
import {
  ChallengeAnnouncement,
  ChallengeEligibilityCheck,
  ChallengeQuestion,
  ChallengeRequirement,
  ChallengeTerms,
  EvaluationCriterion,
} from './dto/challenge.types.js';

/**
 * Per-request DataLoaders for the parts of a challenge: one `= ANY($ids)` query per part and request,
 * never one per row. Keys are ids of challenges the viewer already saw (they came out of a visible query),
 * so the loaders only apply the finer rules (description, questions).
 */
export interface ChallengeLoaderSet {
  requirements: DataLoader<string, ChallengeRequirement[]>;
  criteria: DataLoader<string, EvaluationCriterion[]>;
  terms: DataLoader<string, ChallengeTerms | null>;
  questions: DataLoader<string, ChallengeQuestion[]>;
  announcements: DataLoader<string, ChallengeAnnouncement[]>;
  detail: DataLoader<string, ChallengeDetailPart>;
  /** Null when the viewer belongs to no organisation. */
  eligibility: DataLoader<string, ChallengeEligibilityCheck | null>;
}

/** The parts in the order of `ids` (a list per id, empty when it has none). */
function group<T>(ids: readonly string[], parts: Part<T>[]): T[][] {
  const byId = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const part of parts) byId.get(part.challengeId)?.push(part.value);
  return ids.map((id) => byId.get(id) ?? []);
}

@Injectable()
export class ChallengeLoaders {
  /** Loaders live as long as the request object (the GraphQL context's req). */
  private readonly perRequest = new WeakMap<object, ChallengeLoaderSet>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  for(req: object, actor: Actor | null): ChallengeLoaderSet {
    let set = this.perRequest.get(req);
    if (!set) {
      set = this.create(actor);
      this.perRequest.set(req, set);
    }
    return set;
  }

  private create(actor: Actor | null): ChallengeLoaderSet {
    const db = this.dataSource;
    const viewer = viewerOf(actor);
    return {
      requirements: new DataLoader(async (ids) => group(ids, await requirementsOf(db, ids))),
      criteria: new DataLoader(async (ids) => group(ids, await criteriaOf(db, ids))),
      terms: new DataLoader(async (ids) =>
        group(ids, await termsOf(db, ids)).map((list) => list[0] ?? null),
      ),
      questions: new DataLoader(async (ids) => group(ids, await questionsOf(db, viewer, ids))),
      announcements: new DataLoader(async (ids) => group(ids, await announcementsOf(db, ids))),
      detail: new DataLoader(async (ids) =>
        group(ids, await detailPartsOf(db, viewer, ids)).map(
          (list) => list[0] ?? { description: null, descriptionShown: false, termsAccepted: false },
        ),
      ),
      eligibility: new DataLoader(async (ids) => {
        if (!viewer.organizationId) return ids.map(() => null);
        const rows = await eligibilityProblemsOf(db, viewer.organizationId, ids);
        return group(ids, rows).map((list) =>
          list[0] ? { eligible: list[0].length === 0, reasons: list[0] } : null,
        );
      }),
    };
  }
}
