import { challengeAudience } from './challenge-audience.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';
import { Injectable } from '@nestjs/common';
import type { ErrorReason } from '../common/error-catalogue.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { belongsTo } from '../common/auth/actor.js';
import {
  AppError,
  ConflictError,
  ErrorCode,
  ForbiddenError,
  NotFoundError,
} from '../common/errors.js';
import { VerificationStatus } from '../organizations/index.js';
import { ChallengeQueryService } from './challenge-query.service.js';
import { viewerOf } from './challenge-sql.js';
import {
  answerQuestion,
  insertAnnouncement,
  insertQuestion,
  insertTermsAcceptance,
  lockQuestion,
  organizationVerificationStatus,
  termsGate,
} from './challenges.queries.js';
import { ChallengeNode } from './challenge.mapper.js';
import {
  AcceptChallengeTermsInput,
  AnswerChallengeQuestionInput,
  AskChallengeQuestionInput,
  PublishChallengeAnnouncementInput,
} from './dto/challenge.inputs.js';
import { ChallengeAnnouncement, ChallengeQuestion } from './dto/challenge.types.js';

/** FORBIDDEN NOT_ELIGIBLE_FOR_TERMS, with `eligibilityReasons` as Challenge.viewerEligibility.reasons names them. */
export class NotEligibleForTermsError extends AppError {
  constructor(reasons: string[]) {
    super(
      `Only organisations that could answer this challenge (eligible SMEs, or SMEs the issuer invited) may accept its terms (${reasons.join(', ')})`,
      ErrorCode.FORBIDDEN,
      { reason: 'NOT_ELIGIBLE_FOR_TERMS' satisfies ErrorReason, eligibilityReasons: reasons },
    );
  }
}

/** Terms (NDA) acceptance, Q&A (答疑) and announcements (invitations are introductions: matchmaking). */
@Injectable()
export class ChallengeEngagementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly query: ChallengeQueryService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Records that the actor's organisation accepted the CURRENT terms version; unlocks the description. */
  async acceptTerms(actor: Actor, input: AcceptChallengeTermsInput): Promise<ChallengeNode> {
    const org = actor.organization;
    if (!org)
      throw new ForbiddenError(
        'ORGANIZATION_MEMBERS_ONLY',
        'Terms are accepted on behalf of an organisation; join one first',
      );
    await this.dataSource.transaction(async (manager) => {
      const c = await this.query.assertVisible(actor, input.challengeId, manager, true);
      if (!c.requiresTerms || c.termsVersion === null)
        throw new ConflictError('NO_TERMS', 'This challenge requires no terms');
      if (!belongsTo(actor, c.issuerOrganizationId))
        await this.assertMayAcceptTerms(manager, actor, c.id, org.id);
      if (c.termsVersion !== input.termsVersion) {
        throw new ConflictError(
          'TERMS_VERSION_CHANGED',
          `The terms in force are version ${c.termsVersion}; read them and accept that version`,
          {
            currentVersion: c.termsVersion,
          },
        );
      }
      if (await insertTermsAcceptance(manager, c.id, org.id, actor.userId, c.termsVersion)) {
        await this.audit.record(manager, {
          actor,
          action: 'CHALLENGE_TERMS_ACCEPTED',
          entityType: 'Challenge',
          entityId: c.id,
          organizationId: org.id,
          data: { termsVersion: c.termsVersion },
        });
      }
    });
    return this.query.get(actor, input.challengeId);
  }

  /**
   * The NDA gate (termsGateSql, the rule that also guards every read of the description): only an organisation
   * that could answer the challenge may accept its terms: an SME eligible by the eligibility rule
   * (smes/eligibility.ts, what viewerEligibility shows), or an SME the issuer invited. Anyone else who sees the
   * challenge (another enterprise, an ineligible SME) is FORBIDDEN NOT_ELIGIBLE_FOR_TERMS with the reasons, and
   * sees only the public part.
   */
  private async assertMayAcceptTerms(
    manager: EntityManager,
    actor: Actor,
    challengeId: string,
    organizationId: string,
  ): Promise<void> {
    const gate = await termsGate(manager, viewerOf(actor), challengeId, organizationId);
    if (!gate.mayAccept) throw new NotEligibleForTermsError(gate.reasons);
  }

  /** A verified SME asks while the challenge is open; the question is private to the issuer until answered. */
  async ask(actor: Actor, input: AskChallengeQuestionInput): Promise<ChallengeQuestion> {
    const org = actor.organization;
    if (org?.kind !== 'SME')
      throw new ForbiddenError('SME_MEMBERS_ONLY', 'Only members of an SME may ask questions');
    return this.dataSource.transaction(async (manager) => {
      const c = await this.query.assertVisible(actor, input.challengeId, manager);
      if ((await organizationVerificationStatus(manager, org.id)) !== VerificationStatus.VERIFIED)
        throw new ForbiddenError(
          'ORGANIZATION_NOT_VERIFIED',
          'Only verified SMEs may ask questions',
        );
      if (c.effectiveStatus !== 'PUBLISHED')
        throw new ConflictError(
          'CHALLENGE_NOT_OPEN',
          `Questions are taken only while the challenge is open (it is ${c.effectiveStatus})`,
        );
      const row = await insertQuestion(manager, c.id, org.id, actor.userId, input.question);
      await this.audit.record(manager, {
        actor,
        action: 'CHALLENGE_QUESTION_ASKED',
        entityType: 'ChallengeQuestion',
        entityId: row.id,
        organizationId: org.id,
        data: { challengeId: c.id },
      });
      return { ...row, askedByMyOrganization: true };
    });
  }

  /** The issuer answers; question and answer are then shown to all who see the challenge, without the asker. */
  async answer(actor: Actor, input: AnswerChallengeQuestionInput): Promise<ChallengeQuestion> {
    return this.dataSource.transaction(async (manager) => {
      const q = await lockQuestion(manager, input.questionId);
      if (!q) throw new NotFoundError('Challenge question');
      const c = await this.query.assertVisible(actor, q.challengeId, manager).catch(() => {
        throw new NotFoundError('Challenge question');
      });
      if (!belongsTo(actor, c.issuerOrganizationId)) {
        if (q.published || belongsTo(actor, q.askerOrganizationId))
          throw new ForbiddenError('ISSUER_ONLY', 'Only the issuing enterprise answers questions');
        throw new NotFoundError('Challenge question');
      }
      if (q.answeredAt)
        throw new ConflictError('ALREADY_ANSWERED', 'This question has already been answered');
      if (c.effectiveStatus === 'CANCELLED')
        throw new ConflictError('CHALLENGE_CANCELLED', 'The challenge was cancelled');
      const row = await answerQuestion(manager, input.questionId, input.answer, actor.userId);
      await this.audit.record(manager, {
        actor,
        action: 'CHALLENGE_QUESTION_ANSWERED',
        entityType: 'ChallengeQuestion',
        entityId: input.questionId,
        organizationId: c.issuerOrganizationId,
        data: { challengeId: c.id },
      });
      const audience = challengeAudience(c.id, actor.userId);
      await this.notifications.notify(manager, {
        kind: NotificationKind.CHALLENGE_ANSWER_PUBLISHED,
        to: {
          ...audience,
          organizationIds: q.askerOrganizationId ? [q.askerOrganizationId] : [],
        },
        about: { CHALLENGE: c.id },
      });
      return { ...row, askedByMyOrganization: false };
    });
  }

  async announce(
    actor: Actor,
    input: PublishChallengeAnnouncementInput,
  ): Promise<ChallengeAnnouncement> {
    return this.dataSource.transaction(async (manager) => {
      const c = await this.query.assertVisible(actor, input.challengeId, manager);
      if (!belongsTo(actor, c.issuerOrganizationId))
        throw new ForbiddenError(
          'ISSUER_ONLY',
          'Only the issuing enterprise publishes announcements',
        );
      if (!c.publishedAt || c.effectiveStatus === 'CANCELLED')
        throw new ConflictError('NOT_PUBLISHED', 'Announcements are for published challenges');
      const row = await insertAnnouncement(manager, c.id, actor.userId, input.title, input.body);
      await this.audit.record(manager, {
        actor,
        action: 'CHALLENGE_ANNOUNCEMENT_PUBLISHED',
        entityType: 'Challenge',
        entityId: c.id,
        organizationId: c.issuerOrganizationId,
        data: { announcementId: row.id },
      });
      return row;
    });
  }
}
