import { ConflictError, ForbiddenError, UserInputError } from '../errors.js';

/**
 * The shared shape of every lifecycle (challenge, alliance membership, proposal): a table of named moves,
 * each with the states it starts from, the state it leads to, who may make it and whether it needs a
 * reason. Each module's table (challenge-transitions.ts, alliance-transitions.ts, proposal-transitions.ts)
 * is the single source of truth for those four facts; `checkMove` reads them before anything is written,
 * and the SQL writer (status-writer.ts) is the only statement that changes a `status` column.
 *
 * Pure module: no framework or database imports (only the API's error classes).
 */

/** One move of a lifecycle. */
export interface Transition<S extends string, K extends string> {
  /** The states the move starts from (the writer's `WHERE status = ANY(from)`). */
  readonly from: readonly S[];
  readonly to: S;
  /** The kinds of actor that may make it (the actor needs one of them). */
  readonly by: readonly K[];
  /** Whether a non-blank reason must be given (BAD_USER_INPUT on `reason` otherwise). */
  readonly needsReason: boolean;
  /**
   * The audit action written for each entity moved; null when the move has no event of its own because the
   * event of the decision that causes it records it (the move is part of that decision, e.g. an upheld
   * objection disqualifying its proposal) or nobody decides it (time: a deadline passing).
   */
  readonly auditAction: string | null;
}

/** A lifecycle: its states, its table of moves and how it words a refusal. */
export interface Lifecycle<S extends string, A extends string, K extends string> {
  /** The entity's type name as in the API and the audit trail: Challenge, AllianceMembership, Proposal. */
  readonly entityType: string;
  readonly states: readonly S[];
  readonly actorKinds: readonly K[];
  readonly transitions: Readonly<Record<A, Transition<S, K>>>;
  /**
   * The message and details of the CONFLICT INVALID_TRANSITION answered when the entity is in a state the
   * move does not start from (`from`: the current state, null when it could not be read).
   */
  refusal(
    from: S | null,
    action: A,
    transition: Transition<S, K>,
  ): { message: string; details: Record<string, unknown> };
}

/** Builds a lifecycle, checking that the table only names its own states and actor kinds. */
export function defineLifecycle<S extends string, A extends string, K extends string>(
  lifecycle: Lifecycle<S, A, K>,
): Lifecycle<S, A, K> {
  for (const [action, t] of Object.entries(lifecycle.transitions) as [A, Transition<S, K>][]) {
    const unknown = [...t.from, t.to].filter((s) => !lifecycle.states.includes(s));
    if (unknown.length)
      throw new Error(`${lifecycle.entityType} ${action}: unknown states ${unknown.join(', ')}`);
    const strangers = t.by.filter((k) => !lifecycle.actorKinds.includes(k));
    if (strangers.length)
      throw new Error(
        `${lifecycle.entityType} ${action}: unknown actor kinds ${strangers.join(', ')}`,
      );
    if (t.from.length === 0 || t.by.length === 0)
      throw new Error(
        `${lifecycle.entityType} ${action}: no state to start from or nobody to make it`,
      );
  }
  return lifecycle;
}

/** The move `action`, or an Error when the table has none of that name (a programming error, not a client's). */
export function transitionOf<S extends string, A extends string, K extends string>(
  lifecycle: Lifecycle<S, A, K>,
  action: A,
): Transition<S, K> {
  const t = Object.prototype.hasOwnProperty.call(lifecycle.transitions, action)
    ? lifecycle.transitions[action]
    : undefined;
  if (!t) throw new Error(`${lifecycle.entityType} has no move ${String(action)}`);
  return t;
}

/** The move `action` from `from`, or null when the table does not allow it from there. */
export function allowedFrom<S extends string, A extends string, K extends string>(
  lifecycle: Lifecycle<S, A, K>,
  action: A,
  from: S,
): Transition<S, K> | null {
  const t = transitionOf(lifecycle, action);
  return t.from.includes(from) ? t : null;
}

/** What is asked: a move, by an actor holding `actorKinds` with respect to the entity, with an optional reason. */
export interface MoveRequest<A extends string, K extends string> {
  action: A;
  /** Every kind the actor holds with respect to this entity (e.g. ISSUER_MEMBER and ISSUER_MANAGER); SYSTEM for time. */
  actorKinds: readonly K[];
  reason?: string | null;
}

/**
 * Checks a move before anything is written: the action exists, one of the actor's kinds may make it, and a
 * reason is given when the move needs one. Returns the move (the caller then writes it from `from` to `to`);
 * throws FORBIDDEN TRANSITION_NOT_ALLOWED or BAD_USER_INPUT on `reason` otherwise. Whether the entity is in a
 * state the move starts from is decided by the conditional write (see `refusal`).
 */
export function checkMove<S extends string, A extends string, K extends string>(
  lifecycle: Lifecycle<S, A, K>,
  request: MoveRequest<A, K>,
): Transition<S, K> {
  const t = transitionOf(lifecycle, request.action);
  if (!request.actorKinds.some((k) => t.by.includes(k))) {
    throw new ForbiddenError(
      'TRANSITION_NOT_ALLOWED',
      `Only ${t.by.join(' or ')} may make the ${lifecycle.entityType} move ${String(request.action)}`,
    );
  }
  if (t.needsReason && (request.reason ?? '').trim() === '')
    throw UserInputError.field('reason', 'is required');
  return t;
}

/** The CONFLICT INVALID_TRANSITION for an entity in state `from` (null: unknown) that `action` does not start from. */
export function refusal<S extends string, A extends string, K extends string>(
  lifecycle: Lifecycle<S, A, K>,
  action: A,
  from: S | null,
  extra: Record<string, unknown> = {},
): ConflictError {
  const { message, details } = lifecycle.refusal(from, action, transitionOf(lifecycle, action));
  return new ConflictError('INVALID_TRANSITION', message, { ...extra, ...details });
}
