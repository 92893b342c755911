import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { belongsTo } from '../common/auth/actor.js';
import { ConflictError, FieldError, ForbiddenError, UserInputError } from '../common/errors.js';
import { ChallengeQueryService, VisibleChallenge } from './challenge-query.service.js';
import { contentErrors } from './challenge-rules.js';
import { SEARCH_VECTORS_SQL, searchDocument, zhTsvectorLiteral } from './challenge-search.js';
import { DRAFT_EDITABLE_STATUSES, ChallengeStatusName } from './challenge-transitions.js';
import { ChallengeNode } from './challenge.mapper.js';
import { AmendChallengeInput, ChallengeContentInput, CreateChallengeInput, UpdateChallengeDraftInput } from './dto/challenge.inputs.js';

type ContentPatch = Partial<ChallengeContentInput>;

/** Input field → column, with the SQL cast of its parameter. */
const COLUMNS: [keyof ContentPatch, string, string][] = [
  ['titleZh', 'title_zh', 'varchar'],
  ['titleEn', 'title_en', 'varchar'],
  ['summaryZh', 'summary_zh', 'text'],
  ['summaryEn', 'summary_en', 'text'],
  ['description', 'description', 'text'],
  ['industryCode', 'industry_code', 'bpchar'],
  ['chainGoal', 'chain_goal', 'challenge_chain_goal'],
  ['demandType', 'demand_type', 'challenge_demand_type'],
  ['cooperationModes', 'cooperation_modes', 'cooperation_mode[]'],
  ['budgetMin', 'budget_min', 'bigint'],
  ['budgetMax', 'budget_max', 'bigint'],
  ['bounty', 'bounty', 'bigint'],
  ['currency', 'currency', 'bpchar'],
  ['ipOwnership', 'ip_ownership', 'ip_ownership'],
  ['visibility', 'visibility', 'challenge_visibility'],
  ['proposalCountVisibility', 'proposal_count_visibility', 'challenge_proposal_count_visibility'],
  ['anonymousIssuer', 'anonymous_issuer', 'boolean'],
  ['blindReview', 'blind_review', 'boolean'],
  ['deadline', 'deadline', 'timestamptz'],
];

interface CurrentContent {
  title_zh: string | null;
  title_en: string | null;
  budget_min: string | null;
  budget_max: string | null;
  deadline: Date;
  terms_text: string | null;
  requires_terms: boolean;
}

/**
 * Writing a challenge's content: create, draft update, amendment after publication (with version
 * snapshots), plus the search vectors. Every write is one transaction with its audit row.
 * Who may edit: any member (OWNER, ADMIN or MEMBER) of the issuing enterprise — drafting is the work of the
 * enterprise's staff; cancelling is kept to OWNER/ADMIN (ChallengeLifecycleService.cancel).
 */
@Injectable()
export class ChallengeContentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly query: ChallengeQueryService,
  ) {}

  async create(actor: Actor, input: CreateChallengeInput): Promise<ChallengeNode> {
    const org = actor.organization;
    if (org?.kind !== 'ENTERPRISE') throw new ForbiddenError('ENTERPRISE_MEMBERS_ONLY', 'Only members of an enterprise may post challenges');
    const errors = contentErrors(input, { now: new Date(), deadlineChanged: true });
    errors.push(...(await this.unknownFieldCodes(this.dataSource.manager, input.technicalFieldCodes)));
    if (errors.length) throw new UserInputError(errors);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO challenges (issuer_organization_id, created_by, industry_code, chain_goal, demand_type, deadline, title_zh, title_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [org.id, actor.userId, input.industryCode, input.chainGoal, input.demandType, input.deadline, input.titleZh ?? null, input.titleEn ?? null],
      )) as { id: string }[];
      await this.applyPatch(manager, row.id, input, false);
      await this.audit.record(manager, { actor, action: 'CHALLENGE_CREATED', entityType: 'Challenge', entityId: row.id, organizationId: org.id, to: 'DRAFT' });
      return row.id;
    });
    return this.query.get(actor, id);
  }

  async updateDraft(actor: Actor, input: UpdateChallengeDraftInput): Promise<ChallengeNode> {
    const { id, expectedVersion, ...patch } = input;
    await this.dataSource.transaction(async (manager) => {
      const c = await this.editable(manager, actor, id, expectedVersion);
      if (!DRAFT_EDITABLE_STATUSES.includes(c.status as ChallengeStatusName)) {
        throw new ConflictError('NOT_A_DRAFT', `A ${c.effectiveStatus} challenge is not a draft; amend it after publication with amendChallenge`);
      }
      await this.validatePatch(manager, id, patch, undefined);
      await this.bumpVersion(manager, id, expectedVersion);
      await this.applyPatch(manager, id, patch, false);
      await this.audit.record(manager, {
        actor,
        action: 'CHALLENGE_DRAFT_UPDATED',
        entityType: 'Challenge',
        entityId: id,
        organizationId: c.issuerOrganizationId,
        data: { fields: Object.keys(patch), version: expectedVersion + 1 },
      });
    });
    return this.query.get(actor, id);
  }

  /**
   * An edit after publication: needs a change summary, bumps the version, keeps a snapshot of it, may extend
   * but never shorten the deadline; new terms text starts a new terms version that must be accepted again.
   * Requirements and evaluation criteria are frozen once published (proposals and scores reference them).
   */
  async amend(actor: Actor, input: AmendChallengeInput): Promise<ChallengeNode> {
    const { id, expectedVersion, changeSummary, ...patch } = input;
    await this.dataSource.transaction(async (manager) => {
      const c = await this.editable(manager, actor, id, expectedVersion);
      if (c.effectiveStatus !== 'PUBLISHED') {
        throw new ConflictError('NOT_PUBLISHED', `Only a published challenge before its deadline can be amended (it is ${c.effectiveStatus})`);
      }
      await this.validatePatch(manager, id, patch, c.deadline);
      await this.bumpVersion(manager, id, expectedVersion);
      await this.applyPatch(manager, id, patch, true);
      await this.snapshot(manager, actor, id, changeSummary);
      await this.audit.record(manager, {
        actor,
        action: 'CHALLENGE_AMENDED',
        entityType: 'Challenge',
        entityId: id,
        organizationId: c.issuerOrganizationId,
        reason: changeSummary,
        data: { fields: Object.keys(patch), version: expectedVersion + 1 },
      });
    });
    return this.query.get(actor, id);
  }

  /** Keeps the current content as the public record of the current version. */
  async snapshot(manager: EntityManager, actor: Actor | null, id: string, changeSummary: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO challenge_versions (challenge_id, version, snapshot, change_summary, created_by)
       SELECT c.id, c.version, jsonb_build_object(
                'titleZh', c.title_zh, 'titleEn', c.title_en, 'summaryZh', c.summary_zh, 'summaryEn', c.summary_en,
                'description', c.description, 'deadline', to_char(c.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'budgetMin', c.budget_min::text, 'budgetMax', c.budget_max::text, 'bounty', c.bounty::text, 'termsVersion', c.terms_version,
                'technicalFieldCodes', (SELECT coalesce(jsonb_agg(field_code ORDER BY field_code), '[]'::jsonb) FROM challenge_technical_fields WHERE challenge_id = c.id)),
              $2, $3
         FROM challenges c WHERE c.id = $1
       ON CONFLICT (challenge_id, version) DO NOTHING`,
      [id, changeSummary, actor?.userId ?? null],
    );
  }

  private async editable(manager: EntityManager, actor: Actor, id: string, expectedVersion: number): Promise<VisibleChallenge> {
    const c = await this.query.assertVisible(actor, id, manager, true);
    if (!belongsTo(actor, c.issuerOrganizationId)) throw new ForbiddenError('ISSUER_ONLY', 'Only members of the issuing enterprise may edit its challenge');
    if (c.version !== expectedVersion) {
      throw new ConflictError('STALE_VERSION', `The challenge is at version ${c.version}, not ${expectedVersion}; reload it and edit again`, { currentVersion: c.version });
    }
    return c;
  }

  /** The optimistic-concurrency guard itself: 0 rows means someone else saved first. */
  private async bumpVersion(manager: EntityManager, id: string, expectedVersion: number): Promise<void> {
    const [rows] = (await manager.query(`UPDATE challenges SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING version`, [
      id,
      expectedVersion,
    ])) as [unknown[], number];
    if (rows.length === 0) throw new ConflictError('STALE_VERSION', 'The challenge was changed meanwhile; reload it and edit again');
  }

  private async validatePatch(manager: EntityManager, id: string, patch: ContentPatch, currentDeadline: Date | undefined): Promise<void> {
    const [current] = (await manager.query(`SELECT title_zh, title_en, budget_min::text, budget_max::text, deadline FROM challenges WHERE id = $1`, [id])) as CurrentContent[];
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as ContentPatch;
    const merged = {
      titleZh: current.title_zh,
      titleEn: current.title_en,
      budgetMin: current.budget_min,
      budgetMax: current.budget_max,
      deadline: current.deadline,
      ...defined,
    };
    const errors: FieldError[] = contentErrors(merged, { now: new Date(), deadlineChanged: defined.deadline !== undefined, currentDeadline });
    errors.push(...(await this.unknownFieldCodes(manager, defined.technicalFieldCodes)));
    if (errors.length) throw new UserInputError(errors);
  }

  private async unknownFieldCodes(manager: EntityManager, codes: readonly string[] | undefined): Promise<FieldError[]> {
    if (!codes?.length) return [];
    const rows = (await manager.query(`SELECT code FROM technical_fields WHERE code = ANY($1::varchar[])`, [codes])) as { code: string }[];
    const known = new Set(rows.map((r) => r.code));
    return codes.filter((c) => !known.has(c)).map((c) => ({ field: 'input.technicalFieldCodes', message: `unknown technical field code ${c}` }));
  }

  /** Writes the given fields, child rows, terms and search vectors (only what the patch contains). */
  private async applyPatch(manager: EntityManager, id: string, patch: ContentPatch, amendment: boolean): Promise<void> {
    const params: unknown[] = [id];
    const sets: string[] = [];
    for (const [key, column, cast] of COLUMNS) {
      const value = patch[key];
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}::${cast}`);
    }
    if (patch.eligibility) {
      params.push(patch.eligibility.minQualification, patch.eligibility.allowedRegionCodes, patch.eligibility.verifiedOnly);
      const n = params.length;
      sets.push(`min_qualification = $${n - 2}::challenge_min_qualification`, `allowed_region_codes = $${n - 1}::varchar[]`, `verified_only = $${n}::boolean`);
    }
    if (sets.length) await manager.query(`UPDATE challenges SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);

    if (patch.technicalFieldCodes) {
      await manager.query(`DELETE FROM challenge_technical_fields WHERE challenge_id = $1`, [id]);
      await manager.query(`INSERT INTO challenge_technical_fields (challenge_id, field_code) SELECT $1, unnest($2::varchar[])`, [id, patch.technicalFieldCodes]);
    }
    if (patch.requirements && !amendment) {
      await manager.query(`DELETE FROM challenge_requirements WHERE challenge_id = $1`, [id]);
      const r = patch.requirements;
      if (r.length) {
        await manager.query(
          `INSERT INTO challenge_requirements (challenge_id, position, name, target, unit, weight, must_have)
           SELECT $1, t.ord, t.name, t.target, t.unit, t.weight, t.must_have
             FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::smallint[], $6::boolean[]) WITH ORDINALITY AS t(name, target, unit, weight, must_have, ord)`,
          [id, r.map((x) => x.name), r.map((x) => x.target), r.map((x) => x.unit), r.map((x) => x.weight), r.map((x) => x.mustHave)],
        );
      }
    }
    if (patch.evaluationCriteria && !amendment) {
      await manager.query(`DELETE FROM evaluation_criteria WHERE challenge_id = $1`, [id]);
      const e = patch.evaluationCriteria;
      if (e.length) {
        await manager.query(
          `INSERT INTO evaluation_criteria (challenge_id, position, name, description, weight, veto)
           SELECT $1, t.ord, t.name, t.description, t.weight, t.veto
             FROM unnest($2::varchar[], $3::text[], $4::smallint[], $5::boolean[]) WITH ORDINALITY AS t(name, description, weight, veto, ord)`,
          [id, e.map((x) => x.name), e.map((x) => x.description), e.map((x) => x.weight), e.map((x) => x.veto)],
        );
      }
    }
    if (patch.terms !== undefined) await this.writeTerms(manager, id, patch.terms);
    await this.writeSearchVectors(manager, id);
  }

  /** New terms text → a new terms version (earlier acceptances no longer count); null → no terms required. */
  private async writeTerms(manager: EntityManager, id: string, text: string | null): Promise<void> {
    if (!text) {
      await manager.query(`UPDATE challenges SET requires_terms = false WHERE id = $1`, [id]);
      return;
    }
    const [current] = (await manager.query(
      `SELECT t.text FROM challenges c JOIN challenge_terms t ON t.challenge_id = c.id AND t.version = c.terms_version WHERE c.id = $1 AND c.requires_terms`,
      [id],
    )) as { text: string }[];
    if (current?.text === text) return;
    await manager.query(
      `WITH v AS (SELECT coalesce(max(version), 0) + 1 AS version FROM challenge_terms WHERE challenge_id = $1),
            t AS (INSERT INTO challenge_terms (challenge_id, version, text) SELECT $1, v.version, $2 FROM v RETURNING version)
       UPDATE challenges SET requires_terms = true, terms_version = (SELECT version FROM t) WHERE id = $1`,
      [id, text],
    );
  }

  private async writeSearchVectors(manager: EntityManager, id: string): Promise<void> {
    const [row] = (await manager.query(
      `SELECT title_zh, title_en, summary_zh, summary_en,
              ARRAY(SELECT name FROM challenge_requirements WHERE challenge_id = $1 ORDER BY position) AS requirement_names
         FROM challenges WHERE id = $1`,
      [id],
    )) as { title_zh: string | null; title_en: string | null; summary_zh: string | null; summary_en: string | null; requirement_names: string[] }[];
    const doc = searchDocument({
      titleZh: row.title_zh,
      titleEn: row.title_en,
      summaryZh: row.summary_zh,
      summaryEn: row.summary_en,
      requirementNames: row.requirement_names,
    });
    await manager.query(`UPDATE challenges SET search_zh = ${SEARCH_VECTORS_SQL.zh('$2')}, search_en = ${SEARCH_VECTORS_SQL.en('$3', '$4')} WHERE id = $1`, [
      id,
      zhTsvectorLiteral(doc),
      doc.enTitle,
      doc.enBody,
    ]);
  }
}
