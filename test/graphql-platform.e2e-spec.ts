import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createUser } from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('GraphQL platform: error model and limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (body: unknown, contentType = 'application/json') =>
    request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', contentType)
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  it('masks an unexpected failure: INTERNAL_SERVER_ERROR with a request id, no SQL or table names', async () => {
    const user = await createUser(t);
    // Break the database under the running service: the next `me` fails inside a query.
    await t.sql.query(`ALTER TABLE users RENAME COLUMN display_name TO display_name_gone`);
    try {
      const res = await t.gql.as(user.token).send(`{ me { id displayName } }`);
      expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors?.[0].message).toBe('Internal server error');
      expect(res.errors?.[0].extensions?.requestId).toEqual(res.headers['x-request-id']);
      expect(res.text).not.toMatch(/display_name|users|SELECT|does not exist|stacktrace/i);
    } finally {
      await t.sql.query(`ALTER TABLE users RENAME COLUMN display_name_gone TO display_name`);
    }
  });

  it('generates the request id; a sane client id comes back only as the correlation id', async () => {
    const res = await post({ query: '{ __typename }' }).set('x-request-id', 'trace-abc-123');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-correlation-id']).toBe('trace-abc-123');
    const odd = await post({ query: '{ __typename }' }).set('x-request-id', 'bad id with spaces');
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses unknown fields and unknown input fields as GRAPHQL_VALIDATION_FAILED', async () => {
    const res = await t.gql.send(`{ nope }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a depth bomb quickly', async () => {
    let q = '__typename';
    for (let i = 0; i < 30; i += 1) q = `me { ${q} }`;
    const started = Date.now();
    const res = await post({ query: `{ ${q} }` });
    expect(res.status).toBeGreaterThanOrEqual(400);
    // Whichever limit trips first (depth or cost), the document is refused before it runs.
    expect(res.body.errors[0].message).toMatch(/depth|cost/i);
    expect(res.body.data).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses 100 aliases', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await post({ query: `{ ${aliases} }` });
    expect(res.body.errors[0].message).toMatch(/alias/i);
    expect(res.body.data).toBeUndefined();
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: 3000 }, () => '__typename').join(' ');
    const res = await post({ query: `{ ${fields} }` });
    expect(res.body.errors[0].message).toMatch(/token/i);
  });

  it('refuses batched (array) requests', async () => {
    const res = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/batch/i);
  });

  it('refuses malformed JSON with 400, not 500', async () => {
    const res = await post('{"query": "{ __typename }"', 'application/json');
    expect(res.status).toBe(400);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await post({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
  });

  it('refuses a wrong content type (CSRF prevention) without running the operation', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send('{ __typename }');
    expect([400, 415]).toContain(res.status);
    expect(res.status).not.toBe(500);
  });

  it('refuses a mutation sent with GET', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/graphql')
      .query({ query: 'mutation { logout { ok } }' })
      .set('apollo-require-preflight', 'true');
    expect(res.status).toBe(405);
  });

  it('answers input validation with BAD_USER_INPUT listing each field and reason', async () => {
    const error = await t.gql.fails(
      `mutation { register(input: { email: "x", password: "short", displayName: "" }) { user { id } } }`,
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fields?.map((f) => f.field).sort()).toEqual([
      'displayName',
      'email',
      'password',
    ]);
  });

  it('caps page size at 100 with BAD_USER_INPUT', async () => {
    const admin = await createUser(t, { roles: ['ADMIN' as never] });
    const res = await t.gql.as(admin.token).send(`{ users(first: 101) { edges { node { id } } } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.errors?.[0].extensions?.fields?.[0].field).toBe('first');
    const bad = await t.gql
      .as(admin.token)
      .send(`{ users(after: "not-a-cursor") { edges { node { id } } } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages the admin user list with keyset cursors, no row twice or skipped', async () => {
    const admin = await createUser(t, { roles: ['ADMIN' as never] });
    for (let i = 0; i < 5; i += 1) await createUser(t);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const data: {
        users: {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await t.gql
        .as(admin.token)
        .ok(
          `query($after: String) { users(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
      seen.push(...data.users.edges.map((e) => e.node.id));
      if (!data.users.pageInfo.hasNextPage) break;
      after = data.users.pageInfo.endCursor;
    }
    const { rows } = await t.sql.query(`SELECT id FROM users ORDER BY created_at DESC, id DESC`);
    expect(seen).toEqual(rows.map((r: { id: string }) => r.id));
  });
});

describe('GraphQL platform in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    const res = await t.gql.send(`{ __schema { queryType { name } } }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.text).not.toContain('queryType":{');
  });

  it('gives no "did you mean" suggestions', async () => {
    const res = await t.gql.send(`{ mee { id } }`);
    expect(res.text).not.toMatch(/did you mean/i);
  });

  it('serves no GraphiQL page', async () => {
    const res = await request(t.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(res.text).not.toMatch(/graphiql/i);
  });

  it('masks unexpected errors without a stack trace', async () => {
    const user = await createUser(t);
    await t.sql.query(`ALTER TABLE users RENAME COLUMN locale TO locale_gone`);
    try {
      const res = await t.gql.as(user.token).send(`{ me { id locale } }`);
      expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors?.[0].extensions?.stacktrace).toBeUndefined();
      expect(res.text).not.toMatch(/locale_gone|users|at /);
    } finally {
      await t.sql.query(`ALTER TABLE users RENAME COLUMN locale_gone TO locale`);
    }
  });
});
