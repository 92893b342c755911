import { describe, expect, it } from '@jest/globals';
import { defineJob, emptyPayload } from './job-definition.js';

describe('defineJob', () => {
  it.each([
    ['challenge-clock', true],
    ['introduction-expiry', true],
    ['a', true],
    ['a'.repeat(48), true],
    ['a'.repeat(49), false],
    ['Challenge-clock', false],
    ['1-clock', false],
    ['challenge_clock', false],
    ['challenge.clock', false],
    ['', false],
    ['__pgboss__send-it', false],
  ])('a kind named %j is accepted: %s', (name, ok) => {
    const define = () => defineJob({ name, parse: emptyPayload });
    if (ok) expect(define().name).toBe(name);
    else expect(define).toThrow(/Not a job name/);
  });

  it('refuses a schedule without the payload it enqueues', () => {
    expect(() => defineJob({ name: 'tick', parse: emptyPayload, cron: '* * * * *' })).toThrow(
      /scheduledPayload/,
    );
    expect(
      defineJob({ name: 'tick', parse: emptyPayload, cron: '* * * * *', scheduledPayload: {} })
        .cron,
    ).toBe('* * * * *');
  });
});

describe('emptyPayload', () => {
  it.each([[{}], [null], [undefined]])('accepts %j', (data) => {
    expect(emptyPayload(data)).toEqual({});
  });

  it.each([[{ a: 1 }], [[]], ['x'], [1], [true]])('refuses %j', (data) => {
    expect(() => emptyPayload(data)).toThrow(/empty payload/);
  });
});
