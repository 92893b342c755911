import type { Actor } from '../common/auth/actor.js';
import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  dateOrNull,
  execute,
  oneOf,
  orNull,
  queryOne,
  queryRows,
  str,
  strOrNull,
} from '../database/typed-query.js';
import { ChallengeStatus, viewerOf, visibleSql } from '../challenges/index.js';
import { SqlParams } from '../database/sql-params.js';
import {
  effectiveChallengeStatusSql,
  effectiveProposalStatusSql,
  scoreTotalsSql,
} from './proposal-sql.js';
import { ObjectionStatus, PublicityOutcome } from './proposal.entities.js';
import { PROPOSAL_STATUSES, ProposalStatusName } from './proposal-transitions.js';
import type { Objection } from './dto/proposal.types.js';

/**
 * The SQL of the decisions after evaluation (ProposalDecisionService) and of the evaluation gate
 * (EvaluationGate), see docs/architecture.md, "The SQL layer". Status moves are not here: they go through
 * the lifecycle mechanism (common/lifecycle/status-writer.ts). None of these runs as a prepared statement.
 */

// ---- The evaluation gate -------------------------------------------------------------------------------

/** The challenge row as the evaluation gate locks it (status as stored, before what time has changed). */
export interface EvaluationChallengeRow {
  id: string;
  issuerOrganizationId: string;
  status: ChallengeStatus;
  /** budget_max, else the bounty, in fen (bigint as text). */
  budgetCap: string | null;
  scoringLocked: boolean;
}

/** Locks the challenge row FOR UPDATE until the transaction ends; undefined when there is no such challenge. */
export function lockEvaluationChallenge(
  target: SqlTarget,
  challengeId: string,
): Promise<EvaluationChallengeRow | undefined> {
  return queryOne(
    target,
    `SELECT c.id, c.issuer_organization_id, c.status, coalesce(c.budget_max, c.bounty)::text AS budget_cap,
              EXISTS (SELECT 1 FROM challenge_evaluations ce WHERE ce.challenge_id = c.id AND ce.scoring_locked_at IS NOT NULL) AS scoring_locked
         FROM challenges c WHERE c.id = $1 FOR UPDATE OF c`,
    [challengeId],
    (r) => ({
      id: str(r, 'id'),
      issuerOrganizationId: str(r, 'issuer_organization_id'),
      status: oneOf(r, 'status', ChallengeStatus),
      budgetCap: strOrNull(r, 'budget_cap'),
      scoringLocked: bool(r, 'scoring_locked'),
    }),
  );
}

/**
 * Closes the challenge's publicity as AWARDED when its period has ended with no objection pending and the
 * challenge is IN_PUBLICITY; whether it closed one.
 */
export async function closeEndedPublicity(
  target: SqlTarget,
  challengeId: string,
): Promise<boolean> {
  const ended = await queryRows(
    target,
    `UPDATE publicities pb SET closed_at = now(), outcome = 'AWARDED'
        WHERE pb.challenge_id = $1 AND pb.closed_at IS NULL AND pb.ends_at <= now()
          AND NOT EXISTS (SELECT 1 FROM objections ob WHERE ob.publicity_id = pb.id AND ob.status = 'FILED')
          AND EXISTS (SELECT 1 FROM challenges c WHERE c.id = $1 AND c.status = 'IN_PUBLICITY')
        RETURNING pb.id`,
    [challengeId],
    (r) => str(r, 'id'),
  );
  return ended.length > 0;
}

/**
 * Challenges whose stored status time has changed (what effectiveChallengeStatusSql reads differs: PUBLISHED past
 * the deadline, IN_PUBLICITY whose period ended with no objection pending), in id order; at most `limit`.
 */
export function challengesDueByTime(target: SqlTarget, limit: number): Promise<string[]> {
  return queryRows(
    target,
    `SELECT c.id FROM challenges c
      WHERE c.status IN ('PUBLISHED', 'IN_PUBLICITY') AND ${effectiveChallengeStatusSql('c')} <> c.status
      ORDER BY c.id LIMIT $1`,
    [limit],
    (r) => str(r, 'id'),
  );
}

/** The stored status of an existing challenge. */
export async function storedChallengeStatus(
  target: SqlTarget,
  challengeId: string,
): Promise<ChallengeStatus> {
  const status = await queryOne(
    target,
    `SELECT status FROM challenges WHERE id = $1`,
    [challengeId],
    (r) => oneOf(r, 'status', ChallengeStatus),
  );
  return status!;
}

// ---- Selection -----------------------------------------------------------------------------------------

/** Those of the challenge's proposals `ids` that a veto criterion excludes. */
export function vetoedProposalIds(
  target: SqlTarget,
  ids: readonly string[],
  challengeId: string,
): Promise<string[]> {
  return queryRows(
    target,
    `SELECT p.id FROM proposals p JOIN proposal_score_totals t ON t.proposal_id = p.id WHERE p.id = ANY($1::uuid[]) AND p.challenge_id = $2 AND ${scoreTotalsSql('t').vetoed}`,
    [ids, challengeId],
    (r) => str(r, 'id'),
  );
}

/** Sets the award of each proposal `ids[i]` to `amountsFen[i]`. */
export function setAwardAmounts(
  target: SqlTarget,
  ids: readonly string[],
  amountsFen: readonly string[],
): Promise<void> {
  return execute(
    target,
    `UPDATE proposals p SET award_amount = x.amount FROM unnest($1::uuid[], $2::bigint[]) AS x(id, amount) WHERE p.id = x.id`,
    [ids, amountsFen],
  );
}

/** Locks the challenge's scoring (if it was not locked yet: the first lock's time and author stay). */
export function lockScoringOnce(
  target: SqlTarget,
  challengeId: string,
  userId: string,
): Promise<void> {
  return execute(
    target,
    `INSERT INTO challenge_evaluations (challenge_id, scoring_locked_at, scoring_locked_by) VALUES ($1, now(), $2)
         ON CONFLICT (challenge_id) DO UPDATE SET scoring_locked_at = coalesce(challenge_evaluations.scoring_locked_at, now()),
           scoring_locked_by = coalesce(challenge_evaluations.scoring_locked_by, $2)`,
    [challengeId, userId],
  );
}

/** Starts the publicity period (公示) of `days` days; when it ends. */
export async function insertPublicity(
  target: SqlTarget,
  challengeId: string,
  days: number,
): Promise<Date> {
  const endsAt = await queryOne(
    target,
    `INSERT INTO publicities (challenge_id, started_at, ends_at) VALUES ($1, now(), now() + make_interval(days => $2)) RETURNING ends_at`,
    [challengeId, days],
    (r) => date(r, 'ends_at'),
  );
  return endsAt!;
}

/** The end of the challenge's latest publicity period, or null when it has none. */
export async function latestPublicityEnd(
  target: SqlTarget,
  challengeId: string,
): Promise<Date | null> {
  const endsAt = await queryOne(
    target,
    `SELECT ends_at FROM publicities WHERE challenge_id = $1 ORDER BY started_at DESC LIMIT 1`,
    [challengeId],
    (r) => date(r, 'ends_at'),
  );
  return endsAt ?? null;
}

/** Closes the challenge's open publicity with `outcome`. */
export function closePublicity(
  target: SqlTarget,
  challengeId: string,
  outcome: PublicityOutcome,
): Promise<void> {
  return execute(
    target,
    `UPDATE publicities SET closed_at = now(), outcome = $2 WHERE challenge_id = $1 AND closed_at IS NULL`,
    [challengeId, outcome],
  );
}

/** The challenge of a submitted proposal (neither DRAFT nor WITHDRAWN). */
export function submittedProposalChallengeId(
  target: SqlTarget,
  proposalId: string,
): Promise<string | undefined> {
  return queryOne(
    target,
    `SELECT challenge_id FROM proposals WHERE id = $1 AND status NOT IN ('DRAFT', 'WITHDRAWN')`,
    [proposalId],
    (r) => str(r, 'challenge_id'),
  );
}

/** The state (as it reads now) of those of `ids` that are submitted proposals of the challenge: to say why a decision was refused. */
export function decisionStates(
  target: SqlTarget,
  ids: readonly string[],
  challengeId: string,
): Promise<{ id: string; status: ProposalStatusName }[]> {
  return queryRows(
    target,
    `SELECT p.id, ${effectiveProposalStatusSql()} AS status FROM proposals p JOIN challenges c ON c.id = p.challenge_id
          WHERE p.id = ANY($1::uuid[]) AND p.challenge_id = $2 AND p.status NOT IN ('DRAFT', 'WITHDRAWN')`,
    [ids, challengeId],
    (r) => ({ id: str(r, 'id'), status: oneOf(r, 'status', PROPOSAL_STATUSES) }),
  );
}

// ---- Objections ----------------------------------------------------------------------------------------

const OBJECTION_COLUMNS =
  'id, challenge_id, proposal_id, reason, status, decision_reason, decided_at, created_at';

/** A row of OBJECTION_COLUMNS. */
function toObjection(r: SqlRow): Objection {
  return {
    id: str(r, 'id'),
    challengeId: str(r, 'challenge_id'),
    proposalId: str(r, 'proposal_id'),
    reason: str(r, 'reason'),
    status: oneOf(r, 'status', ObjectionStatus),
    decisionReason: strOrNull(r, 'decision_reason'),
    decidedAt: dateOrNull(r, 'decided_at'),
    createdAt: date(r, 'created_at'),
  };
}

/** What deciding whether an organisation may object to a winning proposal takes. */
export interface ObjectionContext {
  challengeId: string;
  issuerOrganizationId: string;
  /** The organisation of the winning proposal. */
  winnerId: string;
  publicityId: string;
  /** The publicity period has not ended. */
  running: boolean;
  /** The objecting organisation is VERIFIED. */
  verified: boolean;
}

/**
 * The SELECTED proposal of a challenge IN_PUBLICITY with an open publicity, if the actor may see the
 * challenge (visibleSql), the challenge share-locked until the transaction ends; undefined otherwise.
 */
export function objectionContext(
  target: SqlTarget,
  actor: Actor,
  proposalId: string,
  organizationId: string,
): Promise<ObjectionContext | undefined> {
  const p = new SqlParams();
  const [proposalParam, orgParam] = [p.add(proposalId), p.add(organizationId)];
  return queryOne(
    target,
    `SELECT p.challenge_id, c.issuer_organization_id, p.organization_id AS winner_id, pb.id AS publicity_id, pb.ends_at > now() AS running,
                (SELECT o.verification_status = 'VERIFIED' FROM organizations o WHERE o.id = ${orgParam}) AS verified
           FROM proposals p JOIN challenges c ON c.id = p.challenge_id
           JOIN publicities pb ON pb.challenge_id = c.id AND pb.closed_at IS NULL
          WHERE p.id = ${proposalParam} AND p.status = 'SELECTED' AND c.status = 'IN_PUBLICITY' AND ${visibleSql(viewerOf(actor), p)}
          FOR SHARE OF c`,
    p.values,
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      issuerOrganizationId: str(r, 'issuer_organization_id'),
      winnerId: str(r, 'winner_id'),
      publicityId: str(r, 'publicity_id'),
      running: bool(r, 'running'),
      // NULL when the organisation does not exist: not verified.
      verified: orNull(r, 'verified', bool) === true,
    }),
  );
}

export interface NewObjection {
  publicityId: string;
  challengeId: string;
  proposalId: string;
  organizationId: string;
  userId: string;
  reason: string;
}

export async function insertObjection(target: SqlTarget, o: NewObjection): Promise<Objection> {
  const row = await queryOne(
    target,
    `INSERT INTO objections (publicity_id, challenge_id, proposal_id, filed_by_organization_id, filed_by, reason)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${OBJECTION_COLUMNS}`,
    [o.publicityId, o.challengeId, o.proposalId, o.organizationId, o.userId, o.reason],
    toObjection,
  );
  return row!;
}

/** The challenge of an objection. */
export function objectionChallengeId(
  target: SqlTarget,
  objectionId: string,
): Promise<string | undefined> {
  return queryOne(target, `SELECT challenge_id FROM objections WHERE id = $1`, [objectionId], (r) =>
    str(r, 'challenge_id'),
  );
}

/** The objection, its row locked FOR UPDATE until the transaction ends. */
export function lockObjectionRow(
  target: SqlTarget,
  objectionId: string,
): Promise<Objection | undefined> {
  return queryOne(
    target,
    `SELECT ${OBJECTION_COLUMNS} FROM objections WHERE id = $1 FOR UPDATE`,
    [objectionId],
    toObjection,
  );
}

const DECIDE_OBJECTION_SQL: Record<ObjectionStatus.UPHELD | ObjectionStatus.DISMISSED, string> = {
  UPHELD: `UPDATE objections SET status = 'UPHELD', decision_reason = $2, decided_by = $3, decided_at = now() WHERE id = $1 RETURNING ${OBJECTION_COLUMNS}`,
  DISMISSED: `UPDATE objections SET status = 'DISMISSED', decision_reason = $2, decided_by = $3, decided_at = now() WHERE id = $1 RETURNING ${OBJECTION_COLUMNS}`,
};

/** Decides the objection (UPHELD or DISMISSED) with the decider's reason; the objection as decided. */
export async function decideObjection(
  target: SqlTarget,
  objectionId: string,
  to: ObjectionStatus.UPHELD | ObjectionStatus.DISMISSED,
  reason: string,
  userId: string,
): Promise<Objection> {
  const row = await queryOne(
    target,
    DECIDE_OBJECTION_SQL[to],
    [objectionId, reason, userId],
    toObjection,
  );
  return row!;
}

/** Dismisses the challenge's other pending objections once one is upheld. */
export function dismissOtherObjections(
  target: SqlTarget,
  challengeId: string,
  upheldId: string,
  userId: string,
): Promise<void> {
  return execute(
    target,
    `UPDATE objections SET status = 'DISMISSED', decision_reason = 'Superseded: another objection was upheld', decided_by = $3, decided_at = now()
          WHERE challenge_id = $1 AND status = 'FILED' AND id <> $2`,
    [challengeId, upheldId, userId],
  );
}

/** The objections of a challenge (at most 500, oldest first), for its issuer (`organizationId`) or an admin. */
export function challengeObjectionList(
  target: SqlTarget,
  challengeId: string,
  organizationId: string | null,
  admin: boolean,
  limit: number,
  after: readonly [string, string] | null,
): Promise<Objection[]> {
  return queryRows(
    target,
    `SELECT ${OBJECTION_COLUMNS.split(', ')
      .map((c) => `ob.${c}`)
      .join(', ')} FROM objections ob JOIN challenges c ON c.id = ob.challenge_id
        WHERE ob.challenge_id = $1 AND (c.issuer_organization_id = $2::uuid OR $3)
          AND ($5::timestamptz IS NULL OR (ob.created_at, ob.id) > ($5::timestamptz, $6::uuid))
        ORDER BY ob.created_at, ob.id LIMIT $4`,
    [challengeId, organizationId, admin, limit, after?.[0] ?? null, after?.[1] ?? null],
    toObjection,
  );
}
