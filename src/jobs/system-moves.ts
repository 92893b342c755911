import type { EntityManager } from 'typeorm';

/**
 * The status moves that time alone makes and a scheduled job persists (the SQL-computed effective status is
 * the truth; the jobs write it, audited as the system's moves): what moved, by event.
 */
export interface SystemMoveEvents {
  /** PUBLISHED challenges persisted CLOSED at their deadline (their SUBMITTED proposals now UNDER_REVIEW). */
  'challenge.closed-at-deadline': { challengeIds: readonly string[] };
  /** IN_PUBLICITY challenges persisted AWARDED at the end of their 公示 with no objection pending. */
  'challenge.awarded-at-publicity-end': { challengeIds: readonly string[] };
  /** REQUESTED introductions persisted EXPIRED past their expires_at. */
  'introduction.expired': { introductionIds: readonly string[] };
  /**
   * A challenge PUBLISHED by an admin's approval (a user's move, emitted by the challenge lifecycle in the approval's
   * transaction): what follows a publication (announcing it to the SMEs it fits) plugs in here.
   */
  'challenge.published': { challengeIds: readonly string[] };
}

export type SystemMoveEvent = keyof SystemMoveEvents;

/**
 * Called inside the transaction that persisted the moves, after their audit rows: a listener writes what must
 * follow them atomically (the notifications module's outbox rows: "send the notices"); throwing rolls the moves
 * back and the job is retried.
 */
export type SystemMoveListener<E extends SystemMoveEvent> = (
  manager: EntityManager,
  event: SystemMoveEvents[E],
) => Promise<void>;

/**
 * The seam where what follows a system move plugs in. The sweeps (proposals/evaluation-clock.job.ts,
 * matchmaking/introductions/introduction-expiry.job.ts) call `emit` in their transaction; a module that
 * wants to act on those moves calls `on` when it initialises (e.g. `onModuleInit`).
 */
export class SystemMoveHooks {
  private readonly listeners = new Map<SystemMoveEvent, SystemMoveListener<never>[]>();

  on<E extends SystemMoveEvent>(event: E, listener: SystemMoveListener<E>): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as SystemMoveListener<never>);
    this.listeners.set(event, list);
  }

  async emit<E extends SystemMoveEvent>(
    manager: EntityManager,
    event: E,
    payload: SystemMoveEvents[E],
  ): Promise<void> {
    for (const listener of this.listeners.get(event) ?? [])
      await (listener as SystemMoveListener<E>)(manager, payload);
  }
}
