import { describe, expect, it } from '@jest/globals';
import { errorOf } from '../common/lifecycle/lifecycle-testing.js';
import type { Actor } from '../common/auth/actor.js';
import { checkMove, refusal } from '../common/lifecycle/lifecycle.js';
import {
  MEMBERSHIP_LIFECYCLE,
  MEMBERSHIP_TRANSITIONS,
  MembershipAction,
  MembershipActorKind,
  membershipActorKinds,
  MembershipStatus,
  membershipTransition,
  statusesAllowing,
} from './alliance-transitions.js';

const STATUSES: MembershipStatus[] = [
  'APPLIED',
  'ACTIVE',
  'REJECTED',
  'SUSPENDED',
  'EXITED',
  'EXPELLED',
];

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

const ACTIONS: MembershipAction[] = [
  'ADMIT',
  'REJECT',
  'SUSPEND',
  'REINSTATE',
  'EXPEL',
  'LEAVE',
  'CHANGE_TIER',
];

describe('alliance membership transitions', () => {
  it.each(ALLOWED)('%s from %s leads to %s', (action, from, to) => {
    expect(membershipTransition(action, from)?.to).toBe(to);
  });

  const refused = ACTIONS.flatMap((action) =>
    STATUSES.filter((from) => !ALLOWED.some(([a, f]) => a === action && f === from)).map(
      (from) => [action, from] as const,
    ),
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

const KINDS: MembershipActorKind[] = ['PLATFORM_ADMIN', 'MEMBER'];

describe('who may move a membership (checkMove with the membership table)', () => {
  it('has a row for every action and no other', () => {
    expect(Object.keys(MEMBERSHIP_TRANSITIONS).sort()).toEqual([...ACTIONS].sort());
  });

  const pairs = ACTIONS.flatMap((action) =>
    KINDS.map(
      (kind) =>
        [action, kind, kind === (action === 'LEAVE' ? 'MEMBER' : 'PLATFORM_ADMIN')] as const,
    ),
  );
  it.each(pairs)('%s by %s is allowed: %s', (action, kind, allowed) => {
    const move = () =>
      checkMove(MEMBERSHIP_LIFECYCLE, { action, actorKinds: [kind], reason: 'a reason given' });
    if (allowed) expect(move().to).toBe(MEMBERSHIP_TRANSITIONS[action].to);
    else
      expect(errorOf(move)?.extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'TRANSITION_NOT_ALLOWED',
      });
  });

  it.each(ACTIONS)(
    '%s needs a reason (every decision is explained to the enterprise)',
    (action) => {
      const by: MembershipActorKind = action === 'LEAVE' ? 'MEMBER' : 'PLATFORM_ADMIN';
      for (const reason of [undefined, null, '', ' \t ']) {
        expect(
          errorOf(() => checkMove(MEMBERSHIP_LIFECYCLE, { action, actorKinds: [by], reason }))
            ?.extensions,
        ).toEqual({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_INPUT',
          fields: [{ field: 'reason', message: 'is required' }],
        });
      }
      expect(checkMove(MEMBERSHIP_LIFECYCLE, { action, actorKinds: [by], reason: 'why' }).to).toBe(
        MEMBERSHIP_TRANSITIONS[action].to,
      );
    },
  );

  it('refuses from a state the move does not start from as the API answers', () => {
    const error = refusal(MEMBERSHIP_LIFECYCLE, 'SUSPEND', 'APPLIED');
    expect(error.message).toBe('A membership that is APPLIED cannot be changed by SUSPEND');
    expect(error.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'APPLIED',
      action: 'SUSPEND',
    });
  });
});

describe('membershipActorKinds', () => {
  const actor = (organization?: Actor['organization'], admin = false): Actor => ({
    userId: 'u',
    sessionId: 's',
    platformRoles: admin ? ['ADMIN'] : [],
    organization,
  });
  const ORG = 'member-org';

  it.each([
    [
      'an OWNER of the member enterprise',
      actor({ id: ORG, kind: 'ENTERPRISE', role: 'OWNER' }),
      ORG,
      ['MEMBER'],
    ],
    [
      'an ADMIN of the member enterprise',
      actor({ id: ORG, kind: 'ENTERPRISE', role: 'ADMIN' }),
      ORG,
      ['MEMBER'],
    ],
    [
      'a MEMBER of the member enterprise',
      actor({ id: ORG, kind: 'ENTERPRISE', role: 'MEMBER' }),
      ORG,
      [],
    ],
    [
      'an OWNER of another enterprise',
      actor({ id: 'other', kind: 'ENTERPRISE', role: 'OWNER' }),
      ORG,
      [],
    ],
    [
      'an OWNER, the membership not known',
      actor({ id: ORG, kind: 'ENTERPRISE', role: 'OWNER' }),
      null,
      [],
    ],
    ['a platform admin', actor(undefined, true), null, ['PLATFORM_ADMIN']],
  ] as const)('%s holds %j', (_name, who, org, kinds) => {
    expect(membershipActorKinds(who, org)).toEqual(kinds);
  });
});
