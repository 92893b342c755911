import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Client, createClient } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import {
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  type Persona,
  type TestOrg,
} from './support/factories/index.js';
import { freePort, waitFor } from './support/net.js';
import { startTestApp, type TestApp, TEST_JWT_SECRET } from './support/test-app.js';

const ACTIVITY = `subscription($id: ID!) { challengeActivity(challengeId: $id) {
  kind challenge { id status version titleZh issuer { id nameZh } } } }`;
const AMEND = `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { id version } } }`;
const ASK = `mutation($id: ID!, $q: String!) { askChallengeQuestion(input: { challengeId: $id, question: $q }) { question { id } } }`;
const ANSWER = `mutation($id: ID!, $a: String!) { answerChallengeQuestion(input: { questionId: $id, answer: $a }) { question { id } } }`;
const SUSPEND_USER = `mutation($input: UserDecisionInput!) { suspendUser(input: $input) { user { status } } }`;

type Activity = {
  kind: string;
  challenge: {
    id: string;
    status: string;
    version: number;
    titleZh: string;
    issuer: { nameZh: string } | null;
  };
};
type Frame = {
  data?: { challengeActivity: Activity } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

/** Waits for `predicate` to hold, polling (no timed assertion: the deadline only ends a test that would hang). */
async function until(predicate: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A graphql-ws client of one instance, recording its frames per subscription and how its socket closed. */
class LiveClient {
  readonly client: Client;
  closed: { code: number; reason: string } | null = null;
  constructor(url: string, authorization: string | null) {
    this.client = createClient({
      url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: authorization ? { authorization } : {},
      on: {
        closed: (event) => {
          const e = event as { code: number; reason: string };
          this.closed = { code: e.code, reason: String(e.reason) };
        },
      },
      onNonLazyError: () => undefined,
    });
  }
  subscribe(query: string, variables: Record<string, unknown>) {
    const frames: Frame[] = [];
    const state = { done: false, error: null as unknown };
    const dispose = this.client.subscribe(
      { query, variables },
      {
        next: (f) => void frames.push(f as Frame),
        error: (e) => {
          state.error = e;
          state.done = true;
        },
        complete: () => void (state.done = true),
      },
    );
    return { frames, state, dispose };
  }
  async close() {
    await this.client.dispose();
  }
}

describe('Live updates (GraphQL subscriptions over graphql-ws)', () => {
  let a: TestApp;
  let b: TestApp;
  let urlA: string;
  let urlB: string;
  let admin: Persona;
  let issuer: TestOrg;
  let anonymousIssuer: TestOrg;
  let sme: TestOrg;
  let other: TestOrg;
  let published: { id: string; version: number };
  let anonymous: { id: string };
  const clients: LiveClient[] = [];

  const listen = async (t: TestApp) => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address() as { port: number };
    return `ws://127.0.0.1:${address.port}/graphql`;
  };
  const client = (url: string, token: string | null) => {
    const c = new LiveClient(url, token === null ? null : `Bearer ${token}`);
    clients.push(c);
    return c;
  };
  const amend = async (id: string, version: number, titleZh: string) =>
    (
      await a.gql
        .as(issuer.owner.token)
        .ok<{ amendChallenge: { challenge: { version: number } } }>(AMEND, {
          input: { id, expectedVersion: version, changeSummary: '更新技术指标说明', titleZh },
        })
    ).amendChallenge.challenge.version;

  beforeAll(async () => {
    const env = {
      LIVE_SESSION_CHECK_SECONDS: '1',
      LIVE_MAX_CONNECTIONS_PER_USER: '3',
      LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET: '2',
      LIVE_POLL_MS: '5000',
    };
    a = await startTestApp({ env });
    // A second instance of the service on the same database.
    b = await startTestApp({ env, databaseUrl: a.databaseUrl });
    urlA = await listen(a);
    urlB = await listen(b);
    admin = await createAdmin(a);
    issuer = await createEnterprise(a, { name: '华东储能集团有限公司' });
    anonymousIssuer = await createEnterprise(a, { name: '隐名发榜控股有限公司' });
    sme = await createSme(a);
    other = await createEnterprise(a);
    const c = await createChallenge(a, issuer, { via: 'api', admin });
    published = { id: c.id, version: c.version };
    anonymous = await createChallenge(a, anonymousIssuer, {
      via: 'api',
      admin,
      input: { anonymousIssuer: true, terms: 'NDA' },
    });
  });

  afterAll(async () => {
    for (const c of clients) await c.close().catch(() => undefined);
    await b?.close();
    await a?.close();
  });

  it('refuses a socket without a valid token (4401)', async () => {
    for (const auth of [null, 'not-a-token', 'x.y.z']) {
      const c = new LiveClient(urlA, auth === null ? null : `Bearer ${auth}`);
      clients.push(c);
      await until(() => c.closed !== null, 'the socket to close');
      expect(c.closed!.code).toBe(4401);
    }
  });

  it('sends a challenge’s amendments and answers to a subscriber, on another instance too', async () => {
    const onA = client(urlA, sme.owner.token).subscribe(ACTIVITY, { id: published.id });
    const onB = client(urlB, sme.owner.token).subscribe(ACTIVITY, { id: published.id });
    // A subscription is live once the service answered its subscribe: give it a moment to register.
    await new Promise((r) => setTimeout(r, 300));
    published.version = await amend(
      published.id,
      published.version,
      '储能电站热失控预警（第二版）',
    );
    await until(
      () => onA.frames.length >= 1 && onB.frames.length >= 1,
      'the amendment on both instances',
    );
    for (const sub of [onA, onB]) {
      expect(sub.frames[0].errors).toBeUndefined();
      expect(sub.frames[0].data!.challengeActivity).toMatchObject({
        kind: 'AMENDED',
        challenge: {
          id: published.id,
          version: published.version,
          titleZh: '储能电站热失控预警（第二版）',
        },
      });
    }
    const question = (
      await a.gql
        .as(sme.owner.token)
        .ok<{ askChallengeQuestion: { question: { id: string } } }>(ASK, {
          id: published.id,
          q: '是否接受分期交付？',
        })
    ).askChallengeQuestion.question.id;
    await a.gql.as(issuer.owner.token).ok(ANSWER, { id: question, a: '接受，分两期。' });
    await until(() => onB.frames.length >= 2, 'the answer on instance B');
    expect(onB.frames[1].data!.challengeActivity.kind).toBe('ANSWER_PUBLISHED');
    // The question itself is nobody's business but the platform's: asking sent nothing.
    expect(onA.frames.map((f) => f.data!.challengeActivity.kind)).toEqual([
      'AMENDED',
      'ANSWER_PUBLISHED',
    ]);
    onA.dispose();
    onB.dispose();
  });

  it('reaches a subscriber of an instance running in another process', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        JWT_SECRET: TEST_JWT_SECRET,
        DATABASE_URL: a.databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        // Woken by the other instance's NOTIFY, not by its own polling.
        LIVE_POLL_MS: '10000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit');
    try {
      await waitFor(
        async () =>
          (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.status === 200,
        20_000,
      );
      const sub = client(`ws://127.0.0.1:${port}/graphql`, sme.owner.token).subscribe(ACTIVITY, {
        id: published.id,
      });
      await new Promise((r) => setTimeout(r, 300));
      published.version = await amend(
        published.id,
        published.version,
        '储能电站热失控预警（第三版）',
      );
      await until(() => sub.frames.length >= 1, 'the amendment in the other process');
      expect(sub.frames[0].data!.challengeActivity).toMatchObject({
        kind: 'AMENDED',
        challenge: { id: published.id, version: published.version },
      });
      sub.dispose();
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('sends a user the notifications written to them, and nobody else', async () => {
    const NOTIFICATION_ADDED = `subscription { notificationAdded { id kind title body challengeId } }`;
    await a.gql
      .as(sme.owner.token)
      .ok(
        `mutation($input: ChallengeFollowInput!) { followChallenge(input: $input) { challengeId } }`,
        {
          input: { challengeId: published.id },
        },
      );
    const mine = client(urlB, sme.owner.token).subscribe(NOTIFICATION_ADDED, {});
    const theirs = client(urlB, other.owner.token).subscribe(NOTIFICATION_ADDED, {});
    await new Promise((r) => setTimeout(r, 300));
    published.version = await amend(
      published.id,
      published.version,
      '储能电站热失控预警（第四版）',
    );
    await until(() => mine.frames.length >= 1, 'the notification');
    type Added = { notificationAdded: { kind: string; challengeId: string; title: string } };
    const added = (mine.frames[0].data as unknown as Added).notificationAdded;
    expect(added).toMatchObject({ kind: 'CHALLENGE_AMENDED', challengeId: published.id });
    expect(added.title.length).toBeGreaterThan(0);
    // The same notification is in the inbox.
    const inbox = await a.gql
      .as(sme.owner.token)
      .ok<{ notifications: { edges: { node: { id: string } }[] } }>(
        `query { notifications(first: 5) { edges { node { id } } } }`,
      );
    expect(inbox.notifications.edges.map((e) => e.node.id)).toContain(
      (mine.frames[0].data as unknown as { notificationAdded: { id: string } }).notificationAdded
        .id,
    );
    expect(theirs.frames).toEqual([]);
    mine.dispose();
    theirs.dispose();
  });

  it('applies the anonymity rule to every event: the anonymous issuer is never named', async () => {
    const sub = client(urlB, sme.owner.token).subscribe(ACTIVITY, { id: anonymous.id });
    await new Promise((r) => setTimeout(r, 300));
    const version = (
      await a.gql
        .as(anonymousIssuer.owner.token)
        .ok<{ amendChallenge: { challenge: { version: number } } }>(AMEND, {
          input: {
            id: anonymous.id,
            expectedVersion: 1,
            changeSummary: '补充说明',
            titleZh: '匿名榜单（更正）',
          },
        })
    ).amendChallenge.challenge.version;
    await until(() => sub.frames.length >= 1, 'the amendment');
    expect(sub.frames[0].data!.challengeActivity.challenge).toMatchObject({
      id: anonymous.id,
      version,
      issuer: null,
    });
    expect(JSON.stringify(sub.frames)).not.toContain('隐名发榜');
    sub.dispose();
  });

  it('answers NOT_FOUND for a challenge the subscriber may not see, and BAD_USER_INPUT for a bad id', async () => {
    const draft = await createChallenge(a, issuer, { status: 'DRAFT' });
    const c = client(urlA, other.owner.token);
    for (const [id, code] of [
      [draft.id, 'NOT_FOUND'],
      ['00000000-0000-4000-8000-000000000000', 'NOT_FOUND'],
      ['not-an-id', 'BAD_USER_INPUT'],
    ]) {
      const sub = c.subscribe(ACTIVITY, { id });
      await until(() => sub.frames.length > 0 || sub.state.done, 'the refusal');
      const errors = sub.frames[0]?.errors ?? (sub.state.error as Frame['errors']);
      expect(errors?.[0]?.extensions?.code).toBe(code);
    }
    // The issuer sees its own draft: it may subscribe to it.
    const own = client(urlA, issuer.owner.token).subscribe(ACTIVITY, { id: draft.id });
    await new Promise((r) => setTimeout(r, 300));
    expect(own.frames).toEqual([]);
    expect(own.state.done).toBe(false);
    own.dispose();
  });

  it('serves subscriptions only, within the endpoint’s document limits', async () => {
    const c = client(urlA, sme.owner.token);
    const query = c.subscribe(`query { __typename }`, {});
    await until(() => query.state.done, 'the refusal');
    expect(JSON.stringify(query.state.error)).toContain('SUBSCRIPTIONS_ONLY');
    const mutation = c.subscribe(`mutation { logout { ok } }`, {});
    await until(() => mutation.state.done, 'the refusal');
    expect(JSON.stringify(mutation.state.error)).toContain('SUBSCRIPTIONS_ONLY');
    // The session still works: the mutation never ran.
    await a.gql.as(sme.owner.token).ok(`query { me { id } }`);
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: id`).join(' ');
    const wide = c.subscribe(
      `subscription($id: ID!) { challengeActivity(challengeId: $id) { challenge { ${aliases} } } }`,
      { id: published.id },
    );
    await until(() => wide.state.done, 'the refusal');
    expect(JSON.stringify(wide.state.error)).toMatch(/alias/i);
  });

  it('limits subscriptions per socket and sockets per user', async () => {
    const c = client(urlA, other.owner.token);
    const subs = [0, 1, 2].map(() => c.subscribe(ACTIVITY, { id: published.id }));
    await until(() => subs[2].state.done, 'the third subscription refused');
    expect(JSON.stringify(subs[2].state.error)).toContain('LIVE_SUBSCRIPTIONS_LIMIT');
    expect(subs[0].state.done).toBe(false);
    subs.forEach((s) => s.dispose());
    const user = await createSme(a);
    const sockets = [0, 1, 2, 3].map(() => client(urlA, user.owner.token));
    await until(() => sockets.some((s) => s.closed !== null), 'a socket over the limit closed');
    expect(sockets.filter((s) => s.closed?.code === 4429)).toHaveLength(1);
  });

  it('closes the socket when the token expires, the session ends or the user is suspended (4401)', async () => {
    // A token of a real session that expires in two seconds.
    const claims = jwt.decode(sme.owner.token) as { sub: string; sid: string };
    const short = jwt.sign({ sub: claims.sub, sid: claims.sid }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: 2,
    });
    const expiring = client(urlA, short);
    expiring.subscribe(ACTIVITY, { id: published.id });
    await until(() => expiring.closed !== null, 'the expired socket to close');
    expect(expiring.closed).toEqual({ code: 4401, reason: 'Token expired' });

    const member = await createSme(a);
    const signedOut = client(urlB, member.owner.token);
    signedOut.subscribe(ACTIVITY, { id: published.id });
    await new Promise((r) => setTimeout(r, 200));
    await a.gql.as(member.owner.token).ok(`mutation { logout { ok } }`);
    await until(() => signedOut.closed !== null, 'the signed-out socket to close');
    expect(signedOut.closed).toEqual({ code: 4401, reason: 'Session ended' });

    const suspended = await createSme(a);
    const socket = client(urlA, suspended.owner.token);
    socket.subscribe(ACTIVITY, { id: published.id });
    await new Promise((r) => setTimeout(r, 200));
    await a.gql
      .as(admin.token)
      .ok(SUSPEND_USER, { input: { userId: suspended.owner.id, reason: '发布违规内容' } });
    await until(() => socket.closed !== null, 'the suspended user’s socket to close');
    expect(socket.closed).toEqual({ code: 4401, reason: 'Session ended' });
  });
});
