import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Asks `probe` every `everyMs` until it answers something other than undefined, and returns that; fails naming
 * `what` once `withinMs` has passed. For what happens in the background (jobs): no test waits a fixed time.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  withinMs: number,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`not within ${withinMs} ms: ${what}`);
    await sleep(everyMs);
  }
}
