import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  acceptTerms,
  createChallenge,
  createEnterprise,
  createSme,
  createUser,
  DRAFT,
  idempotencyKey,
  proposalContent,
  REVISE,
  SUBMIT,
  type TestChallenge,
  type TestOrg,
  WITHDRAW,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

async function count(t: TestApp, table: string): Promise<number> {
  const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n as number;
}

describe('submitting proposals', () => {
  let t: TestApp;
  let issuer: TestOrg;
  let challenge: TestChallenge;

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createEnterprise(t);
    challenge = await createChallenge(t, issuer, {
      requiresTerms: true,
      minQualification: 'SPECIALIZED',
      regions: ['370000'],
    });
  });
  afterAll(() => t.close());

  const input = (
    canary: string,
    key = idempotencyKey(),
    c: TestChallenge = challenge,
    overrides: Record<string, unknown> = {},
  ) => ({
    input: {
      challengeId: c.id,
      idempotencyKey: key,
      content: proposalContent(canary, c.requirementIds, overrides),
    },
  });

  describe('idempotency', () => {
    let sme: TestOrg;
    beforeAll(async () => {
      sme = await createSme(t);
      await acceptTerms(t, challenge.id, sme.id, sme.owner.id);
    });

    it('a replay returns the same proposal and receipt and writes nothing', async () => {
      const key = idempotencyKey();
      const first = await t.gql
        .as(sme.owner.token)
        .ok<{ submitProposal: { proposal: { id: string; receipt: unknown } } }>(
          SUBMIT,
          input('IDEM', key),
        );
      const audits = await count(t, 'audit_events');
      const again = await t.gql
        .as(sme.owner.token)
        .ok<{ submitProposal: { proposal: { id: string; receipt: unknown } } }>(
          SUBMIT,
          input('IDEM', key),
        );
      expect(again.submitProposal.proposal.id).toBe(first.submitProposal.proposal.id);
      expect(again.submitProposal.proposal.receipt).toEqual(first.submitProposal.proposal.receipt);
      expect(await count(t, 'audit_events')).toBe(audits);
      const { rows } = await t.sql.query(
        `SELECT count(*)::int AS n FROM proposal_revisions WHERE proposal_id = $1`,
        [first.submitProposal.proposal.id],
      );
      expect(rows[0].n).toBe(1);
    });

    it('the receipt is the SHA-256 of the canonical JSON of the content the API returns, recomputed as docs/proposals.md shows', async () => {
      const other = await createSme(t);
      await acceptTerms(t, challenge.id, other.id, other.owner.id);
      const res = await t.gql.as(other.owner.token).ok<{
        submitProposal: {
          proposal: {
            content: Record<string, unknown>;
            receipt: { contentSha256: string; revision: number };
          };
        };
      }>(
        SUBMIT,
        input('RECEIPT-2', undefined, challenge, {
          summary: '引号 "quoted", a backslash \\ and ✓ stay as JSON writes them',
        }),
      );
      // The documented recipe, written from the page (not the service's function).
      const canonical = (value: unknown): string => {
        if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
        if (Array.isArray(value)) return `[${value.map((v) => canonical(v ?? null)).join(',')}]`;
        const o = value as Record<string, unknown>;
        const keys = Object.keys(o)
          .filter((k) => o[k] !== undefined)
          .sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
      };
      const recomputed = createHash('sha256')
        .update(canonical(res.submitProposal.proposal.content), 'utf8')
        .digest('hex');
      expect(res.submitProposal.proposal.receipt).toEqual({
        contentSha256: recomputed,
        revision: 1,
        submittedAt: expect.any(String),
      });
      expect(recomputed).toMatch(/^[0-9a-f]{64}$/);
    });

    it('the same key with a different payload is refused: IDEMPOTENCY_KEY_REUSED', async () => {
      const key = idempotencyKey();
      const other = await createChallenge(t, issuer);
      await t.gql.as(sme.owner.token).ok(SUBMIT, input('K1', key, other));
      const before = await count(t, 'proposals');
      const err = await t.gql.as(sme.owner.token).fails(SUBMIT, input('K1-CHANGED', key, other));
      expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await count(t, 'proposals')).toBe(before);
    });

    it('concurrent requests with one key create one proposal and answer alike', async () => {
      const key = idempotencyKey();
      const other = await createChallenge(t, issuer);
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.gql
            .as(sme.owner.token)
            .send<{ submitProposal: { proposal: { id: string } } }>(
              SUBMIT,
              input('RACE', key, other),
            ),
        ),
      );
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      expect(new Set(results.map((r) => r.data?.submitProposal?.proposal.id)).size).toBe(1);
      const { rows } = await t.sql.query(
        `SELECT count(*)::int AS n FROM proposals WHERE challenge_id = $1`,
        [other.id],
      );
      expect(rows[0].n).toBe(1);
    });

    it('a second proposal of the same SME to the same challenge is refused; revise instead', async () => {
      const err = await t.gql.as(sme.owner.token).fails(SUBMIT, input('SECOND'));
      expect(err.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PROPOSAL_ALREADY_SUBMITTED',
      });
    });

    it('after withdrawing, the SME may submit again (one live proposal)', async () => {
      const other = await createChallenge(t, issuer);
      const first = await t.gql
        .as(sme.owner.token)
        .ok<{ submitProposal: { proposal: { id: string } } }>(
          SUBMIT,
          input('W1', idempotencyKey(), other),
        );
      await t.gql
        .as(sme.owner.token)
        .ok(WITHDRAW, { input: { proposalId: first.submitProposal.proposal.id } });
      const second = await t.gql
        .as(sme.owner.token)
        .ok<{ submitProposal: { proposal: { id: string } } }>(
          SUBMIT,
          input('W2', idempotencyKey(), other),
        );
      expect(second.submitProposal.proposal.id).not.toBe(first.submitProposal.proposal.id);
      const again = await t.gql
        .as(sme.owner.token)
        .fails(WITHDRAW, { input: { proposalId: first.submitProposal.proposal.id } });
      expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    });
  });

  describe('eligibility', () => {
    it.each<[string, Parameters<typeof createSme>[1], boolean, string, string]>([
      ['an unverified SME', { verified: false }, true, 'FORBIDDEN', 'SME_NOT_VERIFIED'],
      [
        'an SME below the required qualification',
        { qualification: 'INNOVATIVE' },
        true,
        'FORBIDDEN',
        'QUALIFICATION_INSUFFICIENT',
      ],
      [
        'an SME whose qualification expired',
        { qualificationValidUntil: '2020-01-01' },
        true,
        'FORBIDDEN',
        'QUALIFICATION_EXPIRED',
      ],
      [
        'an SME from another region',
        { regionCode: '110000' },
        true,
        'FORBIDDEN',
        'REGION_NOT_ELIGIBLE',
      ],
      ['an SME that has not accepted the terms', {}, false, 'CONFLICT', 'TERMS_NOT_ACCEPTED'],
    ])('refuses %s', async (_name, options, accept, code, reason) => {
      const sme = await createSme(t, options);
      if (accept) await acceptTerms(t, challenge.id, sme.id, sme.owner.id);
      const before = await count(t, 'proposals');
      const err = await t.gql.as(sme.owner.token).fails(SUBMIT, input('INELIGIBLE'));
      expect(err.extensions).toMatchObject({ code, reason });
      expect(await count(t, 'proposals')).toBe(before);
    });

    it('refuses users who are not SME members, and hides challenges that are not open', async () => {
      const loner = await createUser(t);
      expect((await t.gql.as(loner.token).fails(SUBMIT, input('X'))).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_AN_SME_MEMBER',
      });
      expect(
        (await t.gql.as(issuer.owner.token).fails(SUBMIT, input('X'))).extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_AN_SME_MEMBER' });
      const sme = await createSme(t);
      const draft = await createChallenge(t, issuer, { status: 'DRAFT' });
      expect(
        (await t.gql.as(sme.owner.token).fails(SUBMIT, input('X', idempotencyKey(), draft)))
          .extensions?.code,
      ).toBe('NOT_FOUND');
      const invite = await createChallenge(t, issuer, { visibility: 'INVITE_ONLY' });
      expect(
        (await t.gql.as(sme.owner.token).fails(SUBMIT, input('X', idempotencyKey(), invite)))
          .extensions?.code,
      ).toBe('NOT_FOUND');
      const cancelled = await createChallenge(t, issuer, { status: 'CANCELLED' });
      expect(
        (await t.gql.as(sme.owner.token).fails(SUBMIT, input('X', idempotencyKey(), cancelled)))
          .extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'CHALLENGE_NOT_OPEN' });
    });
  });

  describe('bad input', () => {
    let sme: TestOrg;
    let open: TestChallenge;
    beforeAll(async () => {
      sme = await createSme(t);
      open = await createChallenge(t, issuer);
    });

    it.each<[string, Record<string, unknown>, string]>([
      [
        'a commitment to a requirement of another challenge',
        { commitments: [{ requirementId: '00000000-0000-4000-8000-000000000001', value: '1' }] },
        'input.content.commitments.0.requirementId',
      ],
      [
        'an undeclared conflict of interest',
        { declarations: { noConflictOfInterest: false, original: true } },
        'input.content.declarations.noConflictOfInterest',
      ],
      ['milestones above the quoted price', { quotedPriceFen: '100' }, 'input.content.milestones'],
      [
        'a consortium partner that is not an SME',
        { consortiumPartnerIds: ['00000000-0000-4000-8000-000000000002'] },
        'input.content.consortiumPartnerIds.0',
      ],
      ['an empty title', { title: '' }, 'content.title'],
      [
        'an attachment hash that is not hex',
        { attachments: [{ name: 'a', size: 1, sha256: 'zz', url: 'https://x.cn/a' }] },
        'content.attachments.0.sha256',
      ],
      [
        'an http attachment URL',
        { attachments: [{ name: 'a', size: 1, sha256: 'b'.repeat(64), url: 'http://x.cn/a' }] },
        'content.attachments.0.url',
      ],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, overrides, field) => {
      const before = await count(t, 'proposals');
      const err = await t.gql
        .as(sme.owner.token)
        .fails(SUBMIT, input('BAD', idempotencyKey(), open, overrides));
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.extensions?.fields?.map((f) => f.field)).toEqual(
        expect.arrayContaining([expect.stringContaining(field)]),
      );
      expect(await count(t, 'proposals')).toBe(before);
    });

    it('refuses money that is not an integer number of fen, and an id that is not a uuid', async () => {
      const res = await t.gql
        .as(sme.owner.token)
        .send(SUBMIT, input('BAD', idempotencyKey(), open, { quotedPriceFen: '12.5' }));
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const bad = await t.gql
        .as(sme.owner.token)
        .fails(`query { proposal(id: "not-a-uuid") { id } }`);
      expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
      const revise = await t.gql
        .as(sme.owner.token)
        .fails(REVISE, { input: { proposalId: 'nope', content: proposalContent('X', []) } });
      expect(revise.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('a draft may be incomplete but is checked against the challenge', async () => {
      const ok = await t.gql
        .as(sme.owner.token)
        .ok<{ saveProposalDraft: { proposal: { status: string } } }>(DRAFT, {
          input: {
            challengeId: open.id,
            content: proposalContent('D', open.requirementIds, {
              declarations: { noConflictOfInterest: false, original: false },
            }),
          },
        });
      expect(ok.saveProposalDraft.proposal.status).toBe('DRAFT');
      const err = await t.gql.as(sme.owner.token).fails(DRAFT, {
        input: {
          challengeId: open.id,
          content: proposalContent('D', ['00000000-0000-4000-8000-000000000003']),
        },
      });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('the deadline, decided by the database clock in the inserting transaction', () => {
    it('30 concurrent submissions around the deadline: accepted ones are stamped before it, the others get DEADLINE_PASSED', async () => {
      const smes: TestOrg[] = [];
      for (let i = 0; i < 30; i++) smes.push(await createSme(t));
      // Every round checks the rule; rounds repeat (on a new challenge) until one straddles the deadline,
      // since a loaded machine may delay every request past it.
      let straddled = false;
      for (let round = 0; round < 4 && !straddled; round++) {
        const c = await createChallenge(t, issuer, { deadlineIn: '1 hour' });
        await t.sql.query(
          `UPDATE challenges SET deadline = now() + interval '500 milliseconds' WHERE id = $1`,
          [c.id],
        );
        const results = await Promise.all(
          smes.map(
            (sme, i) =>
              new Promise<Awaited<ReturnType<TestApp['gql']['send']>>>((resolve) => {
                setTimeout(
                  () =>
                    resolve(
                      t.gql
                        .as(sme.owner.token)
                        .send(SUBMIT, input(`RACE-${i}`, idempotencyKey(), c)),
                    ),
                  i * 30,
                );
              }),
          ),
        );
        expect(results.every((r) => r.status === 200)).toBe(true);
        const accepted = results.filter((r) => !r.errors);
        const refused = results.filter((r) => r.errors);
        expect(
          refused.every(
            (r) =>
              r.errors?.[0].extensions?.code === 'CONFLICT' &&
              r.errors?.[0].extensions?.reason === 'DEADLINE_PASSED',
          ),
        ).toBe(true);
        const { rows } = await t.sql.query(
          `SELECT p.submitted_at < c.deadline AS before, r.created_at = p.submitted_at AS stamped FROM proposals p JOIN challenges c ON c.id = p.challenge_id
             JOIN proposal_revisions r ON r.proposal_id = p.id WHERE p.challenge_id = $1`,
          [c.id],
        );
        expect(rows).toHaveLength(accepted.length);
        expect(rows.every((r) => r.before && r.stamped)).toBe(true);
        straddled = accepted.length > 0 && refused.length > 0;
      }
      expect(straddled).toBe(true);
    });
  });
});
