import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import {
  allowedFrom,
  checkMove,
  defineLifecycle,
  Lifecycle,
  refusal,
  transitionOf,
} from './lifecycle.js';

type S = 'OPEN' | 'HELD' | 'SHUT';
type A = 'HOLD' | 'RELEASE' | 'SHUT_DOWN';
type K = 'OWNER' | 'CLERK' | 'SYSTEM';

/** A small lifecycle that exercises each rule of the mechanism once. */
const DOOR: Lifecycle<S, A, K> = defineLifecycle({
  entityType: 'Door',
  states: ['OPEN', 'HELD', 'SHUT'],
  actorKinds: ['OWNER', 'CLERK', 'SYSTEM'],
  transitions: {
    HOLD: {
      from: ['OPEN'],
      to: 'HELD',
      by: ['CLERK', 'OWNER'],
      needsReason: false,
      auditAction: 'DOOR_HELD',
    },
    RELEASE: {
      from: ['HELD'],
      to: 'OPEN',
      by: ['OWNER'],
      needsReason: true,
      auditAction: 'DOOR_RELEASED',
    },
    SHUT_DOWN: {
      from: ['OPEN', 'HELD'],
      to: 'SHUT',
      by: ['SYSTEM'],
      needsReason: false,
      auditAction: null,
    },
  },
  refusal: (from, action, t) => ({
    message: `A ${from ?? 'UNKNOWN'} door cannot ${action} to ${t.to}`,
    details: { from, to: t.to },
  }),
});

function thrown(f: () => unknown): GraphQLError {
  try {
    f();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected an error');
}

describe('defineLifecycle', () => {
  const base = {
    entityType: 'Door',
    states: ['OPEN', 'SHUT'] as S[],
    actorKinds: ['OWNER'] as K[],
    refusal: () => ({ message: 'no', details: {} }),
  };

  it('refuses a table naming a state the lifecycle does not have', () => {
    expect(() =>
      defineLifecycle<S, 'X', K>({
        ...base,
        transitions: {
          X: { from: ['HELD'], to: 'SHUT', by: ['OWNER'], needsReason: false, auditAction: null },
        },
      }),
    ).toThrow('Door X: unknown states HELD');
  });

  it('refuses a table naming an actor kind the lifecycle does not have', () => {
    expect(() =>
      defineLifecycle<S, 'X', K>({
        ...base,
        transitions: {
          X: { from: ['OPEN'], to: 'SHUT', by: ['SYSTEM'], needsReason: false, auditAction: null },
        },
      }),
    ).toThrow('Door X: unknown actor kinds SYSTEM');
  });

  it('refuses a move nobody may make or that starts nowhere', () => {
    expect(() =>
      defineLifecycle<S, 'X', K>({
        ...base,
        transitions: {
          X: { from: ['OPEN'], to: 'SHUT', by: [], needsReason: false, auditAction: null },
        },
      }),
    ).toThrow('no state to start from or nobody to make it');
    expect(() =>
      defineLifecycle<S, 'X', K>({
        ...base,
        transitions: {
          X: { from: [], to: 'SHUT', by: ['OWNER'], needsReason: false, auditAction: null },
        },
      }),
    ).toThrow('no state to start from or nobody to make it');
  });
});

describe('the moves of a lifecycle', () => {
  it.each([
    ['HOLD', 'OPEN', 'HELD'],
    ['HOLD', 'HELD', null],
    ['HOLD', 'SHUT', null],
    ['RELEASE', 'HELD', 'OPEN'],
    ['RELEASE', 'OPEN', null],
    ['SHUT_DOWN', 'OPEN', 'SHUT'],
    ['SHUT_DOWN', 'HELD', 'SHUT'],
    ['SHUT_DOWN', 'SHUT', null],
  ] as const)('%s from %s leads to %s', (action, from, to) => {
    expect(allowedFrom(DOOR, action, from)?.to ?? null).toBe(to);
  });

  it('knows no action outside its table (not even an inherited property name)', () => {
    expect(() => transitionOf(DOOR, 'OPEN_WIDE' as A)).toThrow('Door has no move OPEN_WIDE');
    expect(() => transitionOf(DOOR, 'toString' as A)).toThrow('Door has no move toString');
    expect(() => checkMove(DOOR, { action: 'constructor' as A, actorKinds: ['OWNER'] })).toThrow(
      'Door has no move constructor',
    );
  });
});

describe('checkMove', () => {
  it.each([
    ['HOLD', ['CLERK'], true],
    ['HOLD', ['OWNER'], true],
    ['HOLD', ['SYSTEM'], false],
    ['HOLD', [], false],
    ['RELEASE', ['OWNER'], true],
    ['RELEASE', ['CLERK'], false],
    ['RELEASE', ['CLERK', 'OWNER'], true],
    ['SHUT_DOWN', ['SYSTEM'], true],
    ['SHUT_DOWN', ['OWNER', 'CLERK'], false],
  ] as const)('%s by %j is allowed: %s', (action, actorKinds, allowed) => {
    const move = () => checkMove(DOOR, { action, actorKinds, reason: 'a reason' });
    if (allowed) expect(move().to).toBe(DOOR.transitions[action].to);
    else {
      expect(thrown(move).extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'TRANSITION_NOT_ALLOWED',
      });
      expect(thrown(move).message).toBe(
        `Only ${DOOR.transitions[action].by.join(' or ')} may make the Door move ${action}`,
      );
    }
  });

  it.each([undefined, null, '', '   ', '\n\t'])(
    'refuses a move that needs a reason with the reason %j (BAD_USER_INPUT on reason)',
    (reason) => {
      const error = thrown(() =>
        checkMove(DOOR, { action: 'RELEASE', actorKinds: ['OWNER'], reason }),
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        fields: [{ field: 'reason', message: 'is required' }],
      });
    },
  );

  it('accepts a reason with text around blanks, and a move that needs none without one', () => {
    expect(
      checkMove(DOOR, { action: 'RELEASE', actorKinds: ['OWNER'], reason: '  key returned ' }).to,
    ).toBe('OPEN');
    expect(checkMove(DOOR, { action: 'HOLD', actorKinds: ['CLERK'] }).to).toBe('HELD');
    expect(checkMove(DOOR, { action: 'HOLD', actorKinds: ['CLERK'], reason: null }).to).toBe(
      'HELD',
    );
  });

  it('answers who may not move before asking for the reason', () => {
    expect(
      thrown(() => checkMove(DOOR, { action: 'RELEASE', actorKinds: ['CLERK'] })).extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('refusal', () => {
  it('is CONFLICT INVALID_TRANSITION worded by the lifecycle, with the caller’s details', () => {
    const error = refusal(DOOR, 'RELEASE', 'SHUT', { doorIds: ['d1'] });
    expect(error.message).toBe('A SHUT door cannot RELEASE to OPEN');
    expect(error.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      doorIds: ['d1'],
      from: 'SHUT',
      to: 'OPEN',
    });
  });

  it('names an unknown current state', () => {
    expect(refusal(DOOR, 'HOLD', null).message).toBe('A UNKNOWN door cannot HOLD to HELD');
  });
});
