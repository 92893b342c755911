import { describe, expect, it } from '@jest/globals';
import { errorOf } from '../common/lifecycle/lifecycle-testing.js';
import type { Actor } from '../common/auth/actor.js';
import { checkMove, refusal } from '../common/lifecycle/lifecycle.js';
import {
  CHALLENGE_LIFECYCLE,
  CHALLENGE_TRANSITIONS,
  ChallengeAction,
  ChallengeActorKind,
  challengeActorKinds,
  ChallengeStatusName,
  challengeTransition,
  effectiveStatus,
} from './challenge-transitions.js';

const ALL: ChallengeStatusName[] = [
  'DRAFT',
  'PENDING_REVIEW',
  'CHANGES_REQUESTED',
  'REJECTED',
  'PUBLISHED',
  'CLOSED',
  'IN_PUBLICITY',
  'AWARDED',
  'FAILED',
  'CANCELLED',
];

/** The allowed [action, from, to] triples, written out independently of the table. */
const ALLOWED: [ChallengeAction, ChallengeStatusName, ChallengeStatusName][] = [
  ['SUBMIT_FOR_REVIEW', 'DRAFT', 'PENDING_REVIEW'],
  ['SUBMIT_FOR_REVIEW', 'CHANGES_REQUESTED', 'PENDING_REVIEW'],
  ['REQUEST_CHANGES', 'PENDING_REVIEW', 'CHANGES_REQUESTED'],
  ['REJECT', 'PENDING_REVIEW', 'REJECTED'],
  ['APPROVE_AND_PUBLISH', 'PENDING_REVIEW', 'PUBLISHED'],
  ['CANCEL', 'DRAFT', 'CANCELLED'],
  ['CANCEL', 'PENDING_REVIEW', 'CANCELLED'],
  ['CANCEL', 'CHANGES_REQUESTED', 'CANCELLED'],
  ['CANCEL', 'PUBLISHED', 'CANCELLED'],
  ['CANCEL', 'CLOSED', 'CANCELLED'],
  ['CANCEL', 'IN_PUBLICITY', 'CANCELLED'],
  ['CLOSE_AT_DEADLINE', 'PUBLISHED', 'CLOSED'],
  ['START_PUBLICITY', 'CLOSED', 'IN_PUBLICITY'],
  ['UPHOLD_OBJECTION', 'IN_PUBLICITY', 'CLOSED'],
  ['AWARD', 'IN_PUBLICITY', 'AWARDED'],
  ['FAIL', 'CLOSED', 'FAILED'],
];

describe('challenge transition table', () => {
  const actions = Object.keys(CHALLENGE_TRANSITIONS) as ChallengeAction[];
  const cases = actions.flatMap((action) => ALL.map((from) => [action, from] as const));

  it.each(cases)('%s from %s is allowed exactly when DOMAIN.md says so', (action, from) => {
    const expected = ALLOWED.find(([a, f]) => a === action && f === from);
    const t = challengeTransition(action, from);
    expect(t?.to ?? null).toBe(expected ? expected[2] : null);
  });

  it('never leaves a terminal state (AWARDED, FAILED, CANCELLED, REJECTED)', () => {
    for (const terminal of ['AWARDED', 'FAILED', 'CANCELLED', 'REJECTED'] as const) {
      expect(actions.filter((a) => challengeTransition(a, terminal))).toEqual([]);
    }
  });

  it('asks for a reason on every refusal, cancellation and failure', () => {
    for (const a of ['REQUEST_CHANGES', 'REJECT', 'CANCEL', 'FAIL', 'UPHOLD_OBJECTION'] as const)
      expect(CHALLENGE_TRANSITIONS[a].needsReason).toBe(true);
  });

  it.each([
    ['PUBLISHED', -1, 'CLOSED'],
    ['PUBLISHED', 0, 'CLOSED'],
    ['PUBLISHED', 1, 'PUBLISHED'],
    ['DRAFT', -1, 'DRAFT'],
    ['IN_PUBLICITY', -1, 'IN_PUBLICITY'],
  ] as const)(
    'a %s challenge whose deadline is %i ms from now reads as %s',
    (status, offset, expected) => {
      const now = new Date('2030-01-01T00:00:00Z');
      expect(effectiveStatus(status, new Date(now.getTime() + offset), now)).toBe(expected);
    },
  );
});

/** Who may take each action and which need a reason, written out independently of the table. */
const BY: Record<ChallengeAction, ChallengeActorKind[]> = {
  SUBMIT_FOR_REVIEW: ['ISSUER_MEMBER'],
  REQUEST_CHANGES: ['PLATFORM_ADMIN'],
  REJECT: ['PLATFORM_ADMIN'],
  APPROVE_AND_PUBLISH: ['PLATFORM_ADMIN'],
  CANCEL: ['ISSUER_MANAGER'],
  CLOSE_AT_DEADLINE: ['SYSTEM'],
  START_PUBLICITY: ['ISSUER_MANAGER'],
  UPHOLD_OBJECTION: ['ISSUER_MANAGER', 'PLATFORM_ADMIN'],
  AWARD: ['SYSTEM'],
  FAIL: ['ISSUER_MANAGER'],
};
const NEEDS_REASON: ChallengeAction[] = [
  'REQUEST_CHANGES',
  'REJECT',
  'CANCEL',
  'UPHOLD_OBJECTION',
  'FAIL',
];
const KINDS: ChallengeActorKind[] = ['ISSUER_MEMBER', 'ISSUER_MANAGER', 'PLATFORM_ADMIN', 'SYSTEM'];
const ACTIONS = Object.keys(BY) as ChallengeAction[];

describe('who may move a challenge (checkMove with the challenge table)', () => {
  it('has a row for every action of the table and no other', () => {
    expect(Object.keys(CHALLENGE_TRANSITIONS).sort()).toEqual([...ACTIONS].sort());
  });

  const pairs = ACTIONS.flatMap((action) =>
    KINDS.map((kind) => [action, kind, BY[action].includes(kind)] as const),
  );
  it.each(pairs)('%s by %s is allowed: %s', (action, kind, allowed) => {
    const move = () =>
      checkMove(CHALLENGE_LIFECYCLE, { action, actorKinds: [kind], reason: 'a reason given' });
    if (allowed) expect(move().to).toBe(CHALLENGE_TRANSITIONS[action].to);
    else
      expect(errorOf(move)?.extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'TRANSITION_NOT_ALLOWED',
      });
  });

  it.each(ACTIONS.map((action) => [action, NEEDS_REASON.includes(action)] as const))(
    '%s without a reason is refused: %s',
    (action, needed) => {
      for (const reason of [undefined, '', '  ']) {
        const move = () =>
          checkMove(CHALLENGE_LIFECYCLE, { action, actorKinds: BY[action], reason });
        if (needed)
          expect(errorOf(move)?.extensions).toEqual({
            code: 'BAD_USER_INPUT',
            reason: 'INVALID_INPUT',
            fields: [{ field: 'reason', message: 'is required' }],
          });
        else expect(move().to).toBe(CHALLENGE_TRANSITIONS[action].to);
      }
    },
  );

  it('refuses from a state the move does not start from with the message the API answers', () => {
    const error = refusal(CHALLENGE_LIFECYCLE, 'APPROVE_AND_PUBLISH', 'REJECTED');
    expect({ message: error.message, extensions: error.extensions }).toEqual({
      message: 'A REJECTED challenge cannot become PUBLISHED',
      extensions: {
        code: 'CONFLICT',
        reason: 'INVALID_TRANSITION',
        from: 'REJECTED',
        to: 'PUBLISHED',
      },
    });
  });
});

describe('challengeActorKinds', () => {
  const actor = (organization?: Actor['organization'], admin = false): Actor => ({
    userId: 'u',
    sessionId: 's',
    platformRoles: admin ? ['ADMIN'] : [],
    organization,
  });
  const ISSUER = 'issuer-org';

  it.each([
    ['the system (no actor)', null, ['SYSTEM']],
    [
      'an OWNER of the issuer',
      actor({ id: ISSUER, kind: 'ENTERPRISE', role: 'OWNER' }),
      ['ISSUER_MEMBER', 'ISSUER_MANAGER'],
    ],
    [
      'an ADMIN of the issuer',
      actor({ id: ISSUER, kind: 'ENTERPRISE', role: 'ADMIN' }),
      ['ISSUER_MEMBER', 'ISSUER_MANAGER'],
    ],
    [
      'a MEMBER of the issuer',
      actor({ id: ISSUER, kind: 'ENTERPRISE', role: 'MEMBER' }),
      ['ISSUER_MEMBER'],
    ],
    [
      'an OWNER of another enterprise',
      actor({ id: 'other', kind: 'ENTERPRISE', role: 'OWNER' }),
      [],
    ],
    ['a platform admin', actor(undefined, true), ['PLATFORM_ADMIN']],
    [
      'a platform admin who is a MEMBER of the issuer',
      actor({ id: ISSUER, kind: 'ENTERPRISE', role: 'MEMBER' }, true),
      ['ISSUER_MEMBER', 'PLATFORM_ADMIN'],
    ],
  ] as const)('%s holds %j', (_name, who, kinds) => {
    expect(challengeActorKinds(who, ISSUER)).toEqual(kinds);
  });
});
