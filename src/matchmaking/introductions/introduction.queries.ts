import type { Actor } from '../../common/auth/actor.js';
import { isAdmin } from '../../common/auth/actor.js';
import { SqlParams } from '../../database/sql-params.js';
import type { SqlRow, SqlTarget } from '../../database/typed-query.js';
import {
  bool,
  date,
  dateOrNull,
  int,
  jsonObject,
  oneOf,
  oneOfOrNull,
  queryOne,
  preparedRows,
  queryRows,
  str,
  strArray,
  strOrNull,
} from '../../database/typed-query.js';
import { eligibilityProblemsSql, verifiedSql } from '../../organizations/index.js';
import {
  CONTACTS_SHOWN_STATUSES,
  effectiveIntroductionStatusSql,
  INTRODUCTION_STATUSES,
  IntroductionCloseReason,
  IntroductionDirection,
  type IntroductionStatusName,
} from './introduction-transitions.js';

/**
 * The SQL of introductions (对接). Every read is scoped to the reader in its WHERE: the members of the issuing
 * enterprise and of the SME, and platform admins (read-only, for support). Contact details are selected only when
 * the effective status is one of CONTACTS_SHOWN_STATUSES: before that they are not even read.
 */

/** Who reads: their organisation (if any) and whether they are a platform admin. */
export interface IntroductionReader {
  organizationId: string | null;
  admin: boolean;
}

/** The reader an actor is: their organisation and whether they are a platform admin. */
export function introductionReaderOf(actor: Actor): IntroductionReader {
  return { organizationId: actor.organization?.id ?? null, admin: isAdmin(actor) };
}

/** A side's contact person, shown to the introduction's parties once it is ACCEPTED. */
export interface IntroductionContactRow {
  organizationId: string;
  nameZh: string;
  nameEn: string | null;
  personName: string | null;
  personEmail: string | null;
  email: string | null;
  phone: string | null;
}

export interface IntroductionRow {
  id: string;
  challengeId: string;
  challengeTitleZh: string | null;
  challengeTitleEn: string | null;
  smeId: string;
  issuerOrganizationId: string;
  requesterOrganizationId: string;
  direction: IntroductionDirection;
  status: IntroductionStatusName;
  statusReason: string | null;
  closeReason: IntroductionCloseReason | null;
  message: string;
  requestedAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
  statusChangedAt: Date;
  issuerContact: IntroductionContactRow | null;
  smeContact: IntroductionContactRow | null;
}

const CLOSE_REASONS = Object.values(IntroductionCloseReason);
const DIRECTIONS = Object.values(IntroductionDirection);

/** Whether the reader may see introduction `i`: a member of either side, or an admin. */
export function introductionReadableSql(reader: IntroductionReader, p: SqlParams, i = 'i'): string {
  if (reader.admin) return 'TRUE';
  if (!reader.organizationId) return 'FALSE';
  const org = p.add(reader.organizationId);
  return `(${i}.issuer_organization_id = ${org}::uuid OR ${i}.sme_id = ${org}::uuid)`;
}

/** Whether introduction `i` shows the sides' contacts (ACCEPTED or closed after it). */
export function contactsShownSql(i = 'i'): string {
  return `${effectiveIntroductionStatusSql(i)} IN (${CONTACTS_SHOWN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
}

/**
 * A side's contact: the organisation's name, contactEmail and contactPhone, and the member who acted for it (who
 * asked, for the requester's side; who accepted, for the other). Only when contactsShownSql holds.
 */
function contactSql(
  i: string,
  organization: string,
  personOf: 'INVITE_REQUESTER' | 'REQUEST_REQUESTER',
): string {
  const person =
    personOf === 'INVITE_REQUESTER'
      ? `CASE WHEN ${i}.direction = 'INVITE' THEN ${i}.requested_by ELSE ${i}.responded_by END`
      : `CASE WHEN ${i}.direction = 'REQUEST' THEN ${i}.requested_by ELSE ${i}.responded_by END`;
  return `CASE WHEN ${contactsShownSql(i)} THEN (
      SELECT json_build_object('organizationId', co.id, 'nameZh', co.name_zh, 'nameEn', co.name_en,
                               'email', co.contact_email, 'phone', co.contact_phone,
                               'personName', cu.display_name, 'personEmail', cu.email)
        FROM organizations co LEFT JOIN users cu ON cu.id = (${person})
       WHERE co.id = ${i}.${organization}) END`;
}

const INTRODUCTION_COLUMNS = `i.id, i.challenge_id, c.title_zh AS challenge_title_zh, c.title_en AS challenge_title_en,
  i.sme_id, i.issuer_organization_id, i.requester_organization_id, i.direction,
  ${effectiveIntroductionStatusSql('i')} AS status, i.status_reason, i.close_reason, i.message, i.requested_at,
  i.expires_at, i.responded_at, i.status_changed_at,
  ${contactSql('i', 'issuer_organization_id', 'INVITE_REQUESTER')} AS issuer_contact,
  ${contactSql('i', 'sme_id', 'REQUEST_REQUESTER')} AS sme_contact`;

function contactOf(row: SqlRow, name: string): IntroductionContactRow | null {
  if (row[name] === null || row[name] === undefined) return null;
  const o = jsonObject(row, name);
  const text = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null);
  return {
    organizationId: text('organizationId') ?? '',
    nameZh: text('nameZh') ?? '',
    nameEn: text('nameEn'),
    personName: text('personName'),
    personEmail: text('personEmail'),
    email: text('email'),
    phone: text('phone'),
  };
}

export function toIntroductionRow(r: SqlRow): IntroductionRow {
  return {
    id: str(r, 'id'),
    challengeId: str(r, 'challenge_id'),
    challengeTitleZh: strOrNull(r, 'challenge_title_zh'),
    challengeTitleEn: strOrNull(r, 'challenge_title_en'),
    smeId: str(r, 'sme_id'),
    issuerOrganizationId: str(r, 'issuer_organization_id'),
    requesterOrganizationId: str(r, 'requester_organization_id'),
    direction: oneOf(r, 'direction', DIRECTIONS),
    status: oneOf(r, 'status', INTRODUCTION_STATUSES),
    statusReason: strOrNull(r, 'status_reason'),
    closeReason: oneOfOrNull(r, 'close_reason', CLOSE_REASONS),
    message: str(r, 'message'),
    requestedAt: date(r, 'requested_at'),
    expiresAt: date(r, 'expires_at'),
    respondedAt: dateOrNull(r, 'responded_at'),
    statusChangedAt: date(r, 'status_changed_at'),
    issuerContact: contactOf(r, 'issuer_contact'),
    smeContact: contactOf(r, 'sme_contact'),
  };
}

/** One introduction the reader may see (undefined otherwise). */
export function findIntroduction(
  target: SqlTarget,
  reader: IntroductionReader,
  id: string,
): Promise<IntroductionRow | undefined> {
  const p = new SqlParams();
  return queryOne(
    target,
    `SELECT ${INTRODUCTION_COLUMNS} FROM introductions i JOIN challenges c ON c.id = i.challenge_id
      WHERE i.id = ${p.add(id)}::uuid AND ${introductionReadableSql(reader, p)}`,
    p.values,
    toIntroductionRow,
  );
}

/** What a page of introductions is filtered by. */
export interface IntroductionListFilter {
  /** The side's column the list is scoped by, and its organisation. */
  scope: { column: 'issuer_organization_id' | 'sme_id' | 'challenge_id'; id: string };
  direction?: IntroductionDirection;
  status?: IntroductionStatusName;
}

/** A page of introductions, newest request first (keyset on requested_at, id), `limit` rows after `after`. */
export function introductionPage(
  target: SqlTarget,
  reader: IntroductionReader,
  filter: IntroductionListFilter,
  limit: number,
  after: [string, string] | null,
): Promise<IntroductionRow[]> {
  const p = new SqlParams();
  const where = [
    `i.${filter.scope.column} = ${p.add(filter.scope.id)}::uuid`,
    introductionReadableSql(reader, p),
  ];
  if (filter.direction)
    where.push(`i.direction = ${p.add(filter.direction)}::introduction_direction`);
  if (filter.status)
    where.push(
      `${effectiveIntroductionStatusSql('i')} = ${p.add(filter.status)}::introduction_status`,
    );
  if (after)
    where.push(
      `(i.requested_at, i.id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`,
    );
  // A prepared statement (a few texts: with or without direction, status, cursor): its planning cost as much
  // as its execution.
  return preparedRows(
    target,
    `SELECT ${INTRODUCTION_COLUMNS} FROM introductions i JOIN challenges c ON c.id = i.challenge_id
      WHERE ${where.join(' AND ')}
      ORDER BY i.requested_at DESC, i.id DESC LIMIT ${p.add(limit)}`,
    p.values,
    toIntroductionRow,
  );
}

/** The latest introduction of each pair, by (challenge, SME): what a recommendation page shows (one statement). */
export interface PairIntroduction {
  challengeId: string;
  smeId: string;
  id: string;
  status: IntroductionStatusName;
}

export function latestIntroductionsOfPairs(
  target: SqlTarget,
  pairs: readonly { challengeId: string; smeId: string }[],
): Promise<PairIntroduction[]> {
  if (!pairs.length) return Promise.resolve([]);
  return queryRows(
    target,
    `SELECT DISTINCT ON (i.challenge_id, i.sme_id) i.challenge_id, i.sme_id, i.id, ${effectiveIntroductionStatusSql('i')} AS status
       FROM introductions i JOIN unnest($1::uuid[], $2::uuid[]) AS pair(challenge_id, sme_id)
         ON i.challenge_id = pair.challenge_id AND i.sme_id = pair.sme_id
      ORDER BY i.challenge_id, i.sme_id, i.requested_at DESC, i.id DESC`,
    [pairs.map((x) => x.challengeId), pairs.map((x) => x.smeId)],
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      smeId: str(r, 'sme_id'),
      id: str(r, 'id'),
      status: oneOf(r, 'status', INTRODUCTION_STATUSES),
    }),
  );
}

// ---- Writes ----------------------------------------------------------------------------------------------------

/**
 * Serialises the new introductions of one organisation (the daily count and the pair checks below are then
 * exact) and of one pair (the live check), for the rest of the transaction.
 */
export async function lockIntroductionKeys(
  target: SqlTarget,
  requesterOrganizationId: string,
  challengeId: string,
  smeId: string,
): Promise<void> {
  await queryRows(
    target,
    `SELECT pg_advisory_xact_lock(hashtextextended('introductions:org:' || $1, 0)),
            pg_advisory_xact_lock(hashtextextended('introductions:pair:' || $2 || ':' || $3, 0))`,
    [requesterOrganizationId, challengeId, smeId],
    () => null,
  );
}

/** What deciding on a new introduction needs: the SME's standing for the challenge and the pair's history. */
/** Requests past their expiry that still read REQUESTED as stored (effectiveIntroductionStatusSql: EXPIRED), in id order. */
export function introductionsDueToExpire(target: SqlTarget, limit: number): Promise<string[]> {
  return queryRows(
    target,
    `SELECT i.id FROM introductions i
      WHERE i.status = 'REQUESTED' AND ${effectiveIntroductionStatusSql('i')} = 'EXPIRED'
      ORDER BY i.id LIMIT $1`,
    [limit],
    (r) => str(r, 'id'),
  );
}

export interface IntroductionPrecheck {
  isSme: boolean;
  smeVerified: boolean;
  eligibilityProblems: string[];
  /** The pair's live introduction (REQUESTED before its expiry, or ACCEPTED), if any. */
  liveId: string | null;
  /** Until when the requester may not ask again (a decline of its own request within the cooldown). */
  cooldownUntil: Date | null;
  /** New introductions the requester started in the last 24 hours, and when the oldest of them leaves the window. */
  startedToday: number;
  windowResetAt: Date | null;
}

export async function introductionPrecheck(
  target: SqlTarget,
  q: { challengeId: string; smeId: string; requesterOrganizationId: string; cooldownDays: number },
): Promise<IntroductionPrecheck> {
  const row = await queryOne(
    target,
    `SELECT so.kind = 'SME' AS is_sme, ${verifiedSql('so')} AS sme_verified,
            ${eligibilityProblemsSql('$2', 'c')}::text[] AS problems,
            (SELECT li.id FROM introductions li WHERE li.challenge_id = c.id AND li.sme_id = so.id
                AND ${effectiveIntroductionStatusSql('li')} IN ('REQUESTED', 'ACCEPTED') LIMIT 1) AS live_id,
            (SELECT max(di.status_changed_at) + make_interval(days => $4::int) FROM introductions di
              WHERE di.challenge_id = c.id AND di.sme_id = so.id AND di.status = 'DECLINED'
                AND di.requester_organization_id = $3::uuid
                AND di.status_changed_at + make_interval(days => $4::int) > now()) AS cooldown_until,
            w.started, w.reset_at
       FROM challenges c CROSS JOIN organizations so
       CROSS JOIN LATERAL (SELECT count(*)::int AS started, min(ri.requested_at) + interval '1 day' AS reset_at
                             FROM introductions ri WHERE ri.requester_organization_id = $3::uuid
                              AND ri.requested_at > now() - interval '1 day') w
      WHERE c.id = $1::uuid AND so.id = $2::uuid`,
    [q.challengeId, q.smeId, q.requesterOrganizationId, q.cooldownDays],
    (r) => ({
      isSme: bool(r, 'is_sme'),
      smeVerified: bool(r, 'sme_verified'),
      eligibilityProblems: strArray(r, 'problems'),
      liveId: strOrNull(r, 'live_id'),
      cooldownUntil: dateOrNull(r, 'cooldown_until'),
      startedToday: int(r, 'started'),
      windowResetAt: dateOrNull(r, 'reset_at'),
    }),
  );
  return (
    row ?? {
      isSme: false,
      smeVerified: false,
      eligibilityProblems: [],
      liveId: null,
      cooldownUntil: null,
      startedToday: 0,
      windowResetAt: null,
    }
  );
}

/**
 * Inserts a REQUESTED introduction (expiring `expiryDays` after now); the new id. The status is the row's first
 * value, as an insert gives it (every later change goes through the status writer).
 */
export async function insertIntroduction(
  target: SqlTarget,
  i: {
    challengeId: string;
    smeId: string;
    issuerOrganizationId: string;
    direction: IntroductionDirection;
    requesterOrganizationId: string;
    message: string;
    requestedBy: string;
    expiryDays: number;
  },
): Promise<string> {
  const row = await queryOne(
    target,
    `INSERT INTO introductions (challenge_id, sme_id, issuer_organization_id, direction, requester_organization_id,
                                status, message, requested_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, 'REQUESTED', $6, $7, date_trunc('milliseconds', now()) + make_interval(days => $8::int))
     RETURNING id`,
    [
      i.challengeId,
      i.smeId,
      i.issuerOrganizationId,
      i.direction,
      i.requesterOrganizationId,
      i.message,
      i.requestedBy,
      i.expiryDays,
    ],
    (r) => str(r, 'id'),
  );
  return row!;
}

/** The sides of an introduction the reader may see, for a move (undefined: not found for this reader). */
export function introductionSides(
  target: SqlTarget,
  reader: IntroductionReader,
  id: string,
): Promise<
  | {
      id: string;
      challengeId: string;
      smeId: string;
      issuerOrganizationId: string;
      direction: IntroductionDirection;
      status: IntroductionStatusName;
    }
  | undefined
> {
  const p = new SqlParams();
  return queryOne(
    target,
    `SELECT i.id, i.challenge_id, i.sme_id, i.issuer_organization_id, i.direction,
            ${effectiveIntroductionStatusSql('i')} AS status
       FROM introductions i WHERE i.id = ${p.add(id)}::uuid AND ${introductionReadableSql(reader, p)}`,
    p.values,
    (r) => ({
      id: str(r, 'id'),
      challengeId: str(r, 'challenge_id'),
      smeId: str(r, 'sme_id'),
      issuerOrganizationId: str(r, 'issuer_organization_id'),
      direction: oneOf(r, 'direction', DIRECTIONS),
      status: oneOf(r, 'status', INTRODUCTION_STATUSES),
    }),
  );
}

/**
 * The access grant of an accepted invitation: challenge_invitations is what visibleSql, the terms gate and the
 * matchmaking triggers read for an INVITE_ONLY challenge, so the accept writes it in its own transaction.
 */
export async function grantInvitationAccess(
  target: SqlTarget,
  challengeId: string,
  smeId: string,
  invitedBy: string | null,
): Promise<boolean> {
  const rows = await queryRows(
    target,
    `INSERT INTO challenge_invitations (challenge_id, organization_id, invited_by) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING organization_id`,
    [challengeId, smeId, invitedBy],
    (r) => str(r, 'organization_id'),
  );
  return rows.length > 0;
}

// ---- Messages --------------------------------------------------------------------------------------------------

export interface IntroductionMessageRow {
  id: string;
  introductionId: string;
  authorOrganizationId: string;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

const toMessage = (r: SqlRow): IntroductionMessageRow => ({
  id: str(r, 'id'),
  introductionId: str(r, 'introduction_id'),
  authorOrganizationId: str(r, 'author_organization_id'),
  authorName: strOrNull(r, 'author_name'),
  body: str(r, 'body'),
  createdAt: date(r, 'created_at'),
});

export function insertMessage(
  target: SqlTarget,
  m: { introductionId: string; authorId: string; authorOrganizationId: string; body: string },
): Promise<IntroductionMessageRow> {
  return queryOne(
    target,
    `WITH m AS (INSERT INTO introduction_messages (introduction_id, author_id, author_organization_id, body)
                VALUES ($1, $2, $3, $4) RETURNING *)
     SELECT m.*, u.display_name AS author_name FROM m LEFT JOIN users u ON u.id = m.author_id`,
    [m.introductionId, m.authorId, m.authorOrganizationId, m.body],
    toMessage,
  ).then((row) => row!);
}

/** A page of an introduction's messages, newest first (the caller has checked the thread may be read). */
export function messagePage(
  target: SqlTarget,
  introductionId: string,
  limit: number,
  after: [string, string] | null,
): Promise<IntroductionMessageRow[]> {
  const p = new SqlParams();
  const where = [`m.introduction_id = ${p.add(introductionId)}::uuid`];
  if (after)
    where.push(
      `(m.created_at, m.id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`,
    );
  return queryRows(
    target,
    `SELECT m.*, u.display_name AS author_name FROM introduction_messages m LEFT JOIN users u ON u.id = m.author_id
      WHERE ${where.join(' AND ')} ORDER BY m.created_at DESC, m.id DESC LIMIT ${p.add(limit)}`,
    p.values,
    toMessage,
  );
}

/** An introduction still REQUESTED that expires soon, and the organisation that was asked. */
export interface ExpiringIntroduction {
  id: string;
  challengeId: string;
  direction: IntroductionDirection;
  askedOrganizationId: string;
}

/** The introductions still REQUESTED (effectiveIntroductionStatusSql) that expire within `hours`, soonest first. */
export function introductionsExpiringWithin(
  target: SqlTarget,
  hours: number,
  limit: number,
): Promise<ExpiringIntroduction[]> {
  return queryRows(
    target,
    `SELECT i.id, i.challenge_id, i.direction::text AS direction,
            CASE WHEN i.direction = 'INVITE' THEN i.sme_id ELSE i.issuer_organization_id END AS asked
       FROM introductions i
      WHERE ${effectiveIntroductionStatusSql('i')} = 'REQUESTED' AND i.expires_at <= now() + make_interval(hours => $1)
      ORDER BY i.expires_at, i.id LIMIT $2`,
    [hours, limit],
    (r) => ({
      id: str(r, 'id'),
      challengeId: str(r, 'challenge_id'),
      direction: oneOf(r, 'direction', Object.values(IntroductionDirection)),
      askedOrganizationId: str(r, 'asked'),
    }),
  );
}
