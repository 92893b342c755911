import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addMember,
  ASSIGN,
  challengeInput,
  CREATE_CHALLENGE,
  createAdmin,
  createChallenge,
  createEnterprise,
  createProposal,
  createSme,
  createUser,
  acceptTerms,
  DISMISS,
  DRAFT,
  endPublicity,
  FAIL,
  NOT_SELECTED,
  OBJECT,
  passDeadline,
  type Persona,
  proposalContent,
  REVISE,
  SELECT,
  SHORTLIST,
  VERIFY,
  SUBMIT_CHALLENGE,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import {
  DeliveryChannel,
  NotificationDeliveryService,
  type NotificationChannel,
} from '../src/notifications/index.js';

const NOTIFICATIONS = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges { cursor node { id kind title body createdAt readAt challengeId proposalId introductionId organizationId } }
    pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
const COUNT = `query { unreadNotificationCount }`;
const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { markedCount unreadCount } }`;
const PREFS = `query { notificationPreferences { kind channel isDefault } }`;
const SET_PREF = `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preference { kind channel isDefault } } }`;
const FOLLOW = `mutation($id: ID!) { followChallenge(input: { challengeId: $id }) { challengeId following } }`;
const UNFOLLOW = `mutation($id: ID!) { unfollowChallenge(input: { challengeId: $id }) { challengeId following } }`;
const REQUEST_CHANGES = `mutation($id: ID!, $reason: String!) { requestChallengeChanges(input: { id: $id, reason: $reason }) { challenge { id status } } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectChallenge(input: { id: $id, reason: $reason }) { challenge { id status } } }`;
const PUBLISH = `mutation($id: ID!) { approveAndPublishChallenge(input: { id: $id }) { challenge { id status } } }`;
const REQUEST_INTRO = `mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { introduction { id status } } }`;
const INVITE = `mutation($input: InviteSmeToChallengeInput!) { inviteSmeToChallenge(input: $input) { introduction { id status } } }`;
const ACCEPT_INTRO = `mutation($id: ID!) { acceptIntroduction(input: { introductionId: $id }) { introduction { id status } } }`;
const AMEND = `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { id version } } }`;
const ASK = `mutation($id: ID!, $q: String!) { askChallengeQuestion(input: { challengeId: $id, question: $q }) { question { id } } }`;
const ANSWER = `mutation($id: ID!, $a: String!) { answerChallengeQuestion(input: { questionId: $id, answer: $a }) { question { id } } }`;
const APPLY = `mutation($input: ApplyToAllianceInput!) { applyToAlliance(input: $input) { membership { id } } }`;
const ADMIT = `mutation($input: AdmitAllianceMemberInput!) { admitAllianceMember(input: $input) { membership { id status } } }`;
const DECLINE_INTRO = `mutation($id: ID!, $reason: String!) { declineIntroduction(input: { introductionId: $id, reason: $reason }) { introduction { id status } } }`;

interface Note {
  id: string;
  kind: string;
  title: string;
  body: string;
  readAt: string | null;
  challengeId: string | null;
  proposalId: string | null;
  introductionId: string | null;
  organizationId: string | null;
}
interface Page {
  notifications: {
    edges: { cursor: string; node: Note }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

describe('notifications', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let issuerMember: Persona;
  let otherEnterprise: TestOrg;
  let sme: TestOrg;
  let smeMember: Persona;
  let otherSme: TestOrg;
  let zhReader: Persona;

  const gql = (p: Persona) => t.gql.as(p.token);
  const inbox = async (p: Persona, vars: Record<string, unknown> = { first: 100 }) =>
    (await gql(p).ok<Page>(NOTIFICATIONS, vars)).notifications.edges.map((e) => e.node);
  const unread = async (p: Persona) =>
    (await gql(p).ok<{ unreadNotificationCount: number }>(COUNT)).unreadNotificationCount;
  const stored = async (userId: string) =>
    (
      await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`,
        [userId],
      )
    ).rows[0].n;

  /** A challenge created and submitted for review by the issuer's owner (PENDING_REVIEW); its id. */
  async function inReview(input: Record<string, unknown> = {}, by = issuer): Promise<string> {
    const created = await gql(by.owner).ok<{ createChallenge: { challenge: { id: string } } }>(
      CREATE_CHALLENGE,
      { input: challengeInput(input) },
    );
    const id = created.createChallenge.challenge.id;
    await gql(by.owner).ok(SUBMIT_CHALLENGE, { id });
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t, { name: '金陵储能集团' });
    issuerMember = await addMember(t, issuer);
    otherEnterprise = await createEnterprise(t);
    sme = await createSme(t);
    smeMember = await addMember(t, sme);
    otherSme = await createSme(t);
    zhReader = await createUser(t, { locale: 'ZH_CN' });
    await t.sql.query(
      `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`,
      [zhReader.id, issuer.id],
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('challenge review decided', () => {
    it('tells every member of the issuer, in each one’s language, and nobody else', async () => {
      const id = await inReview();
      await gql(admin).ok(REQUEST_CHANGES, { id, reason: 'Budget range missing' });
      for (const p of [issuer.owner, issuerMember]) {
        const [n] = (await inbox(p)).filter((x) => x.challengeId === id);
        expect(n).toMatchObject({ kind: 'CHALLENGE_REVIEW_DECIDED', readAt: null });
        expect(n.body).toContain('needs changes');
        expect(n.body).toContain('Budget range missing');
        expect(n.body).toContain(challengeInput().titleEn as string);
      }
      const [zh] = (await inbox(zhReader)).filter((x) => x.challengeId === id);
      expect(zh.title).toBe('审核结果');
      expect(zh.body).toContain(challengeInput().titleZh as string);
      expect(zh.body).toContain('需要修改');
      for (const p of [admin, otherEnterprise.owner, sme.owner])
        expect((await inbox(p)).filter((x) => x.challengeId === id)).toEqual([]);

      await gql(issuer.owner).ok(SUBMIT_CHALLENGE, { id });
      await gql(admin).ok(PUBLISH, { id });
      const decided = (await inbox(issuerMember)).filter((x) => x.challengeId === id);
      expect(decided.map((x) => x.body)).toEqual([
        expect.stringContaining('was approved and published'),
        expect.stringContaining('needs changes'),
      ]);
    });

    it('tells of a rejection with its reason', async () => {
      const id = await inReview();
      await gql(admin).ok(REJECT, { id, reason: 'Out of scope' });
      const [n] = (await inbox(issuer.owner)).filter((x) => x.challengeId === id);
      expect(n.body).toContain('was rejected');
      expect(n.body).toContain('Out of scope');
    });

    it('notifies nobody when the decision’s transaction rolls back at commit', async () => {
      const id = await inReview();
      // A deferred check that fails at commit, after the decision and its notifications were written.
      await t.sql
        .query(`CREATE OR REPLACE FUNCTION fail_rollback_canary() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.params->>'reason' = 'ROLLBACK-CANARY' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$`);
      await t.sql.query(`CREATE CONSTRAINT TRIGGER rollback_canary AFTER INSERT ON notifications
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_rollback_canary()`);
      const before = await t.sql.query(`SELECT count(*)::int AS n FROM notifications`);
      try {
        const error = await gql(admin).fails(REJECT, { id, reason: 'ROLLBACK-CANARY' });
        expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      } finally {
        await t.sql.query(`DROP TRIGGER rollback_canary ON notifications`);
      }
      const after = await t.sql.query(`SELECT count(*)::int AS n FROM notifications`);
      expect(after.rows[0].n).toBe(before.rows[0].n);
      const status = await t.sql.query(`SELECT status FROM challenges WHERE id = $1`, [id]);
      expect(status.rows[0].status).toBe('PENDING_REVIEW');
      expect((await inbox(issuer.owner)).filter((x) => x.challengeId === id)).toEqual([]);
    });
  });

  describe('proposal submitted', () => {
    it('gives every member of the SME the receipt, and tells the issuer nothing of the sealed proposal', async () => {
      const challenge = await createChallenge(t, issuer);
      const canary = 'SEALED-CANARY-7f3a';
      const proposal = await createProposal(t, sme, challenge, { canary, by: smeMember });
      for (const p of [sme.owner, smeMember]) {
        const [n] = (await inbox(p)).filter((x) => x.proposalId === proposal.id);
        expect(n.kind).toBe('PROPOSAL_SUBMITTED');
        expect(n.body).toContain(proposal.receipt.contentSha256);
        expect(JSON.stringify(n)).not.toContain(canary);
      }
      for (const p of [issuer.owner, issuerMember, otherSme.owner]) {
        const all = await inbox(p);
        expect(all.filter((x) => x.proposalId === proposal.id)).toEqual([]);
        expect(JSON.stringify(all)).not.toContain(canary);
      }
      const rows = await t.sql.query(`SELECT params::text AS p FROM notifications`);
      expect(JSON.stringify(rows.rows)).not.toContain(canary);
    });

    it('gives the receipt of each revision as well', async () => {
      const challenge = await createChallenge(t, issuer);
      const proposal = await createProposal(t, sme, challenge, { canary: 'REV-1' });
      const revised = await gql(sme.owner).ok<{
        reviseProposal: { proposal: { receipt: { contentSha256: string; revision: number } } };
      }>(REVISE, {
        input: {
          proposalId: proposal.id,
          content: proposalContent('REV-2', challenge.requirementIds),
        },
      });
      const receipt = revised.reviseProposal.proposal.receipt;
      expect(receipt.revision).toBe(2);
      expect(receipt.contentSha256).not.toBe(proposal.receipt.contentSha256);
      const notes = (await inbox(smeMember)).filter((n) => n.proposalId === proposal.id);
      expect(notes.map((n) => n.title)).toEqual(['Proposal revised', 'Proposal submitted']);
      expect(notes[0].body).toContain(`Revision 2`);
      expect(notes[0].body).toContain(receipt.contentSha256);
      expect(notes[1].body).toContain(proposal.receipt.contentSha256);
      expect((await inbox(issuer.owner)).filter((n) => n.proposalId === proposal.id)).toEqual([]);
    });

    it('is hidden from a member who left the SME (visibility is checked when read)', async () => {
      const challenge = await createChallenge(t, issuer);
      const leaver = await addMember(t, sme);
      const proposal = await createProposal(t, sme, challenge, { canary: 'LEAVER' });
      expect((await inbox(leaver)).filter((x) => x.proposalId === proposal.id)).toHaveLength(1);
      const count = await unread(leaver);
      await t.sql.query(`DELETE FROM organization_members WHERE user_id = $1`, [leaver.id]);
      expect((await inbox(leaver)).filter((x) => x.proposalId === proposal.id)).toEqual([]);
      expect(await unread(leaver)).toBe(count - 1);
    });
  });

  describe('introductions', () => {
    it('tells the issuer of a request, and the SME of the answer; nobody else hears of it', async () => {
      const challenge = await createChallenge(t, issuer);
      const requested = await gql(sme.owner).ok<{
        requestIntroduction: { introduction: { id: string } };
      }>(REQUEST_INTRO, { input: { challengeId: challenge.id, message: '希望对接' } });
      const id = requested.requestIntroduction.introduction.id;
      for (const p of [issuer.owner, issuerMember]) {
        const [n] = (await inbox(p)).filter((x) => x.introductionId === id);
        expect(n).toMatchObject({ kind: 'INTRODUCTION_REQUESTED' });
      }
      // Not the requester itself, nor other organisations.
      for (const p of [sme.owner, otherSme.owner, otherEnterprise.owner])
        expect((await inbox(p)).filter((x) => x.introductionId === id)).toEqual([]);
      await gql(issuerMember).ok(DECLINE_INTRO, { id, reason: 'Not a fit this year' });
      for (const p of [sme.owner, smeMember]) {
        const [n] = (await inbox(p)).filter((x) => x.introductionId === id);
        expect(n.kind).toBe('INTRODUCTION_DECLINED');
        expect(n.body).toContain('Not a fit this year');
      }
      expect((await inbox(otherSme.owner)).filter((x) => x.introductionId === id)).toEqual([]);
    });

    it('never names an anonymous issuer to the SME before an accepted introduction reveals it', async () => {
      const challenge = await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: { anonymousIssuer: true },
      });
      const invited = await gql(issuer.owner).ok<{
        inviteSmeToChallenge: { introduction: { id: string } };
      }>(INVITE, { input: { challengeId: challenge.id, smeId: sme.id, message: '诚邀' } });
      const id = invited.inviteSmeToChallenge.introduction.id;
      const [n] = (await inbox(sme.owner)).filter((x) => x.introductionId === id);
      expect(n.kind).toBe('INTRODUCTION_REQUESTED');
      expect(n.body).toContain('An enterprise invites your organisation');
      // A notification about the challenge itself (written by SQL, as any later event would be).
      await t.sql.query(
        `INSERT INTO notifications (recipient_id, kind, challenge_id) VALUES ($1, 'PUBLICITY_STARTED', $2)`,
        [smeMember.id, challenge.id],
      );
      const names = [issuer.nameZh, issuer.nameEn];
      const before = JSON.stringify(await inbox(smeMember));
      for (const name of names) expect(before).not.toContain(name);
      expect(before).toContain('by an enterprise has started');
      await gql(sme.owner).ok(ACCEPT_INTRO, { id });
      // The issuer hears of the acceptance; the SME may now be told the issuer's name (issuerShownSql).
      expect(
        (await inbox(issuer.owner)).some(
          (x) => x.introductionId === id && x.kind === 'INTRODUCTION_ACCEPTED',
        ),
      ).toBe(true);
      const after = (await inbox(smeMember)).filter((x) => x.kind === 'PUBLICITY_STARTED');
      expect(after[0].body).toContain(issuer.nameEn);
    });

    it('never shows a notification about another organisation’s introduction', async () => {
      const challenge = await createChallenge(t, issuer);
      const requested = await gql(sme.owner).ok<{
        requestIntroduction: { introduction: { id: string } };
      }>(REQUEST_INTRO, { input: { challengeId: challenge.id, message: 'canary' } });
      const id = requested.requestIntroduction.introduction.id;
      // A row addressed to an outsider (as a bug or a stale audience would write it) is never shown.
      await t.sql.query(
        `INSERT INTO notifications (recipient_id, kind, challenge_id, introduction_id) VALUES ($1, 'INTRODUCTION_REQUESTED', $2, $3)`,
        [otherSme.owner.id, challenge.id, id],
      );
      expect((await inbox(otherSme.owner)).filter((x) => x.introductionId === id)).toEqual([]);
      const count = await t.sql.query(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL`,
        [otherSme.owner.id],
      );
      expect(await unread(otherSme.owner)).toBe(count.rows[0].n - 1);
    });
  });

  describe('inbox', () => {
    let reader: Persona;
    let challengeId: string;
    const ids: string[] = [];

    beforeAll(async () => {
      reader = await addMember(t, issuer);
      challengeId = (await createChallenge(t, issuer)).id;
      for (let i = 0; i < 5; i++) {
        const { rows } = await t.sql.query<{ id: string }>(
          `INSERT INTO notifications (recipient_id, kind, challenge_id, params, created_at)
           VALUES ($1, 'CHALLENGE_REVIEW_DECIDED', $2, '{"decision":"APPROVED"}', now() - make_interval(mins => $3)) RETURNING id`,
          [reader.id, challengeId, i],
        );
        ids.push(rows[0].id);
      }
    });

    it('pages newest first with cursors, and lists only unread ones when asked', async () => {
      const first = await gql(reader).ok<Page>(NOTIFICATIONS, { first: 2 });
      expect(first.notifications.edges.map((e) => e.node.id)).toEqual(ids.slice(0, 2));
      expect(first.notifications.pageInfo).toMatchObject({
        hasNextPage: true,
        hasPreviousPage: false,
      });
      const second = await gql(reader).ok<Page>(NOTIFICATIONS, {
        first: 10,
        after: first.notifications.pageInfo.endCursor,
      });
      expect(second.notifications.edges.map((e) => e.node.id)).toEqual(ids.slice(2));
      expect(second.notifications.pageInfo.hasNextPage).toBe(false);
      expect(await unread(reader)).toBe(5);
    });

    it('marks the caller’s own notifications read by id; another user’s ids change nothing', async () => {
      const foreign = (await inbox(issuer.owner))[0];
      expect(foreign).toBeDefined();
      const marked = await gql(reader).ok<{
        markNotificationsRead: { markedCount: number; unreadCount: number };
      }>(MARK, { input: { ids: [ids[0], foreign.id] } });
      expect(marked.markNotificationsRead).toEqual({ markedCount: 1, unreadCount: 4 });
      const { rows } = await t.sql.query(`SELECT read_at FROM notifications WHERE id = $1`, [
        foreign.id,
      ]);
      expect(rows[0].read_at).toBeNull();
      const unreadOnly = await inbox(reader, { first: 10, unreadOnly: true });
      expect(unreadOnly.map((n) => n.id)).toEqual(ids.slice(1));
      const again = await gql(reader).ok<{ markNotificationsRead: { markedCount: number } }>(MARK, {
        input: { ids: [ids[0]] },
      });
      expect(again.markNotificationsRead.markedCount).toBe(0);
    });

    it('marks all read', async () => {
      const othersUnread = await unread(issuer.owner);
      const marked = await gql(reader).ok<{
        markNotificationsRead: { markedCount: number; unreadCount: number };
      }>(MARK, { input: { all: true } });
      expect(marked.markNotificationsRead).toEqual({ markedCount: 4, unreadCount: 0 });
      expect(await unread(issuer.owner)).toBe(othersUnread);
    });

    it('refuses bad input with the field, and anonymous callers', async () => {
      for (const input of [{}, { all: true, ids: [ids[0]] }, { all: false }, { ids: [] }]) {
        const e = await gql(reader).fails(MARK, { input });
        expect(e.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const badId = await gql(reader).fails(MARK, { input: { ids: ['not-a-uuid'] } });
      expect(badId.extensions?.code).toBe('BAD_USER_INPUT');
      const tooMany = await gql(reader).fails(MARK, {
        input: { ids: Array.from({ length: 101 }, () => ids[0]) },
      });
      expect(tooMany.extensions?.code).toBe('BAD_USER_INPUT');
      const big = await gql(reader).fails(NOTIFICATIONS, { first: 101 });
      expect(big.extensions?.code).toBe('BAD_USER_INPUT');
      const cursor = await gql(reader).fails(NOTIFICATIONS, { first: 1, after: 'nope' });
      expect(cursor.extensions?.code).toBe('BAD_USER_INPUT');
      for (const q of [NOTIFICATIONS, COUNT, PREFS]) {
        const e = await t.gql.fails(q);
        expect(e.extensions?.code).toBe('UNAUTHENTICATED');
      }
      const anonMark = await t.gql.fails(MARK, { input: { all: true } });
      expect(anonMark.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('preferences', () => {
    it('lists the defaults, then the user’s choice; OFF writes nothing, EMAIL a pending e-mail delivery, IN_APP none', async () => {
      const owner = await createUser(t);
      const org = await createEnterprise(t, { owner });
      const prefs = await gql(owner).ok<{
        notificationPreferences: { kind: string; channel: string; isDefault: boolean }[];
      }>(PREFS);
      expect(prefs.notificationPreferences).toContainEqual({
        kind: 'CHALLENGE_REVIEW_DECIDED',
        channel: 'EMAIL',
        isDefault: true,
      });
      expect(prefs.notificationPreferences).toHaveLength(19);

      const first = await inReview({}, org);
      await gql(admin).ok(REJECT, { id: first, reason: 'one' });
      const deliveries = async () =>
        (
          await t.sql.query<{ channel: string; status: string }>(
            `SELECT d.channel, d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.recipient_id = $1`,
            [owner.id],
          )
        ).rows;
      expect(await deliveries()).toEqual([{ channel: 'EMAIL', status: 'PENDING' }]);

      const set = await gql(owner).ok<{ setNotificationPreference: { preference: unknown } }>(
        SET_PREF,
        {
          input: { kind: 'CHALLENGE_REVIEW_DECIDED', channel: 'OFF' },
        },
      );
      expect(set.setNotificationPreference.preference).toEqual({
        kind: 'CHALLENGE_REVIEW_DECIDED',
        channel: 'OFF',
        isDefault: false,
      });
      const before = await stored(owner.id);
      await gql(admin).ok(REJECT, { id: await inReview({}, org), reason: 'two' });
      expect(await stored(owner.id)).toBe(before);

      await gql(owner).ok(SET_PREF, {
        input: { kind: 'CHALLENGE_REVIEW_DECIDED', channel: 'IN_APP' },
      });
      await gql(admin).ok(REJECT, { id: await inReview({}, org), reason: 'three' });
      expect(await stored(owner.id)).toBe(before + 1);
      expect(await deliveries()).toHaveLength(1);

      const bad = await gql(owner).fails(SET_PREF, { input: { kind: 'NOPE', channel: 'OFF' } });
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(bad.extensions?.code);
    });
  });

  describe('follows', () => {
    it('follows and unfollows a challenge the caller may see; NOT_FOUND for one they may not see', async () => {
      const visible = await createChallenge(t, issuer);
      const followed = await gql(otherSme.owner).ok<{ followChallenge: unknown }>(FOLLOW, {
        id: visible.id,
      });
      expect(followed.followChallenge).toEqual({ challengeId: visible.id, following: true });
      await gql(otherSme.owner).ok(FOLLOW, { id: visible.id });
      const rows = async () =>
        (await t.sql.query(`SELECT 1 FROM challenge_follows WHERE challenge_id = $1`, [visible.id]))
          .rows.length;
      expect(await rows()).toBe(1);
      const unfollowed = await gql(otherSme.owner).ok<{ unfollowChallenge: unknown }>(UNFOLLOW, {
        id: visible.id,
      });
      expect(unfollowed.unfollowChallenge).toEqual({ challengeId: visible.id, following: false });
      expect(await rows()).toBe(0);

      const draft = await createChallenge(t, issuer, { status: 'DRAFT' });
      for (const m of [FOLLOW, UNFOLLOW]) {
        const e = await gql(otherSme.owner).fails(m, { id: draft.id });
        expect(e.extensions?.code).toBe('NOT_FOUND');
        const missing = await gql(otherSme.owner).fails(m, {
          id: '00000000-0000-4000-8000-000000000000',
        });
        expect(missing.extensions?.code).toBe('NOT_FOUND');
        const bad = await gql(otherSme.owner).fails(m, { id: 'x' });
        expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
        const anon = await t.gql.fails(m, { id: visible.id });
        expect(anon.extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect(
        (await t.sql.query(`SELECT 1 FROM challenge_follows WHERE challenge_id = $1`, [draft.id]))
          .rows,
      ).toEqual([]);
      // The issuer's own members see their draft, so they may follow it.
      await gql(issuerMember).ok(FOLLOW, { id: draft.id });
    });
  });

  describe('reviewers asked and 流榜', () => {
    it('tells each reviewer asked, and the participants and followers of a challenge closed without a winner', async () => {
      const challenge = await createChallenge(t, issuer);
      const participant = await createSme(t);
      await createProposal(t, participant, challenge, { canary: 'FAILED-RUN' });
      const follower = await createUser(t);
      await gql(follower).ok(FOLLOW, { id: challenge.id });
      await passDeadline(t, challenge.id);
      await gql(issuer.owner).ok(ASSIGN, {
        input: { challengeId: challenge.id, reviewerUserIds: [issuerMember.id] },
      });
      expect(
        (await inbox(issuerMember)).filter(
          (n) => n.challengeId === challenge.id && n.kind === 'REVIEW_ASSIGNED',
        ),
      ).toHaveLength(1);
      await gql(issuer.owner).ok(FAIL, {
        input: { challengeId: challenge.id, reason: 'FAILED-REASON-CANARY' },
      });
      for (const p of [participant.owner, follower]) {
        const [failed] = (await inbox(p)).filter(
          (n) => n.challengeId === challenge.id && n.kind === 'CHALLENGE_FAILED',
        );
        expect(failed.body).toContain('FAILED-REASON-CANARY');
      }
      // Neither the issuer who closed it nor anyone unrelated hears of it.
      expect((await inbox(issuer.owner)).map((n) => n.kind)).not.toContain('CHALLENGE_FAILED');
      expect((await inbox(otherSme.owner)).map((n) => n.kind)).not.toContain('CHALLENGE_FAILED');
    });
  });

  describe('events of evaluation, publicity and award', () => {
    it('tells each SME of its own decisions, the participants and followers of the public notice and the award', async () => {
      const challenge = await createChallenge(t, issuer);
      const smes = [sme, await createSme(t), await createSme(t)];
      const proposals = [];
      for (const [i, s] of smes.entries())
        proposals.push(await createProposal(t, s, challenge, { canary: `EVAL-${i}` }));
      const follower = await createUser(t);
      await gql(follower).ok(FOLLOW, { id: challenge.id });
      await passDeadline(t, challenge.id);
      await gql(issuer.owner).ok(SHORTLIST, {
        input: { challengeId: challenge.id, proposalIds: [proposals[0].id, proposals[1].id] },
      });
      await gql(issuer.owner).ok(NOT_SELECTED, {
        input: {
          proposalId: proposals[2].id,
          reason: 'LESS_COMPETITIVE',
          feedback: 'FEEDBACK-CANARY',
        },
      });
      await gql(issuer.owner).ok(SELECT, {
        input: {
          challengeId: challenge.id,
          winners: [{ proposalId: proposals[0].id, awardAmountFen: '100' }],
        },
      });
      const kindsOf = async (p: Persona) =>
        (await inbox(p)).filter((n) => n.challengeId === challenge.id).map((n) => n.kind);
      expect(await kindsOf(smes[0].owner)).toEqual(
        expect.arrayContaining(['PROPOSAL_SHORTLISTED', 'PROPOSAL_SELECTED', 'PUBLICITY_STARTED']),
      );
      expect(await kindsOf(smes[1].owner)).toEqual(
        expect.arrayContaining(['PROPOSAL_SHORTLISTED', 'PUBLICITY_STARTED']),
      );
      expect(await kindsOf(smes[1].owner)).not.toContain('PROPOSAL_SELECTED');
      const [notSelected] = (await inbox(smes[2].owner)).filter(
        (n) => n.kind === 'PROPOSAL_NOT_SELECTED',
      );
      expect(notSelected.body).toContain('FEEDBACK-CANARY');
      expect(notSelected.proposalId).toBe(proposals[2].id);
      expect(await kindsOf(follower)).toEqual(['PUBLICITY_STARTED']);
      // Another SME never hears of the decisions on others' proposals.
      for (const p of [smes[0].owner, smes[1].owner, follower, issuerMember])
        expect(JSON.stringify(await inbox(p))).not.toContain('FEEDBACK-CANARY');
      expect(await kindsOf(otherSme.owner)).toEqual([]);

      // An objection, then the end of the notice: the write that persists the award tells everyone concerned.
      const objection = await gql(smes[1].owner).ok<{
        fileObjection: { objection: { id: string } };
      }>(OBJECT, {
        input: { proposalId: proposals[0].id, reason: 'The data do not match the public record' },
      });
      await endPublicity(t, challenge.id);
      await gql(issuer.owner).ok(DISMISS, {
        input: { objectionId: objection.fileObjection.objection.id, reason: 'No evidence' },
      });
      for (const p of [smes[0].owner, smes[1].owner, smes[2].owner, issuerMember, follower])
        expect(await kindsOf(p)).toContain('CHALLENGE_AWARDED');
      expect(await kindsOf(otherSme.owner)).toEqual([]);
    });
  });

  describe('events on a published challenge', () => {
    it('tells followers and the organisations taking part of an amendment and of an answer, never the author', async () => {
      const challenge = await createChallenge(t, issuer, { requiresTerms: true });
      const follower = await createUser(t);
      await gql(follower).ok(FOLLOW, { id: challenge.id });
      const drafter = await createSme(t);
      await gql(drafter.owner).ok(DRAFT, {
        input: {
          challengeId: challenge.id,
          content: proposalContent('DRAFTER', challenge.requirementIds),
        },
      });
      const termsTaker = await createSme(t);
      await acceptTerms(t, challenge.id, termsTaker.id, termsTaker.owner.id);
      const bystander = await createSme(t);
      await gql(issuer.owner).ok(AMEND, {
        input: {
          id: challenge.id,
          expectedVersion: 1,
          changeSummary: '延长截止时间',
          bounty: '2000000',
        },
      });
      const amended = async (p: Persona) =>
        (await inbox(p)).filter(
          (n) => n.challengeId === challenge.id && n.kind === 'CHALLENGE_AMENDED',
        );
      for (const p of [follower, drafter.owner, termsTaker.owner])
        expect(await amended(p)).toHaveLength(1);
      for (const p of [bystander.owner, issuer.owner, otherSme.owner])
        expect(await amended(p)).toEqual([]);

      const asked = await gql(bystander.owner).ok<{
        askChallengeQuestion: { question: { id: string } };
      }>(ASK, {
        id: challenge.id,
        q: '是否接受联合体？',
      });
      await gql(issuerMember).ok(ANSWER, { id: asked.askChallengeQuestion.question.id, a: '接受' });
      const answered = async (p: Persona) =>
        (await inbox(p)).filter(
          (n) => n.challengeId === challenge.id && n.kind === 'CHALLENGE_ANSWER_PUBLISHED',
        );
      for (const p of [bystander.owner, follower, drafter.owner, termsTaker.owner])
        expect(await answered(p)).toHaveLength(1);
      for (const p of [issuerMember, issuer.owner, otherSme.owner])
        expect(await answered(p)).toEqual([]);
    });

    it('does not tell a follower who can no longer see the challenge', async () => {
      const challenge = await createChallenge(t, issuer);
      const follower = await createUser(t);
      await gql(follower).ok(FOLLOW, { id: challenge.id });
      // The issuer's member follows too, and still sees it: the change is told, only not to whom cannot see it.
      await gql(issuerMember).ok(FOLLOW, { id: challenge.id });
      const memberBefore = await stored(issuerMember.id);
      await t.sql.query(`UPDATE challenges SET visibility = 'INVITE_ONLY' WHERE id = $1`, [
        challenge.id,
      ]);
      await gql(issuer.owner).ok(AMEND, {
        input: { id: challenge.id, expectedVersion: 1, changeSummary: 'hidden', bounty: '2000000' },
      });
      expect(await stored(follower.id)).toBe(0);
      expect(await stored(issuerMember.id)).toBe(memberBefore + 1);
    });
  });

  describe('events of organisations', () => {
    it('tells an organisation’s members of its verification and of its alliance application, nobody else', async () => {
      const owner = await createUser(t);
      const org = await createEnterprise(t, { owner, verified: false, allianceStatus: null });
      const member = await addMember(t, org);
      await gql(admin).ok(VERIFY, { input: { organizationId: org.id } });
      for (const p of [owner, member]) {
        const [n] = (await inbox(p)).filter((x) => x.kind === 'ORGANIZATION_VERIFICATION_DECIDED');
        expect(n.organizationId).toBe(org.id);
        expect(n.body).toContain('was verified');
      }
      const applied = await gql(owner).ok<{ applyToAlliance: { membership: { id: string } } }>(
        APPLY,
        {
          input: { statement: 'We lead the storage chain in the region.' },
        },
      );
      await gql(admin).ok(ADMIT, {
        input: {
          membershipId: applied.applyToAlliance.membership.id,
          tier: 'MEMBER',
          reason: '符合条件',
        },
      });
      const [a] = (await inbox(member)).filter((x) => x.kind === 'ALLIANCE_APPLICATION_DECIDED');
      expect(a.body).toContain('was approved');
      expect(a.body).toContain('符合条件');
      for (const p of [issuer.owner, otherSme.owner, admin])
        expect((await inbox(p)).filter((x) => x.organizationId === org.id)).toEqual([]);
      // A member who leaves no longer sees the organisation's own affairs.
      await t.sql.query(`DELETE FROM organization_members WHERE user_id = $1`, [member.id]);
      expect((await inbox(member)).filter((x) => x.organizationId === org.id)).toEqual([]);
    });
  });

  describe('delivery seam', () => {
    it('sends each pending e-mail once, as the recipient sees it now, and skips what they can no longer see', async () => {
      const owner = await createUser(t);
      const org = await createSme(t, { owner });
      const stays = await createChallenge(t, issuer);
      const goes = await createChallenge(t, issuer);
      await createProposal(t, org, stays, { canary: 'STAYS' });
      const leaving = await createProposal(t, org, goes, { canary: 'GOES' });
      // The challenge of the second proposal turns invisible to everyone but its issuer (as if unpublished).
      await t.sql.query(`UPDATE challenges SET published_at = NULL WHERE id = $1`, [goes.id]);
      const sent: { recipientUserId: string; body: string }[] = [];
      const channel: NotificationChannel = {
        channel: DeliveryChannel.EMAIL,
        send: async (m) => {
          if (m.recipientUserId === owner.id)
            sent.push({ recipientUserId: m.recipientUserId, body: m.notification.body });
          return true;
        },
      };
      const delivery = t.app.get(NotificationDeliveryService);
      await delivery.deliverPending(channel, 1000);
      expect(sent).toHaveLength(1);
      expect(sent[0].body).toContain('Your proposal for');
      const statuses = await t.sql.query<{ proposal_id: string; status: string; attempts: number }>(
        `SELECT n.proposal_id, d.status, d.attempts FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.recipient_id = $1 ORDER BY d.status`,
        [owner.id],
      );
      expect(statuses.rows).toEqual([
        expect.objectContaining({ status: 'SENT', attempts: 1 }),
        { proposal_id: leaving.id, status: 'SKIPPED', attempts: 1 },
      ]);
      await delivery.deliverPending(channel, 1000);
      expect(sent).toHaveLength(1);
    });

    it('retries a failed send and gives up after the configured attempts', async () => {
      const owner = await createUser(t);
      const org = await createSme(t, { owner });
      await createProposal(t, org, await createChallenge(t, issuer), { canary: 'FAILS' });
      const channel: NotificationChannel = {
        channel: DeliveryChannel.EMAIL,
        send: async (m) => {
          if (m.recipientUserId === owner.id) throw new Error('SMTP down');
          return true;
        },
      };
      const delivery = t.app.get(NotificationDeliveryService);
      const row = async () =>
        (
          await t.sql.query<{ status: string; attempts: number; last_error: string }>(
            `SELECT d.status, d.attempts, d.last_error FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.recipient_id = $1`,
            [owner.id],
          )
        ).rows[0];
      for (let i = 1; i < t.config.notifications.deliveryMaxAttempts; i++) {
        await delivery.deliverPending(channel, 1000);
        expect(await row()).toEqual({ status: 'PENDING', attempts: i, last_error: 'SMTP down' });
      }
      await delivery.deliverPending(channel, 1000);
      expect((await row()).status).toBe('FAILED');
    });
  });
});
