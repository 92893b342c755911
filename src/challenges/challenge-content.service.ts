import { challengeAudience } from './challenge-audience.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { belongsTo } from '../common/auth/actor.js';
import { ConflictError, FieldError, ForbiddenError, UserInputError } from '../common/errors.js';
import { bilingualLabelProblems } from '../common/validation.js';
import { ChallengeQueryService, VisibleChallenge } from './challenge-query.service.js';
import { contentErrors } from './challenge-rules.js';
import {
  addTermsVersion,
  bumpVersion,
  clearRequiresTerms,
  ContentPatch,
  currentContent,
  insertChallenge,
  insertVersionSnapshot,
  knownFieldCodes,
  replaceCriteria,
  replaceRequirements,
  replaceTechnicalFields,
  searchSource,
  termsInForce,
  updateContent,
  updateSearchVectors,
} from './challenge-content.queries.js';
import { searchDocument, zhTsvectorLiteral } from './challenge-search.js';
import { DRAFT_EDITABLE_STATUSES, ChallengeStatusName } from './challenge-transitions.js';
import { ChallengeNode } from './challenge.mapper.js';
import {
  AmendChallengeInput,
  CreateChallengeInput,
  TechnicalApproachInput,
  UpdateChallengeDraftInput,
} from './dto/challenge.inputs.js';

/**
 * Each excluded approach needs a Chinese or an English label: the rule of every bilingual label (an SME's
 * technical routes follow it too); the problems name the element (`excludedApproaches.2`).
 */
function excludedApproachProblems(
  approaches: readonly TechnicalApproachInput[] | null | undefined,
): FieldError[] {
  return bilingualLabelProblems(
    (approaches ?? []).map((a) => ({ zh: a.zh ?? null, en: a.en ?? null })),
    'excludedApproaches',
  );
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
    private readonly notifications: NotificationsService,
  ) {}

  async create(actor: Actor, input: CreateChallengeInput): Promise<ChallengeNode> {
    const org = actor.organization;
    if (org?.kind !== 'ENTERPRISE')
      throw new ForbiddenError(
        'ENTERPRISE_MEMBERS_ONLY',
        'Only members of an enterprise may post challenges',
      );
    const errors = contentErrors(input, { now: new Date(), deadlineChanged: true });
    errors.push(...excludedApproachProblems(input.excludedApproaches));
    errors.push(
      ...(await this.unknownFieldCodes(this.dataSource.manager, input.technicalFieldCodes)),
    );
    if (errors.length) throw new UserInputError(errors);
    const id = await this.dataSource.transaction(async (manager) => {
      const id = await insertChallenge(manager, {
        issuerOrganizationId: org.id,
        createdBy: actor.userId,
        industryCode: input.industryCode,
        chainGoal: input.chainGoal,
        demandType: input.demandType,
        deadline: input.deadline,
        titleZh: input.titleZh ?? null,
        titleEn: input.titleEn ?? null,
      });
      await this.applyPatch(manager, id, input, false);
      await this.audit.record(manager, {
        actor,
        action: 'CHALLENGE_CREATED',
        entityType: 'Challenge',
        entityId: id,
        organizationId: org.id,
        to: 'DRAFT',
      });
      return id;
    });
    return this.query.get(actor, id);
  }

  async updateDraft(actor: Actor, input: UpdateChallengeDraftInput): Promise<ChallengeNode> {
    const { id, expectedVersion, ...patch } = input;
    await this.dataSource.transaction(async (manager) => {
      const c = await this.editable(manager, actor, id, expectedVersion);
      if (!DRAFT_EDITABLE_STATUSES.includes(c.status as ChallengeStatusName)) {
        throw new ConflictError(
          'NOT_A_DRAFT',
          `A ${c.effectiveStatus} challenge is not a draft; amend it after publication with amendChallenge`,
        );
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
        throw new ConflictError(
          'NOT_PUBLISHED',
          `Only a published challenge before its deadline can be amended (it is ${c.effectiveStatus})`,
        );
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
      await this.notifications.notify(manager, {
        kind: NotificationKind.CHALLENGE_AMENDED,
        to: challengeAudience(id, actor.userId),
        about: { CHALLENGE: id },
        params: { version: expectedVersion + 1 },
      });
    });
    return this.query.get(actor, id);
  }

  /** Keeps the current content as the public record of the current version. */
  async snapshot(
    manager: EntityManager,
    actor: Actor | null,
    id: string,
    changeSummary: string | null,
  ): Promise<void> {
    await insertVersionSnapshot(manager, id, changeSummary, actor?.userId ?? null);
  }

  private async editable(
    manager: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion: number,
  ): Promise<VisibleChallenge> {
    const c = await this.query.assertVisible(actor, id, manager, true);
    if (!belongsTo(actor, c.issuerOrganizationId))
      throw new ForbiddenError(
        'ISSUER_ONLY',
        'Only members of the issuing enterprise may edit its challenge',
      );
    if (c.version !== expectedVersion) {
      throw new ConflictError(
        'STALE_VERSION',
        `The challenge is at version ${c.version}, not ${expectedVersion}; reload it and edit again`,
        { currentVersion: c.version },
      );
    }
    return c;
  }

  /** The optimistic-concurrency guard itself: 0 rows means someone else saved first. */
  private async bumpVersion(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
  ): Promise<void> {
    if (!(await bumpVersion(manager, id, expectedVersion)))
      throw new ConflictError(
        'STALE_VERSION',
        'The challenge was changed meanwhile; reload it and edit again',
      );
  }

  private async validatePatch(
    manager: EntityManager,
    id: string,
    patch: ContentPatch,
    currentDeadline: Date | undefined,
  ): Promise<void> {
    const current = (await currentContent(manager, id))!;
    const defined = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as ContentPatch;
    const merged = { ...current, ...defined };
    const errors: FieldError[] = contentErrors(merged, {
      now: new Date(),
      deadlineChanged: defined.deadline !== undefined,
      currentDeadline,
    });
    errors.push(...excludedApproachProblems(defined.excludedApproaches));
    errors.push(...(await this.unknownFieldCodes(manager, defined.technicalFieldCodes)));
    if (errors.length) throw new UserInputError(errors);
  }

  private async unknownFieldCodes(
    manager: EntityManager,
    codes: readonly string[] | undefined,
  ): Promise<FieldError[]> {
    if (!codes?.length) return [];
    const known = new Set(await knownFieldCodes(manager, codes));
    return codes
      .filter((c) => !known.has(c))
      .map((c) => ({
        field: 'input.technicalFieldCodes',
        message: `unknown technical field code ${c}`,
      }));
  }

  /** Writes the given fields, child rows, terms and search vectors (only what the patch contains). */
  private async applyPatch(
    manager: EntityManager,
    id: string,
    patch: ContentPatch,
    amendment: boolean,
  ): Promise<void> {
    await updateContent(manager, id, patch);
    if (patch.technicalFieldCodes)
      await replaceTechnicalFields(manager, id, patch.technicalFieldCodes);
    if (patch.requirements && !amendment)
      await replaceRequirements(manager, id, patch.requirements);
    if (patch.evaluationCriteria && !amendment)
      await replaceCriteria(manager, id, patch.evaluationCriteria);
    if (patch.terms !== undefined) await this.writeTerms(manager, id, patch.terms);
    await this.writeSearchVectors(manager, id);
  }

  /** New terms text → a new terms version (earlier acceptances no longer count); null → no terms required. */
  private async writeTerms(manager: EntityManager, id: string, text: string | null): Promise<void> {
    if (!text) {
      await clearRequiresTerms(manager, id);
      return;
    }
    if ((await termsInForce(manager, id)) === text) return;
    await addTermsVersion(manager, id, text);
  }

  private async writeSearchVectors(manager: EntityManager, id: string): Promise<void> {
    const doc = searchDocument(await searchSource(manager, id));
    await updateSearchVectors(manager, id, zhTsvectorLiteral(doc), doc.enTitle, doc.enBody);
  }
}
