import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/index.js';
import { ChallengeQueryService } from '../../challenges/index.js';
import type { Actor } from '../../common/auth/actor.js';
import { belongsTo, isAdmin } from '../../common/auth/actor.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UserInputError,
} from '../../common/errors.js';
import {
  constant,
  type LifecycleBinding,
  moveAll,
  moveOne,
  type StatusStore,
} from '../../common/lifecycle/status-writer.js';
import {
  decodeCursor,
  type ConnectionShape,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  toConnection,
} from '../../common/pagination/connection.js';
import { assertUuid } from '../../common/uuid.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { NotificationKind, NotificationsService } from '../../notifications/index.js';
import { SmesService } from '../../organizations/index.js';
import type {
  AcceptIntroductionInput,
  CancelIntroductionInput,
  CloseIntroductionInput,
  DeclineIntroductionInput,
  IntroductionMessage,
  IntroductionType,
  InviteSmeToChallengeInput,
  RequestIntroductionInput,
  SendIntroductionMessageInput,
} from '../dto/introduction.types.js';
import { IntroductionListDirection } from '../dto/introduction.types.js';
import { IntroductionsLimitError } from './introduction-errors.js';
import {
  CLOSE_REASONS_BY_OUTCOME,
  CONTACTS_SHOWN_STATUSES,
  INTRODUCTION_LIFECYCLE,
  type IntroductionAction,
  introductionActorKinds,
  type IntroductionActorKind,
  IntroductionDirection,
  type IntroductionStatusName,
} from './introduction-transitions.js';
import {
  findIntroduction,
  grantInvitationAccess,
  insertIntroduction,
  insertMessage,
  introductionPage,
  type IntroductionListFilter,
  introductionPrecheck,
  introductionReaderOf,
  type IntroductionRow,
  introductionSides,
  introductionsDueToExpire,
  lockIntroductionKeys,
  messagePage,
} from './introduction.queries.js';

/** Where the introduction lifecycle's status lives (written only through common/lifecycle/status-writer.ts). */
export const INTRODUCTION_STATUS_STORE: StatusStore = {
  table: 'introductions',
  statusType: 'introduction_status',
  stamps: { status_changed_at: constant`date_trunc('milliseconds', now())` },
  reasonColumn: 'status_reason',
  organizationColumn: 'requester_organization_id',
};

/** A list's cursor (a time and an id: where the page before ended); BAD_USER_INPUT when it is not one. */
const cursorOf = (after: string) => decodeCursor(after, ['timestamp', 'uuid']) as [string, string];

/** The fields a list's query selects of each introduction's challenge and SME (none: not asked for). */
export interface NodeSelection {
  challenge: ReadonlySet<string>;
  sme: ReadonlySet<string>;
}

/**
 * Introductions (对接): the issuer invites an SME or an SME asks for an introduction; the other side accepts or
 * declines; the side that asked may cancel while it waits; either side closes an accepted one with its outcome.
 * Every move goes through INTRODUCTION_LIFECYCLE and the shared status writer, audited, in one transaction.
 * Platform admins read every introduction (support) but never move one.
 */
@Injectable()
export class IntroductionService {
  private readonly moves: LifecycleBinding<
    IntroductionStatusName,
    IntroductionAction,
    IntroductionActorKind
  >;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly challenges: ChallengeQueryService,
    private readonly smes: SmesService,
    private readonly notifications: NotificationsService,
  ) {
    this.moves = { lifecycle: INTRODUCTION_LIFECYCLE, store: INTRODUCTION_STATUS_STORE, audit };
  }

  /** The issuer's side: invite an SME to a PUBLISHED challenge before its deadline (the SME verified and eligible). */
  async invite(
    actor: Actor,
    input: InviteSmeToChallengeInput,
  ): Promise<{ introduction: IntroductionType; challengeId: string }> {
    const id = await this.dataSource.transaction(async (manager) => {
      const c = await this.challenges.assertVisible(actor, input.challengeId, manager);
      if (!belongsTo(actor, c.issuerOrganizationId))
        throw new ForbiddenError('ISSUER_ONLY', 'Only the issuing enterprise invites SMEs');
      return this.start(manager, actor, {
        challengeId: c.id,
        challengeOpen: c.effectiveStatus === 'PUBLISHED',
        smeId: input.smeId,
        issuerOrganizationId: c.issuerOrganizationId,
        direction: IntroductionDirection.INVITE,
        requesterOrganizationId: c.issuerOrganizationId,
        message: input.message,
      });
    });
    return { introduction: await this.get(actor, id), challengeId: input.challengeId };
  }

  /** The SME's side: ask for an introduction to a challenge it may see (PUBLISHED, before its deadline, eligible). */
  async request(actor: Actor, input: RequestIntroductionInput): Promise<IntroductionType> {
    const sme = actor.organization?.kind === 'SME' ? actor.organization.id : null;
    if (!sme)
      throw new ForbiddenError(
        'INTRODUCTION_REQUEST_FOR_SMES_ONLY',
        'Only members of an SME may request an introduction to a challenge',
      );
    const id = await this.dataSource.transaction(async (manager) => {
      const c = await this.challenges.assertVisible(actor, input.challengeId, manager);
      return this.start(manager, actor, {
        challengeId: c.id,
        challengeOpen: c.effectiveStatus === 'PUBLISHED',
        smeId: sme,
        issuerOrganizationId: c.issuerOrganizationId,
        direction: IntroductionDirection.REQUEST,
        requesterOrganizationId: sme,
        message: input.message,
      });
    });
    return this.get(actor, id);
  }

  /** The checks and the insert of a new introduction, in the caller's transaction; its id. */
  private async start(
    manager: EntityManager,
    actor: Actor,
    n: {
      challengeId: string;
      challengeOpen: boolean;
      smeId: string;
      issuerOrganizationId: string;
      direction: IntroductionDirection;
      requesterOrganizationId: string;
      message: string;
    },
  ): Promise<string> {
    if (!n.challengeOpen)
      throw new ConflictError(
        'INTRODUCTION_CHALLENGE_NOT_OPEN',
        'Introductions are made only for a published challenge before its deadline',
      );
    const { perDay, cooldownDays, expiryDays } = this.config.introductions;
    await lockIntroductionKeys(manager, n.requesterOrganizationId, n.challengeId, n.smeId);
    // What time alone did to this pair's request is persisted first, so the live-pair index sees it.
    await this.expireDue(manager, { challengeId: n.challengeId, smeId: n.smeId });
    const pre = await introductionPrecheck(manager, {
      challengeId: n.challengeId,
      smeId: n.smeId,
      requesterOrganizationId: n.requesterOrganizationId,
      cooldownDays,
    });
    // An organisation that is not an SME (or does not exist) is not a candidate: answered as not found.
    if (!pre.isSme) throw new NotFoundError('SME');
    if (!pre.smeVerified || pre.eligibilityProblems.length)
      throw new ConflictError(
        'INTRODUCTION_SME_NOT_ELIGIBLE',
        'The SME is not verified or not eligible for this challenge',
        {
          eligibilityReasons: pre.smeVerified
            ? pre.eligibilityProblems
            : ['NOT_VERIFIED', ...pre.eligibilityProblems.filter((r) => r !== 'NOT_VERIFIED')],
        },
      );
    if (pre.liveId)
      throw new ConflictError(
        'INTRODUCTION_ALREADY_LIVE',
        'This challenge and this SME already have a live introduction',
        { introductionId: pre.liveId },
      );
    if (pre.cooldownUntil)
      throw new ConflictError(
        'INTRODUCTION_COOLDOWN',
        `Your last introduction for this pair was declined; ask again after ${pre.cooldownUntil.toISOString()}`,
        { until: pre.cooldownUntil.toISOString() },
      );
    if (pre.startedToday >= perDay)
      throw new IntroductionsLimitError(perDay, pre.windowResetAt ?? new Date(), new Date());
    const id = await insertIntroduction(manager, {
      ...n,
      requestedBy: actor.userId,
      expiryDays,
    });
    await this.audit.record(manager, {
      actor,
      action:
        n.direction === IntroductionDirection.INVITE
          ? 'INTRODUCTION_INVITED'
          : 'INTRODUCTION_REQUESTED',
      entityType: 'Introduction',
      entityId: id,
      organizationId: n.requesterOrganizationId,
      to: 'REQUESTED',
      data: { challengeId: n.challengeId, smeId: n.smeId, direction: n.direction },
    });
    // The side that was asked hears of it (an anonymous issuer stays unnamed: the challenge's rule decides).
    await this.notifications.notify(manager, {
      kind: NotificationKind.INTRODUCTION_REQUESTED,
      to: {
        organizationIds: [
          n.direction === IntroductionDirection.INVITE ? n.smeId : n.issuerOrganizationId,
        ],
      },
      // An invitation may reach an SME that cannot see the (INVITE_ONLY) challenge yet: it is about the
      // introduction alone, which shows the challenge's title but never the issuer's name.
      about:
        n.direction === IntroductionDirection.INVITE
          ? { INTRODUCTION: id }
          : { CHALLENGE: n.challengeId, INTRODUCTION: id },
      params: { direction: n.direction },
    });
    return id;
  }

  /**
   * Persists EXPIRED for the due requests of a pair, of one introduction or of a list (the system's move, audited);
   * the ids moved.
   */
  private async expireDue(
    manager: EntityManager,
    scope: { challengeId: string; smeId: string } | { id: string } | { ids: readonly string[] },
  ): Promise<string[]> {
    const moved = await moveAll(manager, this.moves, {
      action: 'EXPIRE',
      actorKinds: ['SYSTEM'],
      actor: null,
      scope:
        'id' in scope || 'ids' in scope
          ? scope
          : { column: 'challenge_id', equals: scope.challengeId, cast: 'uuid' },
      match: 'challengeId' in scope ? { sme_id: scope.smeId } : undefined,
      condition: constant`t.expires_at <= now()`,
    });
    return moved.map((row) => row.id);
  }

  /**
   * The scheduled expiry (introduction-expiry.job.ts): persists EXPIRED for up to `limit` requests past their
   * expires_at, in `manager`'s transaction; the ids moved (none once every due one is persisted).
   */
  async expireAllDue(manager: EntityManager, limit: number): Promise<string[]> {
    const due = await introductionsDueToExpire(manager, limit);
    return due.length ? this.expireDue(manager, { ids: due }) : [];
  }

  accept(actor: Actor, input: AcceptIntroductionInput): Promise<IntroductionType> {
    return this.move(actor, input.introductionId, 'ACCEPT', null, async (manager, row) => {
      // The accept of an invitation is what grants the SME access to an INVITE_ONLY challenge: the grant stays
      // challenge_invitations, which visibleSql, the terms gate and the matchmaking triggers read.
      if (row.direction === IntroductionDirection.INVITE)
        await grantInvitationAccess(manager, row.challengeId, row.smeId, row.requestedBy);
    });
  }

  decline(actor: Actor, input: DeclineIntroductionInput): Promise<IntroductionType> {
    return this.move(actor, input.introductionId, 'DECLINE', input.reason);
  }

  cancel(actor: Actor, input: CancelIntroductionInput): Promise<IntroductionType> {
    return this.move(actor, input.introductionId, 'CANCEL', input.reason ?? null);
  }

  close(actor: Actor, input: CloseIntroductionInput): Promise<IntroductionType> {
    if (!CLOSE_REASONS_BY_OUTCOME[input.outcome].includes(input.reason))
      throw UserInputError.field(
        'input.reason',
        `${input.reason} is not a reason for ${input.outcome} (one of ${CLOSE_REASONS_BY_OUTCOME[input.outcome].join(', ')})`,
      );
    return this.move(
      actor,
      input.introductionId,
      input.outcome === 'CLOSED_DEAL' ? 'CLOSE_DEAL' : 'CLOSE_NO_DEAL',
      input.note ?? null,
      undefined,
      { close_reason: { param: input.reason, cast: 'introduction_close_reason' } },
    );
  }

  /**
   * One move of one introduction by a member of a side: NOT_FOUND unless the actor may see it, FORBIDDEN for the
   * wrong side or an admin (checkMove), CONFLICT INVALID_TRANSITION from a state the move does not start from (the
   * conditional UPDATE decides, so of two concurrent accepts exactly one moves the row).
   */
  private async move(
    actor: Actor,
    id: string,
    action: IntroductionAction,
    reason: string | null,
    after?: (
      manager: EntityManager,
      row: { challengeId: string; smeId: string; direction: string; requestedBy: string | null },
    ) => Promise<void>,
    extra: Record<string, { param: unknown; cast?: string }> = {},
  ): Promise<IntroductionType> {
    assertUuid(id, 'input.introductionId');
    await this.dataSource.transaction(async (manager) => {
      const sides = await introductionSides(manager, introductionReaderOf(actor), id);
      if (!sides) throw new NotFoundError('Introduction');
      await this.expireDue(manager, { id });
      const who: 'responded' | 'closed' | null =
        action === 'ACCEPT' || action === 'DECLINE'
          ? 'responded'
          : action === 'CLOSE_DEAL' || action === 'CLOSE_NO_DEAL'
            ? 'closed'
            : null;
      const moved = await moveOne(manager, this.moves, {
        action,
        actorKinds: introductionActorKinds(actor.organization?.id, sides),
        actor,
        reason,
        scope: { id },
        notFound: 'Introduction',
        set: {
          ...extra,
          ...(who === 'responded'
            ? {
                responded_by: { param: actor.userId, cast: 'uuid' },
                responded_at: constant`date_trunc('milliseconds', now())`,
              }
            : {}),
          ...(who === 'closed' ? { closed_by: { param: actor.userId, cast: 'uuid' } } : {}),
        },
        previous: ['challenge_id', 'sme_id', 'direction', 'requested_by'],
        data: { challengeId: sides.challengeId, smeId: sides.smeId },
      });
      const answered =
        action === 'ACCEPT'
          ? NotificationKind.INTRODUCTION_ACCEPTED
          : action === 'DECLINE'
            ? NotificationKind.INTRODUCTION_DECLINED
            : null;
      // The side that asked hears the answer.
      if (answered)
        await this.notifications.notify(manager, {
          kind: answered,
          to: {
            organizationIds: [
              sides.direction === IntroductionDirection.INVITE
                ? sides.issuerOrganizationId
                : sides.smeId,
            ],
          },
          about: { CHALLENGE: sides.challengeId, INTRODUCTION: id },
          params: { reason: action === 'DECLINE' ? reason : null },
        });
      if (after)
        await after(manager, {
          challengeId: String(moved.row.previous_challenge_id),
          smeId: String(moved.row.previous_sme_id),
          direction: String(moved.row.previous_direction),
          requestedBy: (moved.row.previous_requested_by as string | null) ?? null,
        });
    });
    return this.get(actor, id);
  }

  /** A thread message by a member of either side, only while ACCEPTED. */
  async sendMessage(
    actor: Actor,
    input: SendIntroductionMessageInput,
  ): Promise<IntroductionMessage> {
    assertUuid(input.introductionId, 'input.introductionId');
    return this.dataSource.transaction(async (manager) => {
      const sides = await introductionSides(
        manager,
        introductionReaderOf(actor),
        input.introductionId,
      );
      if (!sides) throw new NotFoundError('Introduction');
      const org = actor.organization?.id;
      if (!org || (org !== sides.issuerOrganizationId && org !== sides.smeId))
        throw new ForbiddenError(
          'INTRODUCTIONS_FOR_PARTIES_ONLY',
          'Only members of the two sides write in an introduction’s thread',
        );
      if (sides.status !== 'ACCEPTED')
        throw new ConflictError(
          'INTRODUCTION_NOT_ACCEPTED',
          'Messages are exchanged only in an accepted introduction',
          { status: sides.status },
        );
      return insertMessage(manager, {
        introductionId: sides.id,
        authorId: actor.userId,
        authorOrganizationId: org,
        body: input.body,
      });
    });
  }

  /** An accepted (or closed) introduction's messages, newest first; empty before ACCEPTED. */
  async messages(
    actor: Actor,
    args: { introductionId: string; first?: number; after?: string },
  ): Promise<ConnectionShape<IntroductionMessage>> {
    // Bad input is refused before anything is looked up (a malformed cursor is BAD_USER_INPUT, whatever the id).
    const after = args.after ? cursorOf(args.after) : null;
    const sides = await introductionSides(
      this.dataSource,
      introductionReaderOf(actor),
      args.introductionId,
    );
    if (!sides) throw new NotFoundError('Introduction');
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const rows = CONTACTS_SHOWN_STATUSES.includes(sides.status)
      ? await messagePage(this.dataSource, sides.id, first + 1, after)
      : [];
    return toConnection(
      rows,
      first,
      (m) => encodeCursor([m.createdAt.toISOString(), m.id]),
      (m) => m,
      args.after,
    );
  }

  /** One introduction the actor may see (NOT_FOUND otherwise). */
  async get(actor: Actor, id: string): Promise<IntroductionType> {
    assertUuid(id, 'id');
    const row = await findIntroduction(this.dataSource, introductionReaderOf(actor), id);
    if (!row) throw new NotFoundError('Introduction');
    const [node] = await this.nodes(actor, [row]);
    return node;
  }

  /** The actor's organisation's introductions: SENT (it asked), RECEIVED (it was asked) or both. */
  async mine(
    actor: Actor,
    args: {
      direction?: IntroductionListDirection;
      status?: IntroductionStatusName;
      first?: number;
      after?: string;
    },
    select?: NodeSelection,
  ): Promise<ConnectionShape<IntroductionType>> {
    const org = actor.organization;
    if (!org)
      throw new ForbiddenError(
        'INTRODUCTIONS_FOR_PARTIES_ONLY',
        'Only members of an enterprise or an SME have introductions',
      );
    const sentDirection =
      org.kind === 'ENTERPRISE' ? IntroductionDirection.INVITE : IntroductionDirection.REQUEST;
    const receivedDirection =
      org.kind === 'ENTERPRISE' ? IntroductionDirection.REQUEST : IntroductionDirection.INVITE;
    return this.page(
      actor,
      args,
      {
        scope: {
          column: org.kind === 'ENTERPRISE' ? 'issuer_organization_id' : 'sme_id',
          id: org.id,
        },
        direction:
          args.direction === IntroductionListDirection.SENT
            ? sentDirection
            : args.direction === IntroductionListDirection.RECEIVED
              ? receivedDirection
              : undefined,
        status: args.status,
      },
      select,
    );
  }

  /** A challenge's introductions: for the issuer's members and admins (NOT_FOUND for others who cannot see it). */
  async ofChallenge(
    actor: Actor,
    args: { challengeId: string; status?: IntroductionStatusName; first?: number; after?: string },
    select?: NodeSelection,
  ): Promise<ConnectionShape<IntroductionType>> {
    // Bad input is refused before anything is looked up (a malformed cursor is BAD_USER_INPUT, whatever the id).
    if (args.after) cursorOf(args.after);
    const c = await this.challenges.assertVisible(actor, args.challengeId);
    if (!isAdmin(actor) && !belongsTo(actor, c.issuerOrganizationId))
      throw new ForbiddenError(
        'ISSUER_ONLY',
        'Only the issuing enterprise sees its challenge’s introductions',
      );
    return this.page(
      actor,
      args,
      {
        scope: { column: 'challenge_id', id: c.id },
        status: args.status,
      },
      select,
    );
  }

  private async page(
    actor: Actor,
    args: { first?: number; after?: string },
    filter: IntroductionListFilter,
    select?: NodeSelection,
  ): Promise<ConnectionShape<IntroductionType>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = args.after ? cursorOf(args.after) : null;
    const rows = await introductionPage(
      this.dataSource,
      introductionReaderOf(actor),
      filter,
      first + 1,
      after,
    );
    const nodes = await this.nodes(actor, rows.slice(0, first), select);
    return toConnection(
      [...nodes, ...rows.slice(first).map(() => null)],
      first,
      (n) => encodeCursor([n!.requestedAt.toISOString(), n!.id]),
      (n) => n!,
      args.after,
    );
  }

  /** The API nodes of rows: the challenges and SMEs as the actor may see them, one statement each for the page. */
  private async nodes(
    actor: Actor,
    rows: IntroductionRow[],
    select?: NodeSelection,
  ): Promise<IntroductionType[]> {
    if (!rows.length) return [];
    // What the query does not select is not read (an empty selection: not asked for at all).
    const [challenges, smes] = await Promise.all([
      select?.challenge.size === 0
        ? []
        : this.challenges.summaries(
            actor,
            [...new Set(rows.map((r) => r.challengeId))],
            select?.challenge,
          ),
      select?.sme.size === 0
        ? []
        : this.smes.getMany(actor, [...new Set(rows.map((r) => r.smeId))], select?.sme),
    ]);
    const challengeById = new Map(challenges.map((c) => [c.id, c]));
    const smeById = new Map(smes.map((s) => [s.id, s]));
    return rows.map((r) => ({
      id: r.id,
      direction: r.direction,
      status: r.status as IntroductionType['status'],
      message: r.message,
      statusReason: r.statusReason,
      closeReason: r.closeReason,
      requestedAt: r.requestedAt,
      expiresAt: r.expiresAt,
      respondedAt: r.respondedAt,
      statusChangedAt: r.statusChangedAt,
      challengeId: r.challengeId,
      challengeTitleZh: r.challengeTitleZh,
      challengeTitleEn: r.challengeTitleEn,
      challenge: (challengeById.get(r.challengeId) ?? null) as IntroductionType['challenge'],
      smeId: r.smeId,
      sme: smeById.get(r.smeId) ?? null,
      issuerContact: r.issuerContact,
      smeContact: r.smeContact,
    }));
  }
}
