import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createAdmin, createUser, uniqueEmail } from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The GraphQL/HTTP protocol layer as a hostile client sees it, in production mode, with compiled execution on
 * from the first run (the tests' GRAPHQL_COMPILE_AFTER_RUNS=0): operation selection, parse failures and the
 * token limit, suggestions, persisted queries, the request id, and one error shape for the HTTP layer.
 */
describe('protocol hardening (production mode)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  const server = () => t.app.getHttpServer();
  const post = (body: unknown, contentType = 'application/json') =>
    request(server())
      .post('/graphql')
      .set('content-type', contentType)
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  /** Every error carries a code, and the request id that the response header names. */
  const expectShape = (res: request.Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
    const errors = (
      res.body as { errors?: { message: string; extensions: Record<string, unknown> }[] }
    ).errors;
    expect(errors?.length).toBeGreaterThanOrEqual(1);
    expect(errors?.[0].message).toEqual(expect.any(String));
    expect(errors?.[0].extensions.code).toBe(code);
    expect(errors?.[0].extensions.requestId).toBe(res.headers['x-request-id']);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.data).toBeUndefined();
    return errors![0];
  };

  describe('a wrong operationName executes nothing (item 1)', () => {
    it('POST: unknown operationName is a 400 and creates no user, however often it is sent', async () => {
      const email = uniqueEmail('opname');
      const query = `mutation a { register(input: { email: "${email}", password: "correct-horse-battery", displayName: "X" }) { user { id } } }`;
      for (let i = 0; i < 4; i += 1) {
        const res = await post({ query, operationName: 'zzz' });
        const error = expectShape(res, 400, 'OPERATION_RESOLUTION_FAILURE');
        expect(error.message).toBe('Unknown operation named "zzz".');
      }
      const { rows } = await t.sql.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
      expect(rows).toEqual([]);
      // The same document with its right name runs (the refusal was about the name, not the document).
      const ok = await post({ query, operationName: 'a' });
      expect(ok.status).toBe(200);
      expect(ok.body.data.register.user.id).toEqual(expect.any(String));
    });

    it('GET: a mutation is a 405 whatever operationName says, and the session survives', async () => {
      const user = await createUser(t);
      for (const operationName of ['zzz', 'a', undefined, 'zzz']) {
        const res = await request(server())
          .get('/graphql')
          .query({
            query: 'mutation a { logout { ok } }',
            ...(operationName ? { operationName } : {}),
          })
          .set('apollo-require-preflight', 'true')
          .set('authorization', `Bearer ${user.token}`);
        const error = expectShape(res, 405, 'BAD_USER_INPUT');
        expect(error.extensions.reason).toBe('METHOD_NOT_ALLOWED');
        expect(res.headers.allow).toBe('POST');
      }
      // A GET document holding a query and a mutation: the mutation is refused even when the name is unknown.
      const mixed = await request(server())
        .get('/graphql')
        .query({
          query: 'query q { __typename } mutation a { logout { ok } }',
          operationName: 'zzz',
        })
        .set('apollo-require-preflight', 'true')
        .set('authorization', `Bearer ${user.token}`);
      expect(mixed.status).toBe(405);
      const me = await t.gql.as(user.token).send(`{ me { id } }`);
      expect(me.errors).toBeUndefined();
      expect(me.data).toEqual({ me: { id: user.id } });
      // A query over GET still runs, and picks its operation by name.
      const get = await request(server())
        .get('/graphql')
        .query({ query: 'query q { __typename } mutation a { logout { ok } }', operationName: 'q' })
        .set('apollo-require-preflight', 'true');
      expect(get.status).toBe(200);
      expect(get.body).toEqual({ data: { __typename: 'Query' } });
    });

    it('two operations and no operationName: 400 every time, never 500', async () => {
      const email = uniqueEmail('twoops');
      const register = `register(input: { email: "${email}", password: "correct-horse-battery", displayName: "X" }) { user { id } }`;
      for (const query of [
        `mutation a { ${register} } query b { __typename }`,
        `mutation { ${register} } mutation { ${register} }`,
      ]) {
        for (let i = 0; i < 3; i += 1) {
          const res = await post({ query });
          expect(res.status).toBe(400);
          expect(res.body.errors[0].extensions.code).toMatch(
            /^(OPERATION_RESOLUTION_FAILURE|GRAPHQL_VALIDATION_FAILED)$/,
          );
          expect(res.body.errors[0].extensions.requestId).toBe(res.headers['x-request-id']);
          expect(res.body.data).toBeUndefined();
        }
      }
      const named = await post({ query: `mutation a { ${register} } query b { __typename }` });
      expect(named.body.errors[0].message).toBe(
        'Must provide operation name if query contains multiple operations.',
      );
      const { rows } = await t.sql.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
      expect(rows).toEqual([]);
    });
  });

  describe('parse failures and the token limit (item 2)', () => {
    it('a syntax error is GRAPHQL_PARSE_FAILED, 400, with a request id', async () => {
      for (let i = 0; i < 2; i += 1) {
        const error = expectShape(await post({ query: 'test' }), 400, 'GRAPHQL_PARSE_FAILED');
        expect(error.message).toMatch(/^Syntax Error/);
      }
    });

    it('2,000 __typename selections are refused by the token limit: GRAPHQL_PARSE_FAILED, 400, with a request id', async () => {
      const fields = Array.from({ length: 2000 }, () => '__typename').join(' ');
      for (let i = 0; i < 2; i += 1) {
        const error = expectShape(
          await post({ query: `{ ${fields} }` }),
          400,
          'GRAPHQL_PARSE_FAILED',
        );
        expect(error.extensions.reason).toBe('TOO_MANY_TOKENS');
        // Production does not say where the limit is.
        expect(error.message).not.toMatch(/\d/);
      }
    });

    it('900-deep nesting is refused as GRAPHQL_PARSE_FAILED, 400, with a request id', async () => {
      const query = `${'{ a '.repeat(900)}${'} '.repeat(900)}`;
      expectShape(await post({ query }), 400, 'GRAPHQL_PARSE_FAILED');
    });
  });

  describe('no suggestions in production (item 3)', () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['field', `{ mee { id } }`, {}],
      ['argument', `{ challenges(ordrBy: NEWEST) { edges { node { id } } } }`, {}],
      [
        'type',
        `query($o: ChallengeOrderB) { challenges(orderBy: $o) { edges { node { id } } } }`,
        {},
      ],
      ['enum literal', `{ challenges(orderBy: NEWES) { edges { node { id } } } }`, {}],
      [
        'input field literal',
        `{ challenges(filter: { statuse: [OPEN] }) { edges { node { id } } } }`,
        {},
      ],
      [
        'enum variable',
        `query($o: ChallengeOrderBy) { challenges(orderBy: $o) { edges { node { id } } } }`,
        { o: 'NEWES' },
      ],
      [
        'input field variable',
        `query($f: ChallengeFilterInput) { challenges(filter: $f) { edges { node { id } } } }`,
        { f: { statuse: ['OPEN'] } },
      ],
    ];
    // (Every case has its three values: jest would take a missing one for a `done` callback.)
    it.each(cases)(
      '%s: neither "did you mean" nor a hidden-suggestion marker',
      async (_kind, query, variables) => {
        const res = await post({ query, variables });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions.code).toMatch(
          /^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/,
        );
        expect(res.text).not.toMatch(
          /did you mean|suggestion|NEWEST|statuses|"me"|orderBy"|ChallengeOrderBy"\?/i,
        );
      },
    );
  });

  describe('persisted queries are off (item 4)', () => {
    it('a hash alone, a wrong hash and a hash with its query: PERSISTED_QUERY_NOT_SUPPORTED, 400', async () => {
      const sha256Hash = 'a'.repeat(64);
      const bodies = [
        { extensions: { persistedQuery: { version: 1, sha256Hash } } },
        { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash } } },
      ];
      for (const body of bodies)
        expectShape(await post(body), 400, 'PERSISTED_QUERY_NOT_SUPPORTED');
      const get = await request(server())
        .get('/graphql')
        .query({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }) })
        .set('apollo-require-preflight', 'true');
      expectShape(get, 400, 'PERSISTED_QUERY_NOT_SUPPORTED');
    });
  });

  describe('the server chooses the request id (item 6)', () => {
    it('two requests with one client x-request-id get different stored ids, each equal to the response header', async () => {
      const admin = await createAdmin(t);
      const user = await createUser(t);
      const clientId = 'reused-client-id-1';
      const ids: string[] = [];
      for (const action of ['suspendUser', 'reinstateUser']) {
        const res = await request(server())
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('authorization', `Bearer ${admin.token}`)
          .set('x-request-id', clientId)
          .send({
            query: `mutation($input: UserDecisionInput!) { ${action}(input: $input) { user { status } } }`,
            variables: { input: { userId: user.id, reason: '核实身份信息' } },
          });
        expect(res.body.errors).toBeUndefined();
        expect(res.headers['x-request-id']).not.toBe(clientId);
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        // The client's id is kept only as a labelled correlation value.
        expect(res.headers['x-correlation-id']).toBe(clientId);
        ids.push(res.headers['x-request-id']);
      }
      const { rows } = await t.sql.query<{ action: string; request_id: string }>(
        `SELECT action, request_id FROM audit_events WHERE entity_type = 'User' AND entity_id = $1 ORDER BY seq`,
        [user.id],
      );
      expect(rows.map((r) => r.request_id)).toEqual(ids);
      expect(new Set(ids).size).toBe(2);
      expect(rows.map((r) => r.request_id)).not.toContain(clientId);
    });

    it('an insane client id is not echoed', async () => {
      const res = await post({ query: '{ __typename }' }).set(
        'x-request-id',
        'bad id\twith spaces',
      );
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['x-correlation-id']).toBeUndefined();
    });
  });

  describe('one error shape for the HTTP layer (item 12)', () => {
    it('malformed JSON: 400 BAD_USER_INPUT / MALFORMED_JSON', async () => {
      const error = expectShape(
        await post('{"query": "{ __typename }"', 'application/json'),
        400,
        'BAD_USER_INPUT',
      );
      expect(error.extensions.reason).toBe('MALFORMED_JSON');
    });

    it('a body over the limit: 413 BAD_USER_INPUT / BODY_TOO_LARGE', async () => {
      const error = expectShape(
        await post({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }),
        413,
        'BAD_USER_INPUT',
      );
      expect(error.extensions.reason).toBe('BODY_TOO_LARGE');
    });

    it('an unsupported content type: 415 BAD_USER_INPUT / UNSUPPORTED_MEDIA_TYPE', async () => {
      const error = expectShape(await post('<q/>', 'application/xml'), 415, 'BAD_USER_INPUT');
      expect(error.extensions.reason).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('the CSRF refusal: 400 BAD_USER_INPUT / CSRF_PREVENTED, nothing run', async () => {
      const email = uniqueEmail('csrf');
      const res = await post(
        `mutation { register(input: { email: "${email}", password: "correct-horse-battery", displayName: "X" }) { user { id } } }`,
        'text/plain',
      );
      const error = expectShape(res, 400, 'BAD_USER_INPUT');
      expect(error.extensions.reason).toBe('CSRF_PREVENTED');
      const { rows } = await t.sql.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
      expect(rows).toEqual([]);
    });

    it('an unknown route: 404 NOT_FOUND; an unknown method on /graphql: 405 or 404 in the same shape', async () => {
      const error = expectShape(await request(server()).get('/nope'), 404, 'NOT_FOUND');
      expect(error.extensions.reason).toBe('ROUTE_NOT_FOUND');
      const put = expectShape(
        await request(server()).put('/graphql').set('content-type', 'application/json').send('{}'),
        404,
        'NOT_FOUND',
      );
      expect(put.extensions.reason).toBe('ROUTE_NOT_FOUND');
    });

    it("Apollo's refusals of a malformed request: 400 BAD_USER_INPUT / BAD_REQUEST with the request id", async () => {
      for (const body of [
        [{ query: '{ __typename }' }],
        { variables: {} },
        { query: '{ __typename }', variables: 'nope' },
      ]) {
        const error = expectShape(await post(body), 400, 'BAD_USER_INPUT');
        expect(error.extensions.reason).toBe('BAD_REQUEST');
      }
    });

    it('health endpoints keep their own shape', async () => {
      const res = await request(server()).get('/health/live');
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
    });
  });
});

/**
 * The same refusal whichever way operations execute: the service's default (graphql-js for a document's first
 * run, compiled from the second: the first defect ran the mutation on its first send) and with compiled
 * execution off.
 */
describe.each([
  ['compiled from the second run (the production default)', { GRAPHQL_COMPILE_AFTER_RUNS: '1' }],
  ['compiled execution off', { GRAPHQL_COMPILED_EXECUTION: 'false' }],
])('a wrong operationName executes nothing: %s', (_mode, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production', ...env } });
  });
  afterAll(() => t.close());

  it('POST and GET: refused every time, no user created, the session intact', async () => {
    const email = uniqueEmail('opmode');
    const query = `mutation a { register(input: { email: "${email}", password: "correct-horse-battery", displayName: "X" }) { user { id } } }`;
    for (let i = 0; i < 3; i += 1) {
      const res = await request(t.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query, operationName: 'zzz' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    }
    expect((await t.sql.query(`SELECT 1 FROM users WHERE email = $1`, [email])).rows).toEqual([]);
    const user = await createUser(t);
    for (let i = 0; i < 3; i += 1) {
      const res = await request(t.app.getHttpServer())
        .get('/graphql')
        .query({ query: 'mutation a { logout { ok } }', operationName: 'zzz' })
        .set('apollo-require-preflight', 'true')
        .set('authorization', `Bearer ${user.token}`);
      expect(res.status).toBe(405);
    }
    expect(await t.gql.as(user.token).ok(`{ me { id } }`)).toEqual({ me: { id: user.id } });
  });
});
