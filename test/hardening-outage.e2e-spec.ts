import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request as httpRequest } from 'node:http';
import request from 'supertest';
import { createUser, type Persona } from './support/factories/index.js';
import { createTestDatabase } from './support/database.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';
import { freePort, waitFor } from './support/net.js';

const ME = `{ me { email } }`;
const FIELDS = `{ technicalFields { edges { node { code } } } }`;

/** The service over a proxy to a database of its own, for outages. */
async function startBehindProxy(env: Record<string, string>) {
  const database = await createTestDatabase();
  const proxy = TcpProxy.forUrl(database.url);
  const url = proxy.url(database.url, await proxy.start());
  const t = await startTestApp({ databaseUrl: url, env });
  return {
    t,
    proxy,
    async close() {
      proxy.thaw();
      proxy.latencyMs = 0;
      await t.close();
      await proxy.close();
      await database.drop();
    },
  };
}

function expectDatabaseUnavailable(res: {
  status: number;
  headers: Record<string, string>;
  errors?: { extensions?: Record<string, unknown> }[];
}) {
  expect(res.errors?.[0].extensions).toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
    reason: 'DATABASE_UNAVAILABLE',
  });
  expect(res.status).toBe(503);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('a database outage', () => {
  let env: Awaited<ReturnType<typeof startBehindProxy>>;
  let t: TestApp;
  let user: Persona;
  beforeAll(async () => {
    env = await startBehindProxy({ DB_CONNECTION_TIMEOUT_MS: '1000' });
    t = env.t;
    user = await createUser(t);
  });
  afterAll(async () => {
    env.proxy.restore();
    await env.close();
  });

  it('is SERVICE_UNAVAILABLE (503, Retry-After) for a signed-in client, never "session ended"; the session survives', async () => {
    expect((await t.gql.as(user.token).ok<{ me: { email: string } }>(ME)).me.email).toBe(
      user.email,
    );
    env.proxy.cut();
    try {
      const me = await t.gql.as(user.token).send(ME);
      expectDatabaseUnavailable(me);
      expect(me.text).not.toMatch(/SESSION_ENDED|UNAUTHENTICATED/);
      // A public operation with a token is not served as to an anonymous caller when the token could not be checked.
      const fields = await t.gql.as(user.token).send(FIELDS);
      expectDatabaseUnavailable(fields);
      // Any resolver's database failure (here: sign-in) is SERVICE_UNAVAILABLE too, not INTERNAL_SERVER_ERROR.
      const login = await t.gql.send(
        `mutation { login(input: { email: "${user.email}", password: "${user.password}" }) { accessToken } }`,
      );
      expectDatabaseUnavailable(login);
      expect(login.text).not.toMatch(/ECONNREFUSED|Connection terminated|postgres/i);
    } finally {
      env.proxy.restore();
    }
    await waitFor(async () => (await t.gql.as(user.token).send(ME)).data?.me != null, 10000);
  });

  it('still answers UNAUTHENTICATED for a session that did end', async () => {
    await t.sql.query(`UPDATE auth_sessions SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    const me = await t.gql.as(user.token).send(ME);
    expect(me.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_ENDED',
    });
  });
});

describe('a frozen database (the server stops answering without closing its connections)', () => {
  let env: Awaited<ReturnType<typeof startBehindProxy>>;
  let t: TestApp;
  let user: Persona;
  beforeAll(async () => {
    env = await startBehindProxy({
      DB_CONNECTION_TIMEOUT_MS: '1000',
      DB_STATEMENT_TIMEOUT_MS: '500',
      DB_QUERY_TIMEOUT_MS: '1000',
    });
    t = env.t;
    user = await createUser(t);
  });
  afterAll(async () => {
    await env.close();
  });

  it('ends every request within the documented bound (pool wait + query timeout) with SERVICE_UNAVAILABLE, and recovers', async () => {
    env.proxy.freeze();
    try {
      const started = Date.now();
      const [me, fields, register] = await Promise.all([
        t.gql.as(user.token).send(ME),
        t.gql.send(FIELDS),
        // A transaction: its ROLLBACK must not wait as long again behind the statement that hung.
        t.gql.send(
          `mutation { register(input: { email: "frozen@example.cn", password: "long-enough-pw", displayName: "Frozen" }) { user { id } } }`,
        ),
      ]);
      const elapsed = Date.now() - started;
      for (const res of [me, fields, register]) expectDatabaseUnavailable(res);
      // DB_CONNECTION_TIMEOUT_MS + DB_QUERY_TIMEOUT_MS = 2 s, plus slack for a loaded machine.
      expect(elapsed).toBeLessThan(3500);
    } finally {
      env.proxy.thaw();
    }
    // The connections that hung were closed, not handed to the next request.
    await waitFor(async () => (await t.gql.as(user.token).send(ME)).data?.me != null, 10000);
    expect((await t.gql.send(FIELDS)).errors).toBeUndefined();
  });
});

describe('overload', () => {
  it('refuses requests beyond MAX_REQUESTS_IN_FLIGHT at once with 503 OVERLOADED, while readiness answers 200', async () => {
    const env = await startBehindProxy({ MAX_REQUESTS_IN_FLIGHT: '4' });
    const server = env.t.app.getHttpServer();
    try {
      expect((await request(server).get('/health/ready')).status).toBe(200);
      env.proxy.latencyMs = 1000;
      const send = async () => {
        const started = Date.now();
        const res = await request(server)
          .post('/graphql')
          .set('content-type', 'application/json')
          .send({ query: FIELDS });
        return { res, ms: Date.now() - started };
      };
      const pending = Array.from({ length: 16 }, () => send());
      await new Promise((r) => setTimeout(r, 100));
      const ready = await request(server).get('/health/ready');
      const results = await Promise.all(pending);
      expect(ready.status).toBe(200);
      const refused = results.filter((r) => r.res.status === 503);
      const served = results.filter((r) => r.res.status === 200);
      expect(served.length).toBeGreaterThanOrEqual(1);
      expect(served.length).toBeLessThanOrEqual(4);
      expect(refused.length).toBe(16 - served.length);
      for (const { res, ms } of refused) {
        expect(res.headers['retry-after']).toBe('1');
        expect(res.body.errors[0].extensions).toMatchObject({
          code: 'SERVICE_UNAVAILABLE',
          reason: 'OVERLOADED',
          requestId: expect.any(String),
        });
        // Refused before any database work (every statement takes a second here).
        expect(ms).toBeLessThan(1000);
      }
      for (const { res } of served)
        expect(res.body.data.technicalFields.edges.length).toBeGreaterThan(0);
      // The bound frees up as requests finish.
      env.proxy.latencyMs = 0;
      expect((await env.t.gql.send(FIELDS)).status).toBe(200);
    } finally {
      await env.close();
    }
  });

  it('readiness checks the database on its own connection: 200 while every pooled connection is busy', async () => {
    const env = await startBehindProxy({ DB_POOL_SIZE: '1', DB_CONNECTION_TIMEOUT_MS: '10000' });
    const server = env.t.app.getHttpServer();
    try {
      expect((await request(server).get('/health/ready')).status).toBe(200);
      env.proxy.latencyMs = 200;
      // Eight requests queue for the one pooled connection: the last gets it after 1.6 s or more.
      const pending = Array.from({ length: 8 }, () => env.t.gql.send(FIELDS));
      await new Promise((r) => setTimeout(r, 50));
      const ready = await request(server).get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info.database.status).toBe('up');
      for (const res of await Promise.all(pending)) expect(res.status).toBe(200);
    } finally {
      await env.close();
    }
  });

  it('a request that waits longer than DB_CONNECTION_TIMEOUT_MS for a pooled connection is SERVICE_UNAVAILABLE', async () => {
    // The timeout also bounds opening a connection: 1 s leaves room for a loaded machine to connect at start.
    const env = await startBehindProxy({ DB_POOL_SIZE: '1', DB_CONNECTION_TIMEOUT_MS: '1000' });
    try {
      await env.t.gql.ok(FIELDS);
      env.proxy.latencyMs = 3000;
      const results = await Promise.all(Array.from({ length: 4 }, () => env.t.gql.send(FIELDS)));
      const unavailable = results.filter(
        (r) => r.errors?.[0].extensions?.code === 'SERVICE_UNAVAILABLE',
      );
      // One request holds the one connection for three seconds; the others give up waiting after one.
      expect(results.map((r) => r.errors?.[0].extensions?.code ?? r.status)).toEqual(
        expect.arrayContaining([200, 'SERVICE_UNAVAILABLE']),
      );
      expect(unavailable.length).toBeGreaterThanOrEqual(2);
      for (const res of unavailable) expectDatabaseUnavailable(res);
      for (const res of results)
        expect(res.errors?.[0].extensions?.code ?? 'OK').not.toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await env.close();
    }
  });
});

describe('shutdown under load', () => {
  let proxy: TcpProxy;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dbUrl: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = TcpProxy.forUrl(database.url);
    dbUrl = proxy.url(database.url, await proxy.start());
  });
  afterAll(async () => {
    await proxy.close();
    await database.drop();
  });

  it('on SIGTERM answers every request it received (200 or 503), resets none, and exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        JWT_SECRET: TEST_JWT_SECRET,
        DATABASE_URL: dbUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    try {
      // A cold start takes a few seconds, many more on a loaded machine (no timing is asserted).
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200,
        90_000,
      );
      proxy.latencyMs = 20;
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      let signalled = false;
      // Answers that arrived after the signal: requests the service had received and still answered while
      // draining (whether a client sent one after the signal depends on timing: on SIGTERM the service may close
      // every keep-alive connection with its next answer).
      let afterSignal = 0;
      const body = JSON.stringify({ query: FIELDS });
      const once_ = (agent: Agent) =>
        new Promise<{ status: number; close: boolean }>((resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              path: '/graphql',
              method: 'POST',
              agent,
              headers: {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
              },
            },
            (res) => {
              res.resume();
              res.on('end', () =>
                resolve({ status: res.statusCode!, close: res.headers.connection === 'close' }),
              );
              res.on('error', reject);
            },
          );
          req.on('error', reject);
          req.end(body);
        });
      // 100 clients, each on one keep-alive connection, one request after the other; once the signal is sent, a
      // client stops when the service answers 503 or closes the connection (as a client behind a load balancer
      // would go elsewhere).
      const worker = async () => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        try {
          for (;;) {
            try {
              const { status, close } = await once_(agent);
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              if (signalled) afterSignal++;
              // Before the signal a 503 can only be the load bound or a pool wait on a loaded machine: keep going,
              // so that clients are still sending when the signal comes.
              if ((status === 503 && signalled) || close) return;
            } catch (error) {
              failures.push(
                `${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}`,
              );
              return;
            }
          }
        } finally {
          agent.destroy();
        }
      };
      const workers = Array.from({ length: 100 }, () => worker());
      await new Promise((r) => setTimeout(r, 1500));
      signalled = true;
      child.kill('SIGTERM');
      await Promise.all(workers);
      const [code] = await exited;
      expect(failures).toEqual([]);
      expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200]));
      for (const status of statuses.keys()) expect([200, 503]).toContain(status);
      expect(afterSignal).toBeGreaterThan(0);
      expect(code).toBe(0);
    } finally {
      proxy.latencyMs = 0;
      if (child.exitCode === null) child.kill('SIGKILL');
      if (stderr.trim()) console.log(stderr.slice(0, 2000));
    }
  }, 180_000);
});
