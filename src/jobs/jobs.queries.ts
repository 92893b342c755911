import type { SqlTarget } from '../database/typed-query.js';
import { date, int, jsonValue, oneOf, queryOne, queryRows, str } from '../database/typed-query.js';
import { JOBS_SCHEMA } from './job-schema.js';

/**
 * The reads of the job queue's tables (pg-boss's schema, JOBS_SCHEMA) for the admins' failedJobs and retryJob.
 * Writes to the queue go through pg-boss itself. Queues pg-boss keeps for itself (`__pgboss__...`) are left out.
 */

/** pg-boss's states of a job. */
export const JOB_STATES = [
  'created',
  'retry',
  'active',
  'completed',
  'cancelled',
  'failed',
] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface FailedJobRow {
  id: string;
  kind: string;
  payload: unknown;
  /** Runs made: the first plus each retry. */
  attempts: number;
  createdAt: Date;
  failedAt: Date;
  /** The failure's message as the handler threw it (or pg-boss's, for a lost job). */
  error: string | null;
  /** The failure instant as database text (microseconds), for the cursor. */
  cursorAt: string;
}

const OWN_QUEUES = `j.name NOT LIKE '\\_\\_pgboss\\_\\_%'`;

/** Failed jobs, most recently failed first, after the (failed_at, id) key; `limit` rows. */
export function failedJobPage(
  target: SqlTarget,
  limit: number,
  after: readonly [string, string] | null,
): Promise<FailedJobRow[]> {
  return queryRows(
    target,
    `SELECT j.id::text AS id, j.name, j.data, j.retry_count, j.created_on, j.completed_on,
            to_char(j.completed_on AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
            left(coalesce(j.output->>'message', j.output->'value'->>'message', j.output::text), 2000) AS error
       FROM ${JOBS_SCHEMA}.job j
      WHERE j.state = 'failed' AND ${OWN_QUEUES}
        AND ($2::timestamptz IS NULL OR (j.completed_on, j.id) < ($2::timestamptz, $3::uuid))
      ORDER BY j.completed_on DESC, j.id DESC
      LIMIT $1`,
    [limit, after?.[0] ?? null, after?.[1] ?? null],
    (r) => ({
      id: str(r, 'id'),
      kind: str(r, 'name'),
      payload: r.data === null ? null : jsonValue(r, 'data'),
      attempts: int(r, 'retry_count') + 1,
      createdAt: date(r, 'created_on'),
      failedAt: date(r, 'completed_on'),
      error: r.error === null ? null : str(r, 'error'),
      cursorAt: str(r, 'cursor_at'),
    }),
  );
}

/** One job's kind and state (locked FOR UPDATE until the transaction ends), or undefined. */
export function lockJob(
  target: SqlTarget,
  id: string,
): Promise<{ kind: string; state: JobState } | undefined> {
  return queryOne(
    target,
    `SELECT j.name, j.state::text AS state FROM ${JOBS_SCHEMA}.job j
      WHERE j.id = $1::uuid AND ${OWN_QUEUES} FOR UPDATE`,
    [id],
    (r) => ({ kind: str(r, 'name'), state: oneOf(r, 'state', JOB_STATES) }),
  );
}

/** One job as failedJobs shows it (any state), or undefined. */
export function jobById(target: SqlTarget, id: string): Promise<JobRow | undefined> {
  return queryOne(
    target,
    `SELECT j.id::text AS id, j.name, j.state::text AS state, j.retry_count, j.created_on
       FROM ${JOBS_SCHEMA}.job j WHERE j.id = $1::uuid AND ${OWN_QUEUES}`,
    [id],
    (r) => ({
      id: str(r, 'id'),
      kind: str(r, 'name'),
      state: oneOf(r, 'state', JOB_STATES),
      attempts: int(r, 'retry_count') + 1,
      createdAt: date(r, 'created_on'),
    }),
  );
}

export interface JobRow {
  id: string;
  kind: string;
  state: JobState;
  attempts: number;
  createdAt: Date;
}
