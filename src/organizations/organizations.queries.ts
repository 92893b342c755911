import type { Actor } from '../common/auth/actor.js';
import type { RowMapper, SqlRow, SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  dateOrNull,
  execute,
  jsonRows,
  oneOf,
  orNull,
  preparedRows,
  queryOne,
  queryRows,
  str,
  strOrNull,
} from '../database/typed-query.js';
import type {
  CreateOrganizationFields,
  UpdateOrganizationFields,
} from './dto/organization-profile.inputs.js';
import type { OrganizationProfileType } from './dto/organization-profile.types.js';
import type {
  CreditCodeHolder,
  OrganizationMemberType,
  OrganizationVerificationItem,
  OrganizationVerificationPayload,
} from './dto/organization.types.js';
import { profileSql, updateColumnsSql, UpdatedColumn, UpdatedTable } from './organization-sql.js';
import { OrganizationRole } from './organization-member.entity.js';
import { OrganizationKind, VerificationStatus } from './organization.entity.js';

/**
 * The SQL of organisations, their members, invitations and verification, and the profile every kind
 * shares (see docs/architecture.md, "The SQL layer"). The viewer-scoped pieces and the builders are in
 * organization-sql.ts; an SME's own statements in smes/smes.queries.ts.
 */

// The enum columns' readers, built once.
const KINDS = Object.values(OrganizationKind);
const STATUSES = Object.values(VerificationStatus);
const ROLES = Object.values(OrganizationRole);

// ---- Credit codes --------------------------------------------------------------------------------------

/** The id of a VERIFIED organisation (other than `except`) holding the credit code, if any. */
export function verifiedCreditCodeHolder(
  target: SqlTarget,
  creditCode: string,
  except: string | null,
): Promise<string | undefined> {
  return queryOne(
    target,
    `SELECT id FROM organizations WHERE credit_code = $1 AND verification_status = 'VERIFIED' AND id IS DISTINCT FROM $2::uuid LIMIT 1`,
    [creditCode, except],
    (r) => str(r, 'id'),
  );
}

/** The organisation's credit code, its row locked (FOR UPDATE); undefined when it does not exist. */
export function lockCreditCode(
  target: SqlTarget,
  organizationId: string,
): Promise<string | undefined> {
  return queryOne(
    target,
    `SELECT credit_code FROM organizations WHERE id = $1 FOR UPDATE`,
    [organizationId],
    (r) => str(r, 'credit_code'),
  );
}

/** Every other organisation claiming the credit code of `verifiedId`, oldest first. */
export function creditCodeClaimants(
  target: SqlTarget,
  verifiedId: string,
): Promise<{ id: string; verificationStatus: VerificationStatus }[]> {
  return queryRows(
    target,
    `SELECT o.id, o.verification_status FROM organizations o JOIN organizations v ON v.credit_code = o.credit_code
        WHERE v.id = $1 AND o.id <> v.id ORDER BY o.created_at, o.id`,
    [verifiedId],
    (r) => ({ id: str(r, 'id'), verificationStatus: oneOf(r, 'verification_status', STATUSES) }),
  );
}

// ---- Managing an organisation --------------------------------------------------------------------------

export interface LockedOrganization {
  kind: OrganizationKind;
  verificationStatus: VerificationStatus;
  nameZh: string;
}

/** What decides who may edit the organisation, its row locked (FOR UPDATE) until the transaction ends. */
export function lockOrganization(
  target: SqlTarget,
  organizationId: string,
): Promise<LockedOrganization | undefined> {
  return queryOne(
    target,
    `SELECT kind, verification_status, name_zh FROM organizations WHERE id = $1 FOR UPDATE`,
    [organizationId],
    (r) => ({
      kind: oneOf(r, 'kind', KINDS),
      verificationStatus: oneOf(r, 'verification_status', STATUSES),
      nameZh: str(r, 'name_zh'),
    }),
  );
}

// ---- Invitations and members ---------------------------------------------------------------------------

/** The organisation the user with this e-mail belongs to, if any. */
export function organizationOfEmail(target: SqlTarget, email: string): Promise<string | undefined> {
  return queryOne(
    target,
    `SELECT m.organization_id FROM organization_members m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
    [email],
    (r) => str(r, 'organization_id'),
  );
}

export interface NewInvitation {
  organizationId: string;
  email: string;
  role: OrganizationRole;
  tokenHash: string;
  invitedBy: string;
  ttlDays: number;
}

/** A new invitation, expiring `ttlDays` from now: its id and expiry. */
export async function insertInvitation(
  target: SqlTarget,
  inv: NewInvitation,
): Promise<{ id: string; expiresAt: Date }> {
  const row = await queryOne(
    target,
    `INSERT INTO organization_invitations (organization_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING id, expires_at`,
    [inv.organizationId, inv.email, inv.role, inv.tokenHash, inv.invitedBy, inv.ttlDays],
    (r) => ({ id: str(r, 'id'), expiresAt: date(r, 'expires_at') }),
  );
  return row!;
}

export interface InvitationToAccept {
  id: string;
  organizationId: string;
  role: OrganizationRole;
  acceptedAt: Date | null;
  expired: boolean;
  kind: OrganizationKind;
  /** The invitation's e-mail is the accepting user's. */
  emailMatches: boolean;
}

/** The invitation with this token hash, its row locked, as the user `userId` would accept it. */
export function lockInvitation(
  target: SqlTarget,
  tokenHash: string,
  userId: string,
): Promise<InvitationToAccept | undefined> {
  return queryOne(
    target,
    `SELECT i.id, i.organization_id, i.role, i.accepted_at, i.expires_at <= now() AS expired, o.kind,
                  lower(u.email) = i.email AS email_matches
             FROM organization_invitations i
             JOIN organizations o ON o.id = i.organization_id
             JOIN users u ON u.id = $2
            WHERE i.token_hash = $1
            FOR UPDATE OF i`,
    [tokenHash, userId],
    (r) => ({
      id: str(r, 'id'),
      organizationId: str(r, 'organization_id'),
      role: oneOf(r, 'role', ROLES),
      acceptedAt: dateOrNull(r, 'accepted_at'),
      expired: bool(r, 'expired'),
      kind: oneOf(r, 'kind', KINDS),
      emailMatches: bool(r, 'email_matches'),
    }),
  );
}

export function markInvitationAccepted(
  target: SqlTarget,
  invitationId: string,
  userId: string,
): Promise<void> {
  return execute(
    target,
    `UPDATE organization_invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`,
    [invitationId, userId],
  );
}

/** Makes the user a member with the role; when it joined. */
export async function insertMember(
  target: SqlTarget,
  userId: string,
  organizationId: string,
  role: OrganizationRole,
): Promise<Date> {
  const joinedAt = await queryOne(
    target,
    `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, $3) RETURNING joined_at`,
    [userId, organizationId, role],
    (r) => date(r, 'joined_at'),
  );
  return joinedAt!;
}

/** Makes the creator of a new organisation its OWNER. */
export function insertOwner(
  target: SqlTarget,
  userId: string,
  organizationId: string,
): Promise<void> {
  return execute(
    target,
    `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`,
    [userId, organizationId],
  );
}

/** The user's name and e-mail as a member shows them. */
export async function memberIdentity(
  target: SqlTarget,
  userId: string,
): Promise<{ displayName: string; email: string }> {
  const user = await queryOne(
    target,
    `SELECT display_name, email FROM users WHERE id = $1`,
    [userId],
    (r) => ({
      displayName: str(r, 'display_name'),
      email: str(r, 'email'),
    }),
  );
  return user!;
}

export interface LockedMember {
  role: OrganizationRole;
  joinedAt: Date;
  displayName: string;
  email: string;
}

/** A member of the organisation, its membership row locked. */
export function lockMember(
  target: SqlTarget,
  organizationId: string,
  userId: string,
): Promise<LockedMember | undefined> {
  return queryOne(
    target,
    `SELECT m.role, m.joined_at, u.display_name, u.email
         FROM organization_members m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND m.user_id = $2
        FOR UPDATE OF m`,
    [organizationId, userId],
    (r) => ({
      role: oneOf(r, 'role', ROLES),
      joinedAt: date(r, 'joined_at'),
      displayName: str(r, 'display_name'),
      email: str(r, 'email'),
    }),
  );
}

/** The user ids of the organisation's OWNERs, every owner row locked (two owners cannot demote each other at once). */
export function lockOwnerIds(target: SqlTarget, organizationId: string): Promise<string[]> {
  return queryRows(
    target,
    `SELECT user_id FROM organization_members WHERE organization_id = $1 AND role = 'OWNER' FOR UPDATE`,
    [organizationId],
    (r) => str(r, 'user_id'),
  );
}

export function updateMemberRole(
  target: SqlTarget,
  organizationId: string,
  userId: string,
  role: OrganizationRole,
): Promise<void> {
  return execute(
    target,
    `UPDATE organization_members SET role = $3 WHERE organization_id = $1 AND user_id = $2`,
    [organizationId, userId, role],
  );
}

export function deleteMember(
  target: SqlTarget,
  organizationId: string,
  userId: string,
): Promise<void> {
  return execute(
    target,
    `DELETE FROM organization_members WHERE organization_id = $1 AND user_id = $2`,
    [organizationId, userId],
  );
}

// ---- Verification --------------------------------------------------------------------------------------

/** An admin's decision as stored, with the status it replaced. */
export interface VerificationChange {
  decision: OrganizationVerificationPayload;
  previous: VerificationStatus;
}

/**
 * Sets the verification status to `to` (with the reason; verified_at now when VERIFIED) if the current one
 * is among `from`, locking the row; undefined when the organisation does not exist or is in another status.
 */
export function updateVerification(
  target: SqlTarget,
  organizationId: string,
  to: VerificationStatus,
  reason: string | null,
  from: readonly VerificationStatus[],
): Promise<VerificationChange | undefined> {
  return queryOne(
    target,
    `UPDATE organizations o
          SET verification_status = $2::organization_verification_status, verification_reason = $3, updated_at = now(),
              verified_at = CASE WHEN $2::organization_verification_status = 'VERIFIED' THEN now() ELSE NULL END
         FROM (SELECT id, verification_status AS old FROM organizations WHERE id = $1 FOR UPDATE) prev
        WHERE o.id = prev.id AND prev.old = ANY($4::organization_verification_status[])
        RETURNING o.id, o.kind, o.name_zh, o.verification_status, o.verification_reason, o.verified_at, prev.old`,
    [organizationId, to, reason, from],
    (r) => ({
      decision: {
        organizationId: str(r, 'id'),
        kind: oneOf(r, 'kind', KINDS),
        nameZh: str(r, 'name_zh'),
        verificationStatus: oneOf(r, 'verification_status', STATUSES),
        verificationReason: strOrNull(r, 'verification_reason'),
        verifiedAt: dateOrNull(r, 'verified_at'),
      },
      previous: oneOf(r, 'old', STATUSES),
    }),
  );
}

export function verificationStatusOf(
  target: SqlTarget,
  organizationId: string,
): Promise<VerificationStatus | undefined> {
  return queryOne(
    target,
    `SELECT verification_status FROM organizations WHERE id = $1`,
    [organizationId],
    (r) => oneOf(r, 'verification_status', STATUSES),
  );
}

const toCreditCodeHolder = (c: SqlRow): CreditCodeHolder => ({
  organizationId: str(c, 'organizationId'),
  kind: oneOf(c, 'kind', KINDS),
  nameZh: str(c, 'nameZh'),
  verificationStatus: oneOf(c, 'verificationStatus', STATUSES),
  createdAt: new Date(str(c, 'createdAt')),
});

export interface VerificationQueueFilter {
  kind?: OrganizationKind | null;
  /** Keyset: (created_at, id) of the last row seen. */
  after?: readonly unknown[] | null;
}

/** The admins' verification queue: UNVERIFIED organisations, oldest first, `limit` rows, each with its credit-code clashes. */
export function verificationQueuePage(
  target: SqlTarget,
  limit: number,
  filter: VerificationQueueFilter,
): Promise<OrganizationVerificationItem[]> {
  const params: unknown[] = [];
  const where = [`o.verification_status = 'UNVERIFIED'`];
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`o.kind = $${params.length}::organization_kind`);
  }
  if (filter.after) {
    params.push(...filter.after);
    where.push(
      `(o.created_at, o.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
    );
  }
  return queryRows(
    target,
    `SELECT o.id, o.kind, o.name_zh, o.name_en, o.credit_code, o.region_code, o.verification_status, o.created_at,
              (SELECT coalesce(json_agg(json_build_object('organizationId', x.id, 'kind', x.kind, 'nameZh', x.name_zh,
                                                          'verificationStatus', x.verification_status, 'createdAt', x.created_at)
                                        ORDER BY x.created_at, x.id), '[]'::json)
                 FROM organizations x WHERE x.credit_code = o.credit_code AND x.id <> o.id) AS clashes
         FROM organizations o
        WHERE ${where.join(' AND ')}
        ORDER BY o.created_at, o.id
        LIMIT ${limit}`,
    params,
    (r) => {
      const clashes = jsonRows(r, 'clashes').map(toCreditCodeHolder);
      return {
        organizationId: str(r, 'id'),
        kind: oneOf(r, 'kind', KINDS),
        nameZh: str(r, 'name_zh'),
        nameEn: strOrNull(r, 'name_en'),
        creditCode: str(r, 'credit_code'),
        regionCode: str(r, 'region_code'),
        verificationStatus: oneOf(r, 'verification_status', STATUSES),
        createdAt: date(r, 'created_at'),
        creditCodeClashes: clashes,
        creditCodeHeldByVerified: clashes.some(
          (c) => c.verificationStatus === VerificationStatus.VERIFIED,
        ),
      };
    },
  );
}

// ---- Profiles ------------------------------------------------------------------------------------------

/** One kind of organisation: its own table (joined on `organization_id`), the columns it adds, and its row mapper. */
export interface ProfileKind<T> {
  kind: OrganizationKind.ENTERPRISE | OrganizationKind.SME;
  /** The name in NOT_FOUND answers. */
  entity: 'Enterprise' | 'SME';
  table: 'enterprises' | 'smes';
  alias: 'e' | 's';
  /** The kind's columns in the SELECT list (through `alias`). */
  columns: string;
  /** Those of the kind's columns the API fields need (a reader given the fields a query selects). */
  columnsFor?: (fields: ReadonlySet<string>) => string;
  /** Maps a row of ORGANIZATION_COLUMNS and `columns` to the kind's API output (through toOrganizationProfile). */
  toType: RowMapper<T>;
}

const toMember = (m: SqlRow): OrganizationMemberType => ({
  userId: str(m, 'userId'),
  displayName: str(m, 'displayName'),
  email: str(m, 'email'),
  role: oneOf(m, 'role', ROLES),
  joinedAt: new Date(str(m, 'joinedAt')),
});

/** The shared part of a profile's API output, from the shared columns (ORGANIZATION_COLUMNS). */
export function toOrganizationProfile(
  r: SqlRow,
): Omit<OrganizationProfileType, 'regionCode'> & { regionCode: string } {
  // NULL (not false) for a viewer without an organisation who is not an admin: `o.id = NULL OR false`.
  const canSeePrivate = orNull(r, 'can_see_private', bool) === true;
  return {
    id: str(r, 'id'),
    nameZh: str(r, 'name_zh'),
    nameEn: strOrNull(r, 'name_en'),
    creditCode: str(r, 'credit_code'),
    regionCode: str(r, 'region_code'),
    description: str(r, 'description'),
    verificationStatus: oneOf(r, 'verification_status', STATUSES),
    verificationReason: canSeePrivate ? strOrNull(r, 'verification_reason') : null,
    verifiedAt: dateOrNull(r, 'verified_at'),
    contactEmail: strOrNull(r, 'contact_email'),
    contactPhone: strOrNull(r, 'contact_phone'),
    members: orNull(r, 'members', jsonRows)?.map(toMember) ?? null,
    createdAt: date(r, 'created_at'),
  };
}

/** One profile of the kind as the viewer may see it; undefined when it does not exist or is not visible. */
export function findProfile<T>(
  target: SqlTarget,
  actor: Actor | null,
  id: string,
  kind: ProfileKind<T>,
): Promise<T | undefined> {
  const q = profileSql(kind, actor);
  return queryOne(target, q.sql, [id, ...q.params], kind.toType);
}

/**
 * The profiles of a kind the viewer may see among `ids` (one statement, in no particular order); with `fields`
 * (the API fields a query selects), only the kind's columns they need.
 */
export function findProfiles<T>(
  target: SqlTarget,
  actor: Actor | null,
  ids: readonly string[],
  kind: ProfileKind<T>,
  fields?: ReadonlySet<string>,
): Promise<T[]> {
  const columns = fields && kind.columnsFor ? kind.columnsFor(fields) : kind.columns;
  const q = profileSql({ ...kind, columns }, actor, true);
  return preparedRows(target, q.sql, [ids, ...q.params], kind.toType);
}

/** The shared row of a new organisation (UNVERIFIED); its id. */
export async function insertOrganization(
  target: SqlTarget,
  kind: OrganizationKind,
  input: CreateOrganizationFields,
  createdBy: string,
): Promise<string> {
  const id = await queryOne(
    target,
    `INSERT INTO organizations (kind, name_zh, name_en, credit_code, region_code, description, contact_email, contact_phone, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      kind,
      input.nameZh,
      input.nameEn ?? null,
      input.creditCode,
      input.regionCode,
      input.description ?? '',
      input.contactEmail ?? null,
      input.contactPhone ?? null,
      createdBy,
    ],
    (r) => str(r, 'id'),
  );
  return id!;
}

/**
 * Runs `UPDATE <table> SET ...` for the given columns (only those whose value is not undefined, see
 * updateColumnsSql). Returns the names of the fields that were given.
 */
export async function updateColumns(
  target: SqlTarget,
  table: UpdatedTable,
  keyColumn: 'id' | 'organization_id',
  id: string,
  columns: readonly UpdatedColumn[],
): Promise<string[]> {
  const update = updateColumnsSql(table, keyColumn, id, columns);
  if (update) await execute(target, update.sql, update.params);
  return update?.fields ?? [];
}

const SHARED: [keyof UpdateOrganizationFields, string][] = [
  ['nameZh', 'name_zh'],
  ['nameEn', 'name_en'],
  ['regionCode', 'region_code'],
  ['description', 'description'],
  ['contactEmail', 'contact_email'],
  ['contactPhone', 'contact_phone'],
];

/** Updates the shared columns of an organisation; returns the fields given. */
export function updateSharedColumns(
  target: SqlTarget,
  id: string,
  input: UpdateOrganizationFields,
): Promise<string[]> {
  return updateColumns(
    target,
    'organizations',
    'id',
    id,
    SHARED.map(([field, column]) => [field, column, input[field]]),
  );
}

/**
 * A verified organisation that changes what was verified (its name, an SME's qualification) goes
 * back to UNVERIFIED until an admin looks again. Returns the new status when it changed.
 */
export async function resetVerification(
  target: SqlTarget,
  id: string,
  status: VerificationStatus,
): Promise<VerificationStatus | null> {
  if (status !== VerificationStatus.VERIFIED) return null;
  await execute(
    target,
    `UPDATE organizations SET verification_status = 'UNVERIFIED', verified_at = NULL, verification_reason = NULL, updated_at = now() WHERE id = $1`,
    [id],
  );
  return VerificationStatus.UNVERIFIED;
}

export interface InvitationMailFacts {
  organizationNameZh: string;
  organizationNameEn: string | null;
  inviterName: string;
  inviterLocale: string;
  /** The account that holds the invited address, if any. */
  inviteeUserId: string | null;
  inviteeLocale: string | null;
}

/** What an invitation mail shows: the organisation, the inviter, and the invitee's account when there is one. */
export function invitationMailFacts(
  target: SqlTarget,
  organizationId: string,
  inviterId: string,
  email: string,
): Promise<InvitationMailFacts | undefined> {
  return queryOne(
    target,
    `SELECT o.name_zh, o.name_en, inviter.display_name AS inviter_name, inviter.locale AS inviter_locale,
            invitee.id AS invitee_id, invitee.locale AS invitee_locale
       FROM organizations o
       JOIN users inviter ON inviter.id = $2
       LEFT JOIN users invitee ON invitee.email = $3
      WHERE o.id = $1`,
    [organizationId, inviterId, email],
    (row) => ({
      organizationNameZh: str(row, 'name_zh'),
      organizationNameEn: strOrNull(row, 'name_en'),
      inviterName: str(row, 'inviter_name'),
      inviterLocale: str(row, 'inviter_locale'),
      inviteeUserId: strOrNull(row, 'invitee_id'),
      inviteeLocale: strOrNull(row, 'invitee_locale'),
    }),
  );
}
