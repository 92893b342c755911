import { describe, expect, it } from '@jest/globals';
import { errorOf } from '../common/lifecycle/lifecycle-testing.js';
import type { Actor } from '../common/auth/actor.js';
import { checkMove, refusal } from '../common/lifecycle/lifecycle.js';
import { ProposalStatus } from './proposal.entities.js';
import {
  PROPOSAL_LIFECYCLE,
  PROPOSAL_STATUSES,
  PROPOSAL_TRANSITIONS,
  ProposalAction,
  ProposalActorKind,
  proposalActorKinds,
  ProposalStatusName,
  proposalTransition,
} from './proposal-transitions.js';

const ALL: ProposalStatusName[] = [
  'DRAFT',
  'SUBMITTED',
  'WITHDRAWN',
  'UNDER_REVIEW',
  'SHORTLISTED',
  'SELECTED',
  'NOT_SELECTED',
  'DISQUALIFIED',
];

/** The allowed [action, from, to] triples (DOMAIN.md and the API), written out independently of the table. */
const ALLOWED: [ProposalAction, ProposalStatusName, ProposalStatusName][] = [
  ['SUBMIT', 'DRAFT', 'SUBMITTED'],
  ['WITHDRAW', 'DRAFT', 'WITHDRAWN'],
  ['WITHDRAW', 'SUBMITTED', 'WITHDRAWN'],
  ['REVIEW_AT_DEADLINE', 'SUBMITTED', 'UNDER_REVIEW'],
  ['SHORTLIST', 'UNDER_REVIEW', 'SHORTLISTED'],
  ['SELECT', 'SHORTLISTED', 'SELECTED'],
  ['MARK_NOT_SELECTED', 'UNDER_REVIEW', 'NOT_SELECTED'],
  ['MARK_NOT_SELECTED', 'SHORTLISTED', 'NOT_SELECTED'],
  ['DISQUALIFY', 'SELECTED', 'DISQUALIFIED'],
  ['RETURN_TO_SHORTLIST', 'SELECTED', 'SHORTLISTED'],
  ['CLOSE_AS_FAILED', 'SUBMITTED', 'NOT_SELECTED'],
  ['CLOSE_AS_FAILED', 'UNDER_REVIEW', 'NOT_SELECTED'],
  ['CLOSE_AS_FAILED', 'SHORTLISTED', 'NOT_SELECTED'],
];

/** Who may take each action, which need a reason and which write an event of their own. */
const BY: Record<ProposalAction, ProposalActorKind[]> = {
  SUBMIT: ['SME_MEMBER'],
  WITHDRAW: ['SME_MEMBER'],
  REVIEW_AT_DEADLINE: ['SYSTEM'],
  SHORTLIST: ['ISSUER_MANAGER'],
  SELECT: ['ISSUER_MANAGER'],
  MARK_NOT_SELECTED: ['ISSUER_MANAGER'],
  DISQUALIFY: ['ISSUER_MANAGER', 'PLATFORM_ADMIN'],
  RETURN_TO_SHORTLIST: ['ISSUER_MANAGER', 'PLATFORM_ADMIN'],
  CLOSE_AS_FAILED: ['ISSUER_MANAGER'],
};
const NEEDS_REASON: ProposalAction[] = ['MARK_NOT_SELECTED', 'DISQUALIFY', 'CLOSE_AS_FAILED'];
const AUDITED: Partial<Record<ProposalAction, string>> = {
  SUBMIT: 'PROPOSAL_SUBMITTED',
  WITHDRAW: 'PROPOSAL_WITHDRAWN',
  SHORTLIST: 'PROPOSAL_SHORTLISTED',
  SELECT: 'PROPOSAL_SELECTED',
  MARK_NOT_SELECTED: 'PROPOSAL_NOT_SELECTED',
};
const KINDS: ProposalActorKind[] = ['SME_MEMBER', 'ISSUER_MANAGER', 'PLATFORM_ADMIN', 'SYSTEM'];
const ACTIONS = Object.keys(BY) as ProposalAction[];

describe('proposal transition table', () => {
  it('has a row for every action and knows every state of the proposal_status enum', () => {
    expect(Object.keys(PROPOSAL_TRANSITIONS).sort()).toEqual([...ACTIONS].sort());
    expect([...PROPOSAL_STATUSES].sort()).toEqual(Object.values(ProposalStatus).sort());
    expect([...ALL].sort()).toEqual([...PROPOSAL_STATUSES].sort());
  });

  const cases = ACTIONS.flatMap((action) => ALL.map((from) => [action, from] as const));
  it.each(cases)('%s from %s is allowed exactly when the lifecycle says so', (action, from) => {
    const expected = ALLOWED.find(([a, f]) => a === action && f === from);
    expect(proposalTransition(action, from)?.to ?? null).toBe(expected ? expected[2] : null);
  });

  it('never leaves a final state (WITHDRAWN, NOT_SELECTED, DISQUALIFIED)', () => {
    for (const final of ['WITHDRAWN', 'NOT_SELECTED', 'DISQUALIFIED'] as const) {
      expect(ACTIONS.filter((a) => proposalTransition(a, final))).toEqual([]);
    }
  });

  it.each(ACTIONS)('%s writes its own audit event exactly when expected', (action) => {
    expect(PROPOSAL_TRANSITIONS[action].auditAction).toBe(AUDITED[action] ?? null);
  });
});

describe('who may move a proposal (checkMove with the proposal table)', () => {
  const pairs = ACTIONS.flatMap((action) =>
    KINDS.map((kind) => [action, kind, BY[action].includes(kind)] as const),
  );
  it.each(pairs)('%s by %s is allowed: %s', (action, kind, allowed) => {
    const move = () =>
      checkMove(PROPOSAL_LIFECYCLE, { action, actorKinds: [kind], reason: 'LESS_COMPETITIVE' });
    if (allowed) expect(move().to).toBe(PROPOSAL_TRANSITIONS[action].to);
    else
      expect(errorOf(move)?.extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'TRANSITION_NOT_ALLOWED',
      });
  });

  it.each(ACTIONS.map((action) => [action, NEEDS_REASON.includes(action)] as const))(
    '%s without a reason is refused: %s',
    (action, needed) => {
      for (const reason of [undefined, null, '', '   ']) {
        const move = () =>
          checkMove(PROPOSAL_LIFECYCLE, { action, actorKinds: BY[action], reason });
        if (needed)
          expect(errorOf(move)?.extensions).toEqual({
            code: 'BAD_USER_INPUT',
            reason: 'INVALID_INPUT',
            fields: [{ field: 'reason', message: 'is required' }],
          });
        else expect(move().to).toBe(PROPOSAL_TRANSITIONS[action].to);
      }
    },
  );

  it('words refusals as the API answers them', () => {
    const withdraw = refusal(PROPOSAL_LIFECYCLE, 'WITHDRAW', 'SELECTED');
    expect(withdraw.message).toBe('A SELECTED proposal cannot be withdrawn');
    expect(withdraw.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'SELECTED',
      to: 'WITHDRAWN',
    });
    const shortlist = refusal(PROPOSAL_LIFECYCLE, 'SHORTLIST', 'NOT_SELECTED', {
      proposalIds: ['p2'],
    });
    expect(shortlist.message).toBe('A NOT_SELECTED proposal cannot become SHORTLISTED');
    expect(shortlist.extensions).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      proposalIds: ['p2'],
      from: 'NOT_SELECTED',
      to: 'SHORTLISTED',
    });
  });
});

describe('proposalActorKinds', () => {
  const actor = (organization?: Actor['organization'], admin = false): Actor => ({
    userId: 'u',
    sessionId: 's',
    platformRoles: admin ? ['ADMIN'] : [],
    organization,
  });
  const SME = 'sme-org';
  const ISSUER = 'issuer-org';
  const parties = { smeOrganizationId: SME, issuerOrganizationId: ISSUER };

  it.each([
    ['the system (no actor)', null, ['SYSTEM']],
    ['a MEMBER of the SME', actor({ id: SME, kind: 'SME', role: 'MEMBER' }), ['SME_MEMBER']],
    ['an OWNER of the SME', actor({ id: SME, kind: 'SME', role: 'OWNER' }), ['SME_MEMBER']],
    ['a member of another SME', actor({ id: 'other', kind: 'SME', role: 'OWNER' }), []],
    [
      'an OWNER of the issuer',
      actor({ id: ISSUER, kind: 'ENTERPRISE', role: 'OWNER' }),
      ['ISSUER_MANAGER'],
    ],
    [
      'an ADMIN of the issuer',
      actor({ id: ISSUER, kind: 'ENTERPRISE', role: 'ADMIN' }),
      ['ISSUER_MANAGER'],
    ],
    [
      'a MEMBER of the issuer (an evaluator)',
      actor({ id: ISSUER, kind: 'ENTERPRISE', role: 'MEMBER' }),
      [],
    ],
    ['a platform admin', actor(undefined, true), ['PLATFORM_ADMIN']],
  ] as const)('%s holds %j', (_name, who, kinds) => {
    expect(proposalActorKinds(who, parties)).toEqual(kinds);
  });

  it('holds no kind of a side the caller does not name', () => {
    expect(
      proposalActorKinds(actor({ id: SME, kind: 'SME', role: 'OWNER' }), {
        issuerOrganizationId: ISSUER,
      }),
    ).toEqual([]);
    expect(
      proposalActorKinds(actor({ id: ISSUER, kind: 'ENTERPRISE', role: 'OWNER' }), {
        smeOrganizationId: SME,
      }),
    ).toEqual([]);
  });
});
