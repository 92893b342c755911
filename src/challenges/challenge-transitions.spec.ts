import { describe, expect, it } from '@jest/globals';
import { CHALLENGE_TRANSITIONS, ChallengeAction, ChallengeStatusName, challengeTransition, effectiveStatus } from './challenge-transitions.js';

const ALL: ChallengeStatusName[] = ['DRAFT', 'PENDING_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'PUBLISHED', 'CLOSED', 'IN_PUBLICITY', 'AWARDED', 'FAILED', 'CANCELLED'];

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
    for (const a of ['REQUEST_CHANGES', 'REJECT', 'CANCEL', 'FAIL', 'UPHOLD_OBJECTION'] as const) expect(CHALLENGE_TRANSITIONS[a].needsReason).toBe(true);
  });

  it.each([
    ['PUBLISHED', -1, 'CLOSED'],
    ['PUBLISHED', 0, 'CLOSED'],
    ['PUBLISHED', 1, 'PUBLISHED'],
    ['DRAFT', -1, 'DRAFT'],
    ['IN_PUBLICITY', -1, 'IN_PUBLICITY'],
  ] as const)('a %s challenge whose deadline is %i ms from now reads as %s', (status, offset, expected) => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(effectiveStatus(status, new Date(now.getTime() + offset), now)).toBe(expected);
  });
});
