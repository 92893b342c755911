import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ChallengeDetailPart } from './challenge.mapper.js';
import { eligibilityProblemsSql } from '../organizations/index.js';
import { descriptionShownSql, isIssuerSql, SqlParams, viewerOf } from './challenge-sql.js';
import { ChallengeAnnouncement, ChallengeEligibilityCheck, ChallengeQuestion, ChallengeRequirement, ChallengeTerms, EvaluationCriterion } from './dto/challenge.types.js';

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

function group<T>(ids: readonly string[], rows: (T & { challenge_id: string })[]): T[][] {
  const byId = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) byId.get(row.challenge_id)?.push(row);
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
      requirements: new DataLoader(async (ids) => {
        const rows = (await db.query(
          `SELECT challenge_id, id, position, name, target, unit, weight, must_have AS "mustHave" FROM challenge_requirements WHERE challenge_id = ANY($1::uuid[]) ORDER BY position`,
          [ids],
        )) as (ChallengeRequirement & { challenge_id: string })[];
        return group(ids, rows);
      }),
      criteria: new DataLoader(async (ids) => {
        const rows = (await db.query(
          `SELECT challenge_id, id, position, name, description, weight, veto FROM evaluation_criteria WHERE challenge_id = ANY($1::uuid[]) ORDER BY position`,
          [ids],
        )) as (EvaluationCriterion & { challenge_id: string })[];
        return group(ids, rows);
      }),
      terms: new DataLoader(async (ids) => {
        const rows = (await db.query(
          `SELECT t.challenge_id, t.version, t.text, t.created_at AS "createdAt"
             FROM challenges c JOIN challenge_terms t ON t.challenge_id = c.id AND t.version = c.terms_version
            WHERE c.id = ANY($1::uuid[]) AND c.requires_terms`,
          [ids],
        )) as (ChallengeTerms & { challenge_id: string })[];
        return group(ids, rows).map((list) => list[0] ?? null);
      }),
      questions: new DataLoader(async (ids) => {
        const p = new SqlParams();
        const idsParam = p.add(ids);
        const mine = viewer.organizationId ? `q.asker_organization_id = ${p.add(viewer.organizationId)}::uuid` : 'FALSE';
        const manages = viewer.admin ? 'TRUE' : isIssuerSql(viewer, p, 'c');
        // Issuer and admins see every question; others the answered ones and their own organisation's.
        const rows = (await db.query(
          `SELECT q.challenge_id, q.id, q.question, q.answer, q.created_at AS "askedAt", q.answered_at AS "answeredAt", ${mine} AS "askedByMyOrganization"
             FROM challenge_questions q JOIN challenges c ON c.id = q.challenge_id
            WHERE q.challenge_id = ANY(${idsParam}::uuid[]) AND (${manages} OR q.published OR ${mine})
            ORDER BY q.created_at, q.id`,
          p.values,
        )) as (ChallengeQuestion & { challenge_id: string })[];
        return group(ids, rows);
      }),
      announcements: new DataLoader(async (ids) => {
        const rows = (await db.query(
          `SELECT challenge_id, id, title, body, created_at AS "createdAt" FROM challenge_announcements WHERE challenge_id = ANY($1::uuid[]) ORDER BY created_at DESC, id DESC`,
          [ids],
        )) as (ChallengeAnnouncement & { challenge_id: string })[];
        return group(ids, rows);
      }),
      detail: new DataLoader(async (ids) => {
        const p = new SqlParams();
        const idsParam = p.add(ids);
        const shown = descriptionShownSql(viewer, p, 'c');
        const accepted = viewer.organizationId
          ? `EXISTS (SELECT 1 FROM challenge_terms_acceptances ta2 WHERE ta2.challenge_id = c.id AND ta2.organization_id = ${p.add(viewer.organizationId)}::uuid AND ta2.terms_version = c.terms_version)`
          : 'FALSE';
        const rows = (await db.query(
          `SELECT c.id AS challenge_id, CASE WHEN ${shown} THEN c.description END AS description, ${shown} AS "descriptionShown", ${accepted} AS "termsAccepted"
             FROM challenges c WHERE c.id = ANY(${idsParam}::uuid[])`,
          p.values,
        )) as (ChallengeDetailPart & { challenge_id: string })[];
        return group(ids, rows).map((list) => list[0] ?? { description: null, descriptionShown: false, termsAccepted: false });
      }),
      eligibility: new DataLoader(async (ids) => {
        if (!viewer.organizationId) return ids.map(() => null);
        const rows = (await db.query(
          `SELECT c.id AS challenge_id, ${eligibilityProblemsSql('$2')} AS reasons FROM challenges c WHERE c.id = ANY($1::uuid[])`,
          [ids, viewer.organizationId],
        )) as { challenge_id: string; reasons: string[] }[];
        return group(ids, rows).map((list) => (list[0] ? { eligible: list[0].reasons.length === 0, reasons: list[0].reasons } : null));
      }),
    };
  }
}
