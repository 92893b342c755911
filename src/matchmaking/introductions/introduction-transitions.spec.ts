import { describe, expect, it } from '@jest/globals';
import { issuerShownSql, viewerOf } from '../../challenges/index.js';
import { SqlParams } from '../../database/sql-params.js';
import {
  CLOSE_REASONS_BY_OUTCOME,
  CONTACTS_SHOWN_STATUSES,
  effectiveIntroductionStatus,
  effectiveIntroductionStatusSql,
  INTRODUCTION_STATUSES,
  introductionActorKinds,
  introductionTransition,
  IntroductionCloseReason,
} from './introduction-transitions.js';

describe('the introduction lifecycle', () => {
  it.each([
    ['ACCEPT', 'REQUESTED', 'ACCEPTED'],
    ['DECLINE', 'REQUESTED', 'DECLINED'],
    ['CANCEL', 'REQUESTED', 'CANCELLED'],
    ['EXPIRE', 'REQUESTED', 'EXPIRED'],
    ['CLOSE_DEAL', 'ACCEPTED', 'CLOSED_DEAL'],
    ['CLOSE_NO_DEAL', 'ACCEPTED', 'CLOSED_NO_DEAL'],
  ] as const)('%s moves %s to %s', (action, from, to) => {
    expect(introductionTransition(action, from)?.to).toBe(to);
  });

  it('refuses every other move (terminal states stay terminal)', () => {
    const allowed = new Set([
      'ACCEPT:REQUESTED',
      'DECLINE:REQUESTED',
      'CANCEL:REQUESTED',
      'EXPIRE:REQUESTED',
      'CLOSE_DEAL:ACCEPTED',
      'CLOSE_NO_DEAL:ACCEPTED',
    ]);
    for (const action of [
      'ACCEPT',
      'DECLINE',
      'CANCEL',
      'EXPIRE',
      'CLOSE_DEAL',
      'CLOSE_NO_DEAL',
    ] as const)
      for (const from of INTRODUCTION_STATUSES)
        expect([action, from, !!introductionTransition(action, from)]).toEqual([
          action,
          from,
          allowed.has(`${action}:${from}`),
        ]);
  });

  it('names the sides: the requester of an invitation is the issuer, of a request the SME', () => {
    const invite = { direction: 'INVITE' as const, issuerOrganizationId: 'E', smeId: 'S' };
    expect(introductionActorKinds('E', invite)).toEqual(['REQUESTER']);
    expect(introductionActorKinds('S', invite)).toEqual(['RECIPIENT']);
    expect(introductionActorKinds('X', invite)).toEqual([]);
    expect(introductionActorKinds(null, { ...invite, direction: 'REQUEST' })).toEqual([]);
    expect(introductionActorKinds('S', { ...invite, direction: 'REQUEST' })).toEqual(['REQUESTER']);
  });

  it('reads an unanswered request past its expiry as EXPIRED, and nothing else', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(effectiveIntroductionStatus('REQUESTED', new Date('2026-11-30T23:59:59Z'), now)).toBe(
      'EXPIRED',
    );
    expect(effectiveIntroductionStatus('REQUESTED', now, now)).toBe('EXPIRED');
    expect(effectiveIntroductionStatus('REQUESTED', new Date('2026-12-02T00:00:00Z'), now)).toBe(
      'REQUESTED',
    );
    expect(effectiveIntroductionStatus('ACCEPTED', new Date('2020-01-01T00:00:00Z'), now)).toBe(
      'ACCEPTED',
    );
    // The SQL twin states the same rule (checked against PostgreSQL by test/introductions.e2e-spec.ts).
    expect(effectiveIntroductionStatusSql('i')).toContain(
      "i.status = 'REQUESTED' AND i.expires_at <= now()",
    );
  });

  it('reveals an anonymous issuer to an SME in exactly the statuses that reveal contacts (one rule, issuerShownSql)', () => {
    const sql = issuerShownSql(
      viewerOf({
        userId: 'u',
        sessionId: 's',
        platformRoles: [],
        organization: { id: '00000000-0000-0000-0000-000000000001', kind: 'SME', role: 'OWNER' },
      }),
      new SqlParams(),
    );
    const statuses = /ai\.status IN \(([^)]*)\)/
      .exec(sql)?.[1]
      .split(',')
      .map((s) => s.trim());
    expect(statuses).toEqual(CONTACTS_SHOWN_STATUSES.map((s) => `'${s}'`));
  });

  it('gives each outcome its own close reasons (OTHER for both)', () => {
    const all = [
      ...CLOSE_REASONS_BY_OUTCOME.CLOSED_DEAL,
      ...CLOSE_REASONS_BY_OUTCOME.CLOSED_NO_DEAL,
    ];
    expect(new Set(all)).toEqual(new Set(Object.values(IntroductionCloseReason)));
  });
});
