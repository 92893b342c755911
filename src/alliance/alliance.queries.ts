import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  dateOrNull,
  oneOf,
  oneOfOrNull,
  queryOne,
  queryRows,
  str,
  strOrNull,
} from '../database/typed-query.js';
import { VerificationStatus } from '../organizations/index.js';
import { AllianceMembershipStatus, AllianceTier } from './alliance-membership.entity.js';
import type {
  AllianceMemberType,
  AllianceMembershipEventType,
  AllianceMembershipType,
} from './dto/alliance.types.js';

/**
 * The SQL of the alliance's reads and applications (see docs/architecture.md, "The SQL layer"). The
 * statements that change a membership's status belong to AllianceService.transition.
 */

/** The membership columns with the enterprise's identity; `m` is alliance_memberships, `o` organizations. */
const MEMBERSHIP_COLUMNS = `m.id, m.organization_id, m.status, m.tier, m.statement, m.applied_at, m.admitted_at, m.status_reason,
         m.status_changed_at, o.name_zh, o.name_en, o.credit_code, o.verification_status`;

const MEMBERSHIP_SELECT = `
  SELECT ${MEMBERSHIP_COLUMNS}
    FROM alliance_memberships m JOIN organizations o ON o.id = m.organization_id`;

/** The only way a membership row (MEMBERSHIP_COLUMNS) becomes API output. */
export function toMembershipType(r: SqlRow): AllianceMembershipType {
  return {
    id: str(r, 'id'),
    enterprise: {
      id: str(r, 'organization_id'),
      nameZh: str(r, 'name_zh'),
      nameEn: strOrNull(r, 'name_en'),
      creditCode: str(r, 'credit_code'),
      verificationStatus: oneOf(r, 'verification_status', VerificationStatus),
    },
    status: oneOf(r, 'status', AllianceMembershipStatus),
    tier: oneOfOrNull(r, 'tier', AllianceTier),
    statement: str(r, 'statement'),
    appliedAt: date(r, 'applied_at'),
    admittedAt: dateOrNull(r, 'admitted_at'),
    statusReason: strOrNull(r, 'status_reason'),
    statusChangedAt: date(r, 'status_changed_at'),
  };
}

export function findMembership(
  target: SqlTarget,
  id: string,
): Promise<AllianceMembershipType | undefined> {
  return queryOne(target, `${MEMBERSHIP_SELECT} WHERE m.id = $1`, [id], toMembershipType);
}

/** The enterprise's memberships, newest application first. */
export function membershipsOf(
  target: SqlTarget,
  organizationId: string,
): Promise<AllianceMembershipType[]> {
  return queryRows(
    target,
    `${MEMBERSHIP_SELECT} WHERE m.organization_id = $1 ORDER BY m.applied_at DESC, m.id DESC`,
    [organizationId],
    toMembershipType,
  );
}

/** The id of the enterprise's live (APPLIED, ACTIVE or SUSPENDED) membership, if any. */
export function liveMembershipId(
  target: SqlTarget,
  organizationId: string,
): Promise<string | undefined> {
  return queryOne(
    target,
    `SELECT id FROM alliance_memberships WHERE organization_id = $1 AND status IN ('APPLIED', 'ACTIVE', 'SUSPENDED')`,
    [organizationId],
    (r) => str(r, 'id'),
  );
}

export interface ApplicantState {
  verificationStatus: VerificationStatus;
  expelled: boolean;
  live: boolean;
}

/** What decides whether the organisation may apply, its row locked (FOR UPDATE) until the transaction ends. */
export function lockApplicantState(
  target: SqlTarget,
  organizationId: string,
): Promise<ApplicantState | undefined> {
  return queryOne(
    target,
    `SELECT o.verification_status,
                  EXISTS (SELECT 1 FROM alliance_memberships WHERE organization_id = o.id AND status = 'EXPELLED') AS expelled,
                  EXISTS (SELECT 1 FROM alliance_memberships WHERE organization_id = o.id AND status IN ('APPLIED', 'ACTIVE', 'SUSPENDED')) AS live
             FROM organizations o WHERE o.id = $1 FOR UPDATE OF o`,
    [organizationId],
    (r) => ({
      verificationStatus: oneOf(r, 'verification_status', VerificationStatus),
      expelled: bool(r, 'expelled'),
      live: bool(r, 'live'),
    }),
  );
}

/** A new application (status APPLIED by default); its id. */
export async function insertApplication(
  target: SqlTarget,
  organizationId: string,
  statement: string,
): Promise<string> {
  const id = await queryOne(
    target,
    `INSERT INTO alliance_memberships (organization_id, statement) VALUES ($1, $2) RETURNING id`,
    [organizationId, statement],
    (r) => str(r, 'id'),
  );
  return id!;
}

/** A row of the public member list with its keyset (tier, admitted_at, id). */
export interface MemberRow {
  member: AllianceMemberType;
  tier: AllianceTier;
  admittedAt: Date;
  id: string;
}

/**
 * A page of ACTIVE members by tier (FOUNDING first), then seniority: `limit` rows after the keyset `after`
 * (tier, admitted_at, membership id), if given.
 */
export function activeMembersPage(
  target: SqlTarget,
  limit: number,
  after: readonly unknown[] | null,
): Promise<MemberRow[]> {
  const params: unknown[] = [limit];
  let afterSql = '';
  if (after) {
    params.push(...after);
    afterSql = `AND (m.tier, m.admitted_at, m.id) > ($2::alliance_tier, $3::timestamptz, $4::uuid)`;
  }
  return queryRows(
    target,
    // Limit first (the page of memberships, in the order of the partial index IDX_alliance_memberships_active),
    // then fetch each one's organisation by primary key: never a join of every organisation before the LIMIT.
    `SELECT m.id, m.tier, m.admitted_at, o.id AS organization_id, o.name_zh, o.name_en, o.region_code, e.is_chain_leader
         FROM (SELECT m.id, m.organization_id, m.tier, m.admitted_at FROM alliance_memberships m
                WHERE m.status = 'ACTIVE' ${afterSql}
                ORDER BY m.tier, m.admitted_at, m.id
                LIMIT $1) m
         JOIN organizations o ON o.id = m.organization_id
         JOIN enterprises e ON e.organization_id = o.id
        ORDER BY m.tier, m.admitted_at, m.id`,
    params,
    (r) => {
      const tier = oneOf(r, 'tier', AllianceTier);
      const admittedAt = date(r, 'admitted_at');
      return {
        id: str(r, 'id'),
        tier,
        admittedAt,
        member: {
          enterpriseId: str(r, 'organization_id'),
          nameZh: str(r, 'name_zh'),
          nameEn: strOrNull(r, 'name_en'),
          tier,
          since: admittedAt,
          isChainLeader: bool(r, 'is_chain_leader'),
          regionCode: str(r, 'region_code'),
        },
      };
    },
  );
}

export interface ApplicationsFilter {
  statuses: readonly AllianceMembershipStatus[];
  tier?: AllianceTier | null;
  search?: string | null;
  /** Keyset: (applied_at, id) of the last row seen. */
  after?: readonly unknown[] | null;
}

/** The admins' queue: newest applications first, `limit` rows. */
export function applicationsPage(
  target: SqlTarget,
  limit: number,
  filter: ApplicationsFilter,
): Promise<AllianceMembershipType[]> {
  const { statuses } = filter;
  // One status (the usual queue) as an equality, so that IDX_alliance_memberships_status_applied gives the order.
  const params: unknown[] = [limit, statuses.length === 1 ? statuses[0] : statuses];
  const where = [
    statuses.length === 1
      ? 'm.status = $2::alliance_membership_status'
      : 'm.status = ANY($2::alliance_membership_status[])',
  ];
  if (filter.tier) {
    params.push(filter.tier);
    where.push(`m.tier = $${params.length}`);
  }
  if (filter.search) {
    params.push(`%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(
      `(o.name_zh ILIKE $${params.length} OR o.name_en ILIKE $${params.length} OR o.credit_code ILIKE $${params.length})`,
    );
  }
  if (filter.after) {
    params.push(...filter.after);
    where.push(
      `(m.applied_at, m.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
    );
  }
  // Without a name search every condition is on the memberships: take the page first, then join the organisations.
  const sql = filter.search
    ? `${MEMBERSHIP_SELECT} WHERE ${where.join(' AND ')} ORDER BY m.applied_at DESC, m.id DESC LIMIT $1`
    : `SELECT m.id, m.organization_id, m.status, m.tier, m.statement, m.applied_at, m.admitted_at, m.status_reason,
                m.status_changed_at, o.name_zh, o.name_en, o.credit_code, o.verification_status
           FROM (SELECT * FROM alliance_memberships m WHERE ${where.join(' AND ')} ORDER BY m.applied_at DESC, m.id DESC LIMIT $1) m
           JOIN organizations o ON o.id = m.organization_id
          ORDER BY m.applied_at DESC, m.id DESC`;
  return queryRows(target, sql, params, toMembershipType);
}

/** The enterprise's membership events from the audit trail, oldest first. */
export function membershipHistory(
  target: SqlTarget,
  organizationId: string,
): Promise<AllianceMembershipEventType[]> {
  return queryRows(
    target,
    `SELECT entity_id, action, from_state, to_state, reason, data->>'tier' AS tier, occurred_at
         FROM audit_events WHERE organization_id = $1 AND entity_type = 'AllianceMembership' ORDER BY seq`,
    [organizationId],
    (e) => ({
      membershipId: str(e, 'entity_id'),
      action: str(e, 'action'),
      fromStatus: oneOfOrNull(e, 'from_state', AllianceMembershipStatus),
      toStatus: oneOfOrNull(e, 'to_state', AllianceMembershipStatus),
      reason: strOrNull(e, 'reason'),
      tier: oneOfOrNull(e, 'tier', AllianceTier),
      occurredAt: date(e, 'occurred_at'),
    }),
  );
}
