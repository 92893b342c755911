import type { SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  dateOrNull,
  oneOf,
  queryOne,
  queryRows,
  str,
} from '../database/typed-query.js';
import { CHALLENGE_STATUSES, ChallengeStatusName } from './challenge-transitions.js';

/** A challenge's times, locked FOR UPDATE, as the clock operation reads them. */
export interface ChallengeClock {
  status: ChallengeStatusName;
  issuerOrganizationId: string;
  deadline: Date;
  /** The deadline is still ahead (a PUBLISHED challenge is open). */
  open: boolean;
  /** The end of the challenge's open publicity period, if it has one still running. */
  publicityEndsAt: Date | null;
}

export function lockChallengeClock(
  target: SqlTarget,
  challengeId: string,
): Promise<ChallengeClock | undefined> {
  return queryOne(
    target,
    `SELECT c.status, c.issuer_organization_id, c.deadline, c.deadline > now() AS open,
            (SELECT pb.ends_at FROM publicities pb
              WHERE pb.challenge_id = c.id AND pb.closed_at IS NULL AND pb.ends_at > now()
              ORDER BY pb.started_at DESC LIMIT 1) AS publicity_ends_at
       FROM challenges c WHERE c.id = $1 FOR UPDATE OF c`,
    [challengeId],
    (r) => ({
      status: oneOf(r, 'status', CHALLENGE_STATUSES),
      issuerOrganizationId: str(r, 'issuer_organization_id'),
      deadline: date(r, 'deadline'),
      open: bool(r, 'open'),
      publicityEndsAt: dateOrNull(r, 'publicity_ends_at'),
    }),
  );
}

/**
 * Moves the deadline to the present (the transaction's `now()`, truncated to the column's milliseconds so that it
 * is not rounded up past now): the challenge reads as CLOSED at once.
 */
export async function moveDeadlineToNow(target: SqlTarget, challengeId: string): Promise<Date> {
  const [deadline] = await queryRows(
    target,
    `UPDATE challenges SET deadline = date_trunc('milliseconds', now()), updated_at = now() WHERE id = $1 RETURNING deadline`,
    [challengeId],
    (r) => date(r, 'deadline'),
  );
  return deadline;
}

/** Ends the challenge's running publicity period now (the award is then due unless an objection is pending). */
export async function endPublicityNow(target: SqlTarget, challengeId: string): Promise<Date> {
  const [endsAt] = await queryRows(
    target,
    `UPDATE publicities SET ends_at = date_trunc('milliseconds', now())
      WHERE challenge_id = $1 AND closed_at IS NULL AND ends_at > now() RETURNING ends_at`,
    [challengeId],
    (r) => date(r, 'ends_at'),
  );
  return endsAt;
}
