import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ERROR_REASONS } from '../src/app/error-catalogue.js';
import { entryCodes } from '../src/common/error-catalogue.js';
const CHALLENGE_FIELDS = 'id titleZh titleEn status deadline budgetMin budgetMax proposalCount';
import { createUser, createSme } from './support/factories/index.js';
import type { GqlError } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The error catalogue as clients meet it: a sample of error paths (bad input, a refused variable, not found,
 * unauthenticated, forbidden, conflict, the cost limit) answers with a catalogued reason and its code, and the
 * schema's enum ErrorReason lists exactly the catalogue. (Every other e2e response is checked by the client.)
 */
const CATALOGUE = new Map(ERROR_REASONS.map((r) => [r.reason as string, entryCodes(r.entry)]));

function expectCatalogued(error: GqlError | undefined, code: string, reason: string): void {
  expect(error?.extensions).toMatchObject({ code, reason });
  expect(CATALOGUE.get(reason)).toContain(code);
}

const INVITE = `mutation($input: InviteOrganizationMemberInput!) { inviteOrganizationMember(input: $input) { token } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`;

describe('the error catalogue over the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('lists every catalogued reason, described in English and Chinese, as the schema enum ErrorReason', async () => {
    const data = await t.gql.ok<{
      __type: { enumValues: { name: string; description: string }[] } | null;
    }>(`{ __type(name: "ErrorReason") { enumValues { name description } } }`);
    const values = data.__type!.enumValues;
    expect(values.map((v) => v.name).sort()).toEqual([...CATALOGUE.keys()].sort());
    const cost = values.find((v) => v.name === 'COST_OVER_BUDGET')!;
    expect(cost.description).toMatch(/^QUERY_TOO_COMPLEX: .*budget.* \/ .*预算/);
  });

  it('errorReasons answers the whole catalogue to anyone, each reason with its codes and both meanings', async () => {
    const data = await t.gql.ok<{
      errorReasons: { reason: string; module: string; codes: string[]; en: string; zh: string }[];
    }>(`{ errorReasons { reason module codes en zh } }`);
    expect(data.errorReasons.map((r) => r.reason)).toEqual(ERROR_REASONS.map((r) => r.reason));
    for (const row of data.errorReasons) {
      expect(row.codes).toEqual([...CATALOGUE.get(row.reason)!]);
      expect(row.en.length).toBeGreaterThan(0);
      expect(row.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(data.errorReasons.find((r) => r.reason === 'CHALLENGE_NOT_FOUND')).toMatchObject({
      module: 'challenges',
      codes: ['NOT_FOUND'],
    });
  });

  it('bad input: a malformed id is BAD_USER_INPUT INVALID_INPUT naming the argument', async () => {
    const res = await t.gql.send(`query($id: ID!) { challenge(id: $id) { id } }`, { id: 'nope' });
    expectCatalogued(res.errors?.[0], 'BAD_USER_INPUT', 'INVALID_INPUT');
    expect(res.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('a refused enum value in a variable is BAD_USER_INPUT INVALID_VARIABLE naming the field', async () => {
    const owner = await createUser(t);
    const colleague = await createUser(t);
    await createSme(t, { via: 'api', owner });
    const res = await t.gql
      .as(owner.token)
      .send(INVITE, { input: { email: colleague.email, role: 'OWNER' } });
    expect(res.status).toBe(400);
    expectCatalogued(res.errors?.[0], 'BAD_USER_INPUT', 'INVALID_VARIABLE');
    expect(res.errors?.[0].extensions?.fields).toEqual([
      { field: 'input.role', message: expect.stringContaining('InvitableRole') },
    ]);
    // A missing required variable names the variable.
    const missing = await t.gql.send(`query($id: ID!) { challenge(id: $id) { id } }`);
    expectCatalogued(missing.errors?.[0], 'BAD_USER_INPUT', 'INVALID_VARIABLE');
    expect(missing.errors?.[0].extensions?.fields).toEqual([
      expect.objectContaining({ field: '$id' }),
    ]);
  });

  it('not found, unauthenticated, forbidden and conflict answer with catalogued reasons', async () => {
    const user = await createUser(t);
    const notFound = await t.gql
      .as(user.token)
      .send(`query($id: ID!) { challenge(id: $id) { id } }`, { id: randomUUID() });
    expectCatalogued(notFound.errors?.[0], 'NOT_FOUND', 'CHALLENGE_NOT_FOUND');

    const anonymous = await t.gql.send(`{ me { id } }`);
    expectCatalogued(anonymous.errors?.[0], 'UNAUTHENTICATED', 'NOT_AUTHENTICATED');

    const forbidden = await t.gql
      .as(user.token)
      .send(`{ challengeReviewQueue { edges { node { id } } } }`);
    expectCatalogued(forbidden.errors?.[0], 'FORBIDDEN', 'ADMIN_ONLY');

    const again = await t.gql.send(REGISTER, {
      input: { email: user.email, password: 'another password 123', displayName: 'Twice' },
    });
    expectCatalogued(again.errors?.[0], 'CONFLICT', 'EMAIL_TAKEN');
  });
});

describe('the error catalogue over the API: the cost limit', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ env: { GRAPHQL_MAX_COST: '1000' } });
  });
  afterAll(() => small?.close());

  it('is QUERY_TOO_COMPLEX COST_OVER_BUDGET', async () => {
    const res = await small.gql.send(
      `query { challenges(first: 100) { edges { node { ${CHALLENGE_FIELDS} } } } }`,
    );
    expect(res.status).toBe(400);
    expectCatalogued(res.errors?.[0], 'QUERY_TOO_COMPLEX', 'COST_OVER_BUDGET');
  });
});
