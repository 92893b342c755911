import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACCEPT,
  ADMIN_OPEN,
  ASSIGN,
  createAdmin,
  createChallenge,
  createEnterprise,
  createExpert,
  createProposal,
  createSme,
  GET,
  LIST,
  passDeadline,
  type Persona,
  RANKING,
  type TestChallenge,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MY_AUDIT = `{ myOrganizationAuditEvents(first: 100) { edges { node {
  seq action actorUserId actorDisplayName organizationId entityType entityId data } } } }`;

interface AuditNode {
  seq: string;
  action: string;
  actorUserId: string | null;
  actorDisplayName: string | null;
  organizationId: string | null;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

interface ReadData {
  challengeId: string;
  view: string;
  path: string;
  proposalIds: string[];
  readBy: { organization: string | null; reader: string };
}

describe("audit: every read of an SME's proposal content is in the SME's own audit trail, whatever path read it", () => {
  let t: TestApp;
  let issuer: TestOrg;
  let smeA: TestOrg;
  let smeB: TestOrg;
  let smeC: TestOrg;
  let challenge: TestChallenge;
  let proposalA: string;
  let proposalB: string;
  let reviewer: Persona;
  let admin: Persona;

  async function myAudit(token: string) {
    const res = await t.gql
      .as(token)
      .send<{ myOrganizationAuditEvents: { edges: { node: AuditNode }[] } }>(MY_AUDIT);
    expect(res.errors).toBeUndefined();
    return { text: res.text, nodes: res.data!.myOrganizationAuditEvents.edges.map((e) => e.node) };
  }

  const reads = (nodes: AuditNode[]) =>
    nodes
      .filter((n) => n.action === 'PROPOSAL_CONTENT_READ')
      .map((n) => ({ ...n, read: n.data as unknown as ReadData }));

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createEnterprise(t);
    smeA = await createSme(t);
    smeB = await createSme(t);
    smeC = await createSme(t);
    challenge = await createChallenge(t, issuer, { blindReview: true });
    proposalA = (await createProposal(t, smeA, challenge, { canary: 'A-CONTENT' })).id;
    proposalB = (await createProposal(t, smeB, challenge, { canary: 'B-CONTENT' })).id;
    reviewer = await createExpert(t);
    admin = await createAdmin(t);
    await passDeadline(t, challenge.id);
    const assigned = await t.gql.as(issuer.owner.token).ok<{
      assignReviewers: {
        assignments: { id: string; reviewerUserId: string; proposalId: string | null }[];
      };
    }>(ASSIGN, { input: { challengeId: challenge.id, reviewerUserIds: [reviewer.id] } });
    const invitation = assigned.assignReviewers.assignments.find(
      (a) => a.reviewerUserId === reviewer.id && a.proposalId === null,
    )!;
    await t.gql.as(reviewer.token).ok(ACCEPT, { input: { assignmentId: invitation.id } });
  });
  afterAll(() => t.close());

  it('the issuer, a reviewer under blind review and an admin (break-glass) read through every path: the SME sees each read of its proposal, and nothing more', async () => {
    const issuerBefore = await myAudit(issuer.owner.token);
    const aBefore = reads((await myAudit(smeA.owner.token)).nodes).length;
    expect(reads((await myAudit(smeC.owner.token)).nodes)).toEqual([]);

    // The issuer: by id, the list, the ranked list.
    const issuerAs = t.gql.as(issuer.owner.token);
    expect(
      (await issuerAs.ok<{ proposal: { id: string } }>(GET, { id: proposalA })).proposal.id,
    ).toBe(proposalA);
    const list = await issuerAs.ok<{ challengeProposals: { edges: { node: { id: string } }[] } }>(
      LIST,
      { challengeId: challenge.id },
    );
    expect(list.challengeProposals.edges.map((e) => e.node.id).sort()).toEqual(
      [proposalA, proposalB].sort(),
    );
    const ranking = await issuerAs.ok<{
      proposalRanking: { edges: { node: { proposalId: string } }[] };
    }>(RANKING, { challengeId: challenge.id });
    expect(ranking.proposalRanking.edges.map((e) => e.node.proposalId).sort()).toEqual(
      [proposalA, proposalB].sort(),
    );
    // An accepted reviewer under blind review: by id and the list.
    await t.gql.as(reviewer.token).ok(GET, { id: proposalA });
    await t.gql.as(reviewer.token).ok(LIST, { challengeId: challenge.id });
    // An admin: break-glass, then by id under the grant.
    await t.gql.as(admin.token).ok(ADMIN_OPEN, {
      input: { proposalId: proposalA, reason: 'complaint #7 about plagiarism' },
    });
    await t.gql.as(admin.token).ok(GET, { id: proposalA });

    const a = await myAudit(smeA.owner.token);
    const aReads = reads(a.nodes);
    expect(aReads).toHaveLength(aBefore + 7);
    const fresh = aReads.slice(0, 7).reverse(); // newest first: back in the order they happened
    const issuerReader = { organization: issuer.nameZh, reader: `a member of ${issuer.nameZh}` };
    const reviewerReader = { organization: issuer.nameZh, reader: 'a reviewer' };
    const adminReader = { organization: null, reader: 'a platform administrator' };
    expect(fresh.map((r) => [r.read.path, r.read.view, r.read.readBy])).toEqual([
      ['proposal', 'CONTENT', issuerReader],
      ['challengeProposals', 'CONTENT', issuerReader],
      ['proposalRanking', 'RANKING', issuerReader],
      ['proposal', 'CONTENT', reviewerReader],
      ['challengeProposals', 'CONTENT', reviewerReader],
      ['openProposalForAdminReview', 'CONTENT', adminReader],
      ['proposal', 'CONTENT', adminReader],
    ]);
    for (const r of fresh) {
      // Only its own proposal, whatever the list held.
      expect(r.read.proposalIds).toEqual([proposalA]);
      expect(r.read.challengeId).toBe(challenge.id);
    }
    // Outsiders stay unnamed (the issuer's staff, the reviewer); the admin is named, as in every trail.
    expect(fresh.slice(0, 5).map((r) => [r.actorUserId, r.actorDisplayName])).toEqual(
      Array(5).fill([null, null]),
    );
    expect(fresh.slice(5).map((r) => r.actorUserId)).toEqual([admin.id, admin.id]);
    const reviewerName = (
      await t.sql.query(`SELECT display_name, email FROM users WHERE id = $1`, [reviewer.id])
    ).rows[0] as { display_name: string; email: string };
    for (const absent of [
      reviewer.id,
      reviewerName.display_name,
      reviewerName.email,
      issuer.owner.id,
      proposalB,
      smeB.id,
      smeB.nameZh,
    ]) {
      expect(a.text).not.toContain(absent);
    }

    // SME B sees the reads of ITS proposal (the lists and the ranked list read it too), never proposal A.
    const b = await myAudit(smeB.owner.token);
    expect(b.text).not.toContain(proposalA);
    expect(
      reads(b.nodes)
        .map((r) => [r.read.path, r.read.readBy.reader])
        .reverse(),
    ).toEqual([
      ['challengeProposals', `a member of ${issuer.nameZh}`],
      ['proposalRanking', `a member of ${issuer.nameZh}`],
      ['challengeProposals', 'a reviewer'],
    ]);
    // An SME with no proposal there sees none of them; the issuer's own trail is unchanged.
    expect(reads((await myAudit(smeC.owner.token)).nodes)).toEqual([]);
    expect((await myAudit(issuer.owner.token)).nodes).toEqual(issuerBefore.nodes);
  });

  it('an anonymous issuer stays unnamed in the SME view of the reads', async () => {
    await t.sql.query(`UPDATE challenges SET anonymous_issuer = true WHERE id = $1`, [
      challenge.id,
    ]);
    await t.gql.as(issuer.owner.token).ok(LIST, { challengeId: challenge.id });
    const a = await myAudit(smeA.owner.token);
    const [latest] = reads(a.nodes);
    expect(latest.read).toMatchObject({
      path: 'challengeProposals',
      proposalIds: [proposalA],
      readBy: { organization: null, reader: 'a member of the issuer' },
    });
    expect(a.text).not.toContain(issuer.nameZh);
    expect(a.text).not.toContain(issuer.id);
  });
});
