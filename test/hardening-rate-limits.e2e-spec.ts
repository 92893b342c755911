import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { randomBytes, randomInt } from 'node:crypto';
import request from 'supertest';
import { createEnterprise, type Persona, uniqueEmail } from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Rate limits through the HTTP API (issue 15, item 8): the general budgets per address and per user, the
 * shared budgets of register, login, refresh and invitations, sign-in throttling by account and address
 * together, the budget shared by two instances (PostgreSQL and Redis), and a failing store.
 * The test suite runs with the request budgets off (testEnv); each app here turns them on.
 */

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }`;
const REFRESH = `mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken refreshToken } }`;
const INVITE = `mutation($input: InviteOrganizationMemberInput!) { inviteOrganizationMember(input: $input) { invitation { id } } }`;
const ME = `{ me { id } }`;
const PASSWORD = 'correct-horse-battery';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** A request to /graphql from a client address (X-Forwarded-For; read only when TRUST_PROXY is on). */
async function send(
  t: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  opts: { ip?: string; token?: string } = {},
): Promise<Answer> {
  let req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (opts.ip) req = req.set('x-forwarded-for', opts.ip);
  if (opts.token) req = req.set('authorization', `Bearer ${opts.token}`);
  const res = await req.send({ query, variables });
  return {
    status: res.status,
    headers: res.headers as Record<string, string>,
    body: res.body as Answer['body'],
  };
}

let ipSeq = 0;
/** A client address of its own for each use, so the tests do not share budgets by accident. */
function freshIp(): string {
  ipSeq += 1;
  return `10.${randomInt(256)}.${Math.floor(ipSeq / 256) % 256}.${ipSeq % 256}`;
}

function expectRateLimited(res: Answer, reason: string): void {
  expect(res.status).toBe(429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason });
  expect(res.body.errors?.[0].extensions?.requestId).toEqual(expect.any(String));
  expect(res.body.errors?.[0].extensions?.http).toBeUndefined();
}

async function register(t: TestApp, ip: string, email = uniqueEmail()): Promise<Answer> {
  return send(
    t,
    REGISTER,
    { input: { email, password: PASSWORD, displayName: 'Rate Test' } },
    { ip },
  );
}

async function login(t: TestApp, email: string, password: string, ip: string): Promise<Answer> {
  return send(t, LOGIN, { input: { email, password } }, { ip });
}

/** Registers and signs in from an address of its own. */
async function newUser(t: TestApp): Promise<Persona> {
  const ip = freshIp();
  const email = uniqueEmail('rl');
  expect((await register(t, ip, email)).status).toBe(200);
  const res = await login(t, email, PASSWORD, ip);
  const data = res.body.data?.login as {
    accessToken: string;
    refreshToken: string;
    user: { id: string };
  };
  return {
    id: data.user.id,
    email,
    password: PASSWORD,
    token: data.accessToken,
    refreshToken: data.refreshToken,
  };
}

async function userCount(t: TestApp, email: string): Promise<number> {
  const { rows } = await t.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE email = $1`,
    [email],
  );
  return rows[0].n;
}

describe('the general budget per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    // TRUST_PROXY is off (the default): X-Forwarded-For is ignored, every request here comes from 127.0.0.1.
    t = await startTestApp({ env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_IP_PER_MINUTE: '10' } });
  });
  afterAll(async () => t.close());

  it('answers 429 with Retry-After and RATE_LIMITED after the budget, whatever X-Forwarded-For claims', async () => {
    for (let i = 0; i < 10; i += 1) {
      const res = await send(t, '{ __typename }', {}, { ip: freshIp() });
      expect(res.status).toBe(200);
    }
    const refused = await send(t, '{ __typename }', {}, { ip: freshIp() });
    expectRateLimited(refused, 'REQUEST_LIMIT');
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body.errors?.[0].extensions?.requestId).toBe(refused.headers['x-request-id']);
    // Every route is counted (an unknown one too), but not the health checks of the load balancer.
    expect((await request(t.app.getHttpServer()).get('/nothing-here')).status).toBe(429);
    expect((await request(t.app.getHttpServer()).get('/health/live')).status).toBe(200);
  });
});

describe('the general budget per signed-in user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        RATE_LIMIT_ENABLED: 'true',
        TRUST_PROXY: 'true',
        RATE_LIMIT_IP_PER_MINUTE: '10000',
        RATE_LIMIT_USER_PER_MINUTE: '10',
      },
    });
  });
  afterAll(async () => t.close());

  it('counts a user across addresses and answers 429 RATE_LIMITED inside GraphQL', async () => {
    const user = await newUser(t);
    for (let i = 0; i < 10; i += 1) {
      const res = await send(t, ME, {}, { ip: freshIp(), token: user.token });
      expect(res.status).toBe(200);
      expect(res.body.data?.me).toEqual({ id: user.id });
    }
    const refused = await send(t, ME, {}, { ip: freshIp(), token: user.token });
    expectRateLimited(refused, 'USER_REQUEST_LIMIT');
    expect(refused.body.data ?? null).toBeNull();
    // Another user and anonymous requests are not affected.
    const other = await newUser(t);
    expect((await send(t, ME, {}, { ip: freshIp(), token: other.token })).status).toBe(200);
    expect((await send(t, '{ __typename }', {}, { ip: freshIp() })).status).toBe(200);
  });
});

describe('shared budgets and sign-in throttling, two instances on one PostgreSQL database', () => {
  let a: TestApp;
  let b: TestApp;
  const env = {
    RATE_LIMIT_ENABLED: 'true',
    TRUST_PROXY: 'true',
    RATE_LIMIT_IP_PER_MINUTE: '10000',
    RATE_LIMIT_REGISTER_PER_HOUR: '3',
    RATE_LIMIT_REFRESH_PER_MINUTE: '2',
    RATE_LIMIT_INVITATIONS_PER_HOUR: '2',
    LOGIN_MAX_FAILURES: '3',
    LOGIN_LOCK_SECONDS: '900',
    LOGIN_IP_MAX_FAILURES: '8',
    LOGIN_ACCOUNT_MAX_FAILURES: '16',
  };
  beforeAll(async () => {
    a = await startTestApp({ env });
    b = await startTestApp({ env, databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('stops registrations from one address at the budget, counted across both instances', async () => {
    const ip = freshIp();
    expect((await register(a, ip)).status).toBe(200);
    expect((await register(b, ip)).status).toBe(200);
    expect((await register(a, ip)).status).toBe(200);
    const email = uniqueEmail('refused');
    const refused = await register(b, ip, email);
    expectRateLimited(refused, 'REGISTER_LIMIT');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
    expect(await userCount(a, email)).toBe(0);
    expectRateLimited(await register(a, ip), 'REGISTER_LIMIT');
    // The counter is in the shared table, not in either instance's memory.
    const { rows } = await a.sql.query(`SELECT points FROM rate_limits WHERE key = $1`, [
      `rl:budget-register:ip:${ip}`,
    ]);
    expect(rows).toEqual([{ points: 5 }]);
    // Another address still registers.
    expect((await register(b, freshIp())).status).toBe(200);
  });

  it('does not let a stranger lock an account out for its owner at another address', async () => {
    const owner = await newUser(a);
    const stranger = freshIp();
    for (let i = 0; i < 3; i += 1) {
      const res = await login(a, owner.email, `wrong-password-${i}`, stranger);
      expect(res.body.errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_CREDENTIALS',
      });
    }
    // The stranger's address is locked for this account, even with the right password, on both instances ...
    expectRateLimited(await login(a, owner.email, owner.password, stranger), 'TOO_MANY_ATTEMPTS');
    const onB = await login(b, owner.email, owner.password, stranger);
    expectRateLimited(onB, 'TOO_MANY_ATTEMPTS');
    expect(Number(onB.headers['retry-after'])).toBeGreaterThan(890);
    // ... and the owner, at home, signs in on either instance.
    const home = freshIp();
    expect((await login(b, owner.email, owner.password, home)).body.data?.login).toMatchObject({
      user: { id: owner.id },
    });
    expect((await login(a, owner.email, owner.password, home)).status).toBe(200);
  });

  it('admits no more parallel guesses for a pair than its limit', async () => {
    const user = await newUser(a);
    const ip = freshIp();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(i % 2 ? a : b, user.email, `guess-${i}`, ip)),
    );
    const reasons = answers.map((r) => r.body.errors?.[0].extensions?.reason).sort();
    expect(reasons).toEqual([
      ...Array(3).fill('INVALID_CREDENTIALS'),
      ...Array(7).fill('TOO_MANY_ATTEMPTS'),
    ]);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('clears a pair’s consecutive failures on a successful sign-in', async () => {
    const user = await newUser(a);
    const ip = freshIp();
    for (const round of [1, 2]) {
      for (let i = 0; i < 2; i += 1) {
        const res = await login(round === 1 ? a : b, user.email, 'wrong-password', ip);
        expect(res.body.errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
      }
      // Without the reset, the fourth failure (round 2) would have locked the pair.
      expect((await login(b, user.email, user.password, ip)).body.data?.login).toMatchObject({
        user: { id: user.id },
      });
    }
    // Three in a row still lock.
    for (let i = 0; i < 3; i += 1) await login(a, user.email, 'wrong-password', ip);
    expectRateLimited(await login(a, user.email, user.password, ip), 'TOO_MANY_ATTEMPTS');
  });

  it('stops password spraying over many accounts from one address', async () => {
    const sprayer = freshIp();
    const victims = await Promise.all(Array.from({ length: 3 }, () => newUser(a)));
    const targets = [
      ...victims.map((v) => v.email),
      ...Array.from({ length: 5 }, () => uniqueEmail('ghost')),
    ];
    for (const email of targets) {
      const res = await login(email.length % 2 ? a : b, email, 'Spring2026!', sprayer);
      expect(res.body.errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
    // Eight failures over eight accounts: the address is stopped, for every account, on both instances.
    const fresh = await newUser(a);
    expectRateLimited(
      await login(b, uniqueEmail('next'), 'Spring2026!', sprayer),
      'TOO_MANY_FAILURES_FROM_ADDRESS',
    );
    expectRateLimited(
      await login(a, fresh.email, fresh.password, sprayer),
      'TOO_MANY_FAILURES_FROM_ADDRESS',
    );
    // The victims themselves are not locked out.
    expect((await login(a, victims[0].email, PASSWORD, freshIp())).status).toBe(200);
  });

  it('stops a guess of one account from many addresses at the account budget', async () => {
    const target = await newUser(a);
    for (let i = 0; i < 8; i += 1) {
      const ip = freshIp();
      for (let j = 0; j < 2; j += 1) {
        expect(
          (await login(i % 2 ? a : b, target.email, `guess-${i}-${j}`, ip)).body.errors?.[0]
            .extensions?.reason,
        ).toBe('INVALID_CREDENTIALS');
      }
    }
    const refused = await login(b, target.email, target.password, freshIp());
    expectRateLimited(refused, 'TOO_MANY_FAILURES_FOR_ACCOUNT');
    // The budget is the account's: another account signs in from anywhere.
    const other = await newUser(a);
    expect((await login(b, other.email, other.password, freshIp())).status).toBe(200);
  });

  it('keys an overlong forwarded address by its hash rather than failing', async () => {
    const user = await newUser(a);
    const forged = `${'9'.repeat(300)}, 10.0.0.1`;
    const failed = await login(a, user.email, 'wrong-password', forged);
    expect(failed.status).toBe(200);
    expect(failed.body.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_CREDENTIALS',
    });
    // Counted in the shared store (a key too long for it would have fallen back to one instance's memory).
    const { rows } = await a.sql.query(
      `SELECT points FROM rate_limits WHERE key ~ '^rl:login-ip:h:[0-9a-f]{32}$'`,
    );
    expect(rows).toEqual([{ points: 1 }]);
    expect((await login(b, user.email, user.password, forged)).body.data?.login).toMatchObject({
      user: { id: user.id },
    });
  });

  it('limits token refreshes per address', async () => {
    const user = await newUser(a);
    const ip = freshIp();
    let token = user.refreshToken;
    for (const t of [a, b]) {
      const res = await send(t, REFRESH, { input: { refreshToken: token } }, { ip });
      expect(res.status).toBe(200);
      token = (res.body.data?.refreshToken as { refreshToken: string }).refreshToken;
    }
    expectRateLimited(
      await send(a, REFRESH, { input: { refreshToken: token } }, { ip }),
      'REFRESH_LIMIT',
    );
    // The refused call did not use the token: from another address it still works.
    expect(
      (await send(b, REFRESH, { input: { refreshToken: token } }, { ip: freshIp() })).status,
    ).toBe(200);
  });

  it('limits invitations per user, across addresses and instances', async () => {
    const owner = await newUser(a);
    await createEnterprise(a, { via: 'api', owner });
    const invite = (t: TestApp, email: string) =>
      send(t, INVITE, { input: { email, role: 'MEMBER' } }, { ip: freshIp(), token: owner.token });
    expect((await invite(a, uniqueEmail('inv'))).status).toBe(200);
    expect((await invite(b, uniqueEmail('inv'))).status).toBe(200);
    const email = uniqueEmail('inv');
    expectRateLimited(await invite(a, email), 'INVITATIONS_LIMIT');
    const { rows } = await a.sql.query(
      `SELECT count(*)::int AS n FROM organization_invitations WHERE email = $1`,
      [email],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('the Redis store (REDIS_URL)', () => {
  const prefix = `rltest${randomBytes(4).toString('hex')}`;
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    await redis.connect();
    const env = {
      RATE_LIMIT_ENABLED: 'true',
      TRUST_PROXY: 'true',
      REDIS_URL: 'redis://127.0.0.1:6379',
      RATE_LIMIT_KEY_PREFIX: prefix,
      RATE_LIMIT_REGISTER_PER_HOUR: '2',
      LOGIN_MAX_FAILURES: '2',
    };
    a = await startTestApp({ env });
    b = await startTestApp({ env, databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('shares the budgets of both instances through Redis, not the database', async () => {
    const ip = freshIp();
    expect((await register(a, ip)).status).toBe(200);
    expect((await register(b, ip)).status).toBe(200);
    expectRateLimited(await register(a, ip), 'REGISTER_LIMIT');
    expect(await redis.get(`${prefix}:budget-register:ip:${ip}`)).toBe('3');
    expect((await a.sql.query(`SELECT 1 FROM rate_limits`)).rowCount).toBe(0);

    const user = await newUser(a);
    const stranger = freshIp();
    await login(a, user.email, 'wrong', stranger);
    await login(b, user.email, 'wrong', stranger);
    expectRateLimited(await login(a, user.email, user.password, stranger), 'TOO_MANY_ATTEMPTS');
    expect((await login(b, user.email, user.password, freshIp())).status).toBe(200);
  });
});

describe('a failing store', () => {
  it('PostgreSQL: the requests are answered, limited in memory, never a 500', async () => {
    const t = await startTestApp({
      env: {
        RATE_LIMIT_ENABLED: 'true',
        TRUST_PROXY: 'true',
        RATE_LIMIT_REGISTER_PER_HOUR: '2',
        LOGIN_MAX_FAILURES: '2',
      },
    });
    try {
      await t.sql.query(`ALTER TABLE rate_limits RENAME TO rate_limits_gone`);
      const ip = freshIp();
      expect((await register(t, ip)).status).toBe(200);
      expect((await register(t, ip)).status).toBe(200);
      expectRateLimited(await register(t, ip), 'REGISTER_LIMIT');
      const user = await newUser(t);
      expect((await login(t, user.email, 'wrong', ip)).body.errors?.[0].extensions?.reason).toBe(
        'INVALID_CREDENTIALS',
      );
      expect((await login(t, user.email, user.password, ip)).status).toBe(200);
    } finally {
      await t.sql.query(`ALTER TABLE IF EXISTS rate_limits_gone RENAME TO rate_limits`);
      await t.close();
    }
  });

  it('Redis unreachable: the requests are answered, limited in memory, never a 500', async () => {
    const t = await startTestApp({
      env: {
        RATE_LIMIT_ENABLED: 'true',
        TRUST_PROXY: 'true',
        REDIS_URL: 'redis://127.0.0.1:1',
        RATE_LIMIT_REGISTER_PER_HOUR: '2',
      },
    });
    try {
      const ip = freshIp();
      expect((await register(t, ip)).status).toBe(200);
      expect((await register(t, ip)).status).toBe(200);
      expectRateLimited(await register(t, ip), 'REGISTER_LIMIT');
      const user = await newUser(t);
      expect((await login(t, user.email, user.password, freshIp())).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
