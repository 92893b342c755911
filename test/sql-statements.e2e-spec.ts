import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SQL_COUNT_REQUEST_HEADER } from '../src/database/sql-counter.js';
import { createAdmin, type Persona } from './support/factories/index.js';
import { GraphqlClient, type GqlResponse } from './support/graphql-client.js';
import { assertConstantStatements, expectConstantStatements } from './support/sql-statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const USERS = `query($first: Int, $after: String, $filter: UserFilterInput) {
  users(first: $first, after: $after, filter: $filter) { edges { cursor node { id email displayName platformRoles status createdAt } } pageInfo { hasNextPage endCursor } }
}`;

/** A client whose server runs one more statement per item: what an N+1 resolver looks like from outside. */
class GrowingStatementsClient extends GraphqlClient {
  constructor() {
    super(undefined as never);
  }

  override async send<T>(
    _query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>> {
    const first = Number(variables?.first);
    const data = {
      list: { edges: Array.from({ length: first }, (_, i) => ({ node: { id: String(i) } })) },
    } as T;
    return {
      status: 200,
      data,
      errors: undefined,
      text: '',
      headers: {},
      sqlStatements: 2 + first,
    };
  }
}

describe('N+1 guard: SQL statements per list request', () => {
  let t: TestApp;
  let admin: Persona;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    // Enough accounts to fill a page of 20 with the filter too (arranged in SQL: hashing 25 passwords is slow).
    await t.sql.query(
      `INSERT INTO users (email, password_hash, display_name)
       SELECT format('guard-%s@example.cn', i), 'not-a-hash', format('储能工程师 %s', i) FROM generate_series(1, 25) AS i`,
    );
  });
  afterAll(() => t.close());

  it('counts only the requests that ask (x-count-sql: 1), so that the benchmark can sample them', async () => {
    const send = (ask: boolean) => {
      const req = request(t.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${admin.token}`);
      return (ask ? req.set(SQL_COUNT_REQUEST_HEADER, '1') : req).send({
        query: USERS,
        variables: { first: 2 },
      });
    };
    const [asked, unasked] = [await send(true), await send(false)];
    expect(asked.status).toBe(200);
    expect(Number(asked.headers['x-sql-statements'])).toBeGreaterThan(0);
    expect(unasked.status).toBe(200);
    expect(unasked.body.data.users.edges).toHaveLength(2);
    expect(unasked.headers['x-sql-statements']).toBeUndefined();
  });

  it('counts the same statements for the users list at 2 and 20 items per page', async () => {
    const samples = await expectConstantStatements(t.gql.as(admin.token), USERS, (first) => ({
      first,
    }));
    expect(samples.map((s) => s.items)).toEqual([2, 20]);
    expect(samples[0].statements).toBeGreaterThan(0);
    expect(samples[1].statements).toBe(samples[0].statements);
  });

  it('counts the same statements for a filtered page after a cursor', async () => {
    const first = await t.gql
      .as(admin.token)
      .ok<{ users: { pageInfo: { endCursor: string } } }>(USERS, {
        first: 1,
        filter: { search: '储能' },
      });
    await expectConstantStatements(t.gql.as(admin.token), USERS, (n) => ({
      first: n,
      after: first.users.pageInfo.endCursor,
      filter: { search: '储能', status: 'ACTIVE' },
    }));
  });

  it('fails when the statement count grows with the page size', () => {
    expect(() =>
      assertConstantStatements([
        { pageSize: 2, items: 2, statements: 3 },
        { pageSize: 20, items: 20, statements: 21 },
      ]),
    ).toThrow(
      'runs more SQL as the page grows (N+1): 3 statements for 2 items, 21 statements for 20 items',
    );
    expect(() =>
      assertConstantStatements([
        { pageSize: 20, items: 20, statements: 4 },
        { pageSize: 2, items: 2, statements: 3 },
      ]),
    ).toThrow('N+1');
    expect(() =>
      assertConstantStatements([
        { pageSize: 2, items: 2, statements: 3 },
        { pageSize: 20, items: 20, statements: 3 },
      ]),
    ).not.toThrow();
  });

  it('fails a request whose server runs one statement per item', async () => {
    await expect(
      expectConstantStatements(
        new GrowingStatementsClient(),
        `{ list { edges { node { id } } } }`,
        (first) => ({ first }),
      ),
    ).rejects.toThrow(
      'list runs more SQL as the page grows (N+1): 4 statements for 2 items, 22 statements for 20 items',
    );
  });

  it('refuses to compare pages that are not full, since an empty page proves nothing', async () => {
    await expect(
      expectConstantStatements(t.gql.as(admin.token), USERS, (first) => ({
        first,
        filter: { search: 'guard-1@' },
      })),
    ).rejects.toThrow('users returned 1 items for a page of 2');
  });

  it('reports a failing request instead of comparing its counts', async () => {
    await expect(expectConstantStatements(t.gql, USERS, (first) => ({ first }))).rejects.toThrow(
      'users failed',
    );
  });
});
