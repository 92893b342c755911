import { describe, expect, it } from '@jest/globals';
import { MembershipAction, MembershipStatus, membershipTransition, statusesAllowing } from './alliance-transitions.js';

const STATUSES: MembershipStatus[] = ['APPLIED', 'ACTIVE', 'REJECTED', 'SUSPENDED', 'EXITED', 'EXPELLED'];

/** Every allowed (action, from) pair and where it leads; everything else must be refused. */
const ALLOWED: [MembershipAction, MembershipStatus, MembershipStatus][] = [
  ['ADMIT', 'APPLIED', 'ACTIVE'],
  ['REJECT', 'APPLIED', 'REJECTED'],
  ['SUSPEND', 'ACTIVE', 'SUSPENDED'],
  ['REINSTATE', 'SUSPENDED', 'ACTIVE'],
  ['EXPEL', 'ACTIVE', 'EXPELLED'],
  ['EXPEL', 'SUSPENDED', 'EXPELLED'],
  ['LEAVE', 'ACTIVE', 'EXITED'],
  ['CHANGE_TIER', 'ACTIVE', 'ACTIVE'],
];

const ACTIONS: MembershipAction[] = ['ADMIT', 'REJECT', 'SUSPEND', 'REINSTATE', 'EXPEL', 'LEAVE', 'CHANGE_TIER'];

describe('alliance membership transitions', () => {
  it.each(ALLOWED)('%s from %s leads to %s', (action, from, to) => {
    expect(membershipTransition(action, from)?.to).toBe(to);
  });

  const refused = ACTIONS.flatMap((action) =>
    STATUSES.filter((from) => !ALLOWED.some(([a, f]) => a === action && f === from)).map((from) => [action, from] as const),
  );
  it.each(refused)('refuses %s from %s', (action, from) => {
    expect(membershipTransition(action, from)).toBeNull();
  });

  it('refuses the issue examples: admitting an EXPELLED member, suspending an applicant', () => {
    expect(membershipTransition('ADMIT', 'EXPELLED')).toBeNull();
    expect(membershipTransition('SUSPEND', 'APPLIED')).toBeNull();
  });

  it('leaves only the member leave to the member itself', () => {
    for (const action of ACTIONS) {
      for (const t of statusesAllowing(action).map((from) => membershipTransition(action, from)!)) {
        expect(t.by).toEqual([action === 'LEAVE' ? 'MEMBER' : 'PLATFORM_ADMIN']);
      }
    }
  });

  it('has no way out of the final states', () => {
    for (const final of ['REJECTED', 'EXITED', 'EXPELLED'] as const) {
      expect(ACTIONS.filter((a) => membershipTransition(a, final))).toEqual([]);
    }
  });
});
