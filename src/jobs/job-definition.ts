import type { EntityManager } from 'typeorm';

/**
 * A kind of job: its queue name, how its payload is checked when a job is run (a payload is JSON from the
 * database, never trusted as typed), and optionally its own retry policy or a schedule. Declared once with
 * `defineJob` next to the code that handles it; `JobsService.register(definition, handler)` wires the handler
 * and `JobsService.enqueue(definition, payload)` is typed by the definition.
 */
export interface JobDefinition<P> {
  /** The queue's name: lower-case letters, digits and hyphens (it names the queue's partition too). */
  readonly name: string;
  /** Checks and types a stored payload; throws when it is not one of this kind (the job then fails). */
  readonly parse: (data: unknown) => P;
  /** Retries before the job is listed as failed (JOBS_RETRY_LIMIT when omitted). */
  readonly retryLimit?: number;
  /** Seconds before the first retry, doubling after (JOBS_RETRY_DELAY_SECONDS when omitted). */
  readonly retryDelaySeconds?: number;
  /**
   * A cron expression (UTC, five fields, minute granularity): the job is enqueued at those times with
   * `scheduledPayload`, once for all instances together.
   */
  readonly cron?: string;
  readonly scheduledPayload?: P;
}

const NAME = /^[a-z][a-z0-9-]{0,47}$/;

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  if (!NAME.test(definition.name)) throw new Error(`Not a job name: ${definition.name}`);
  if (definition.cron && definition.scheduledPayload === undefined)
    throw new Error(`The scheduled job ${definition.name} needs a scheduledPayload`);
  return definition;
}

/** A payload with no fields (the scheduled sweeps): anything else is refused. */
export function emptyPayload(data: unknown): Record<string, never> {
  if (data === null || data === undefined) return {};
  if (typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0) return {};
  throw new Error('expected an empty payload');
}

/** What a handler learns about the job it runs. */
export interface JobContext {
  id: string;
  /** 0 on the first run, then 1, 2, ... on retries. */
  retryCount: number;
}

export type JobHandler<P> = (payload: P, job: JobContext) => Promise<void>;

export interface EnqueueOptions {
  /**
   * The transaction to enqueue in: the job exists only if the transaction commits (and is not seen by a
   * worker before). Without it the job is enqueued on its own connection at once.
   */
  manager?: EntityManager;
  /** Run no earlier than this. */
  startAfter?: Date;
}
