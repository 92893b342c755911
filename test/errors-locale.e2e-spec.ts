import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { ERROR_REASONS } from '../src/app/error-catalogue.js';
import { createUser, type Persona } from './support/factories/index.js';
import { assertCataloguedErrors, type GqlError } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Errors in the caller's language: the signed-in user's locale, else Accept-Language, else English. The code,
 * the reason and the fields' paths are the same in both languages; in Chinese the message is the catalogue's
 * Chinese text for the reason, the English one kept in `extensions.detail`.
 */
const ZH = new Map(ERROR_REASONS.map((r) => [r.reason as string, r.entry.zh]));
const HAN = /[\u4e00-\u9fff]/;

const CHALLENGE = `query($id: ID!) { challenge(id: $id) { id } }`;
const REVIEW_QUEUE = `{ challengeReviewQueue { edges { node { id } } } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`;

/** What does not depend on the language: code, reason, the fields' paths. */
function invariant(error: GqlError | undefined): unknown {
  return {
    code: error?.extensions?.code,
    reason: error?.extensions?.reason,
    fields: error?.extensions?.fields?.map((f) => f.field),
  };
}

function expectChinese(error: GqlError | undefined): void {
  const reason = String(error?.extensions?.reason);
  expect(error?.message).toBe(ZH.get(reason));
  expect(error?.message).toMatch(HAN);
}

function expectEnglish(error: GqlError | undefined): void {
  expect(error?.message).not.toMatch(HAN);
  expect(error?.extensions?.detail).toBeUndefined();
}

describe('errors in the caller’s language', () => {
  let t: TestApp;
  let zh: Persona;
  let en: Persona;
  beforeAll(async () => {
    t = await startTestApp();
    zh = await createUser(t, { locale: 'ZH_CN' });
    en = await createUser(t, { locale: 'EN' });
  });
  afterAll(() => t?.close());

  it('a zh-CN user and an en user get the same code, reason and fields, each in their language', async () => {
    const samples: [string, string, Record<string, unknown> | undefined][] = [
      ['BAD_USER_INPUT', CHALLENGE, { id: 'nope' }],
      ['NOT_FOUND', CHALLENGE, { id: randomUUID() }],
      ['FORBIDDEN', REVIEW_QUEUE, undefined],
    ];
    for (const [code, query, variables] of samples) {
      const inZh = await t.gql.as(zh.token).send(query, variables);
      const inEn = await t.gql.as(en.token).send(query, variables);
      expect(inZh.errors?.[0].extensions?.code).toBe(code);
      expect(invariant(inZh.errors?.[0])).toEqual(invariant(inEn.errors?.[0]));
      expectChinese(inZh.errors?.[0]);
      expectEnglish(inEn.errors?.[0]);
      // The English message, with its specifics, is kept for the Chinese reader.
      expect(inZh.errors?.[0].extensions?.detail).toBe(inEn.errors?.[0].message);
      expect(inZh.headers['content-language']).toBe('zh-CN');
      expect(inEn.headers['content-language']).toBe('en');
      // The user's locale wins over the request's Accept-Language.
      const browser = await t.gql.as(zh.token).language('en-US,en;q=0.9').send(query, variables);
      expectChinese(browser.errors?.[0]);
    }
  });

  it('a field’s message is translated when it is a common refusal, its English kept beside it', async () => {
    const inZh = await t.gql.as(zh.token).send(CHALLENGE, { id: 'nope' });
    const inEn = await t.gql.as(en.token).send(CHALLENGE, { id: 'nope' });
    expect(inEn.errors?.[0].extensions?.fields).toEqual([
      { field: 'id', message: 'must be a UUID' },
    ]);
    expect(inZh.errors?.[0].extensions?.fields).toEqual([
      { field: 'id', message: '必须是 UUID', detail: 'must be a UUID' },
    ]);
    // class-validator's refusals: the same fields, in Chinese.
    const input = { email: 'not-an-email', password: 'short', displayName: 'X' };
    const zhInput = await t.gql.as(zh.token).send(REGISTER, { input });
    const enInput = await t.gql.as(en.token).send(REGISTER, { input });
    expect(invariant(zhInput.errors?.[0])).toEqual(invariant(enInput.errors?.[0]));
    expect(zhInput.errors?.[0].extensions?.reason).toBe('INVALID_INPUT');
    const zhFields = zhInput.errors?.[0].extensions?.fields ?? [];
    expect(zhFields.length).toBeGreaterThanOrEqual(2);
    for (const f of zhFields) expect(f.message).toMatch(HAN);
    for (const f of enInput.errors?.[0].extensions?.fields ?? [])
      expect(f.message).not.toMatch(HAN);
  });

  it('a conflict is answered in the signed-in user’s language', async () => {
    const input = { email: en.email, password: 'another password 123', displayName: 'Twice' };
    const inZh = await t.gql.as(zh.token).send(REGISTER, { input });
    const inEn = await t.gql.as(en.token).send(REGISTER, { input });
    expect(inZh.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
    expect(invariant(inZh.errors?.[0])).toEqual(invariant(inEn.errors?.[0]));
    expectChinese(inZh.errors?.[0]);
    expectEnglish(inEn.errors?.[0]);
  });

  it('anonymous requests (and a token that is not valid) follow Accept-Language; English without it', async () => {
    for (const client of [t.gql, t.gql.as('not-a-valid-token')]) {
      const query = `{ me { id } }`;
      const chinese = await client.language('zh-CN,zh;q=0.9,en;q=0.8').send(query);
      const english = await client.language('en-GB').send(query);
      const preferred = await client.language('en;q=0.5, zh-Hans;q=0.8').send(query);
      const none = await client.send(query);
      const other = await client.language('fr-FR, de;q=0.9').send(query);
      expect(chinese.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(invariant(chinese.errors?.[0])).toEqual(invariant(english.errors?.[0]));
      expectChinese(chinese.errors?.[0]);
      expectChinese(preferred.errors?.[0]);
      expectEnglish(english.errors?.[0]);
      expectEnglish(none.errors?.[0]);
      expectEnglish(other.errors?.[0]);
      expect(none.errors?.[0].message).toBe(english.errors?.[0].message);
      expect(chinese.headers['content-language']).toBe('zh-CN');
    }
  });

  it('a GraphQL document that is not valid has its code’s generic Chinese text', async () => {
    const res = await t.gql.as(zh.token).send(`{ nope }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Validation runs before the session is checked: the request's language applies.
    expectEnglish(res.errors?.[0]);
    const zhRes = await t.gql.language('zh').send(`{ nope }`);
    expect(zhRes.errors?.[0].message).toMatch(HAN);
    expect(zhRes.errors?.[0].extensions?.detail).toBe(res.errors?.[0].message);
  });

  it('refusals of the HTTP layer, before GraphQL runs, follow Accept-Language', async () => {
    const server = t.app.getHttpServer() as App;
    const malformed = (language?: string) => {
      let req = request(server).post('/graphql').set('content-type', 'application/json');
      if (language) req = req.set('accept-language', language);
      return req.send('{"query": ');
    };
    const zhRes = await malformed('zh-CN');
    const enRes = await malformed('en');
    const noneRes = await malformed();
    for (const res of [zhRes, enRes, noneRes]) {
      expect(res.status).toBe(400);
      assertCataloguedErrors(res.body.errors, 'malformed JSON');
      expect(res.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'MALFORMED_JSON',
      });
    }
    expect(zhRes.body.errors[0].message).toBe(ZH.get('MALFORMED_JSON'));
    expect(zhRes.body.errors[0].extensions.detail).toBe('The request body is not valid JSON');
    expect(zhRes.headers['content-language']).toBe('zh-CN');
    expect(enRes.body.errors[0].message).toBe('The request body is not valid JSON');
    expect(noneRes.body.errors[0].message).toBe('The request body is not valid JSON');
    expect(enRes.headers['content-language']).toBe('en');

    const route = await request(server).get('/nowhere').set('accept-language', 'zh');
    expect(route.status).toBe(404);
    expect(route.body.errors[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ROUTE_NOT_FOUND',
    });
    expect(route.body.errors[0].message).toBe(ZH.get('ROUTE_NOT_FOUND'));
  });
});

describe('errors in the caller’s language: the request budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_IP_PER_MINUTE: '10' },
    });
  });
  afterAll(() => t?.close());

  it('RATE_LIMITED is answered in the request’s language', async () => {
    const server = t.app.getHttpServer() as App;
    const ask = (language: string) =>
      request(server)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('accept-language', language)
        .send({ query: '{ __typename }' });
    let zhRes = await ask('zh-CN');
    for (let i = 0; i < 20 && zhRes.status !== 429; i++) zhRes = await ask('zh-CN');
    const enRes = await ask('en');
    expect(zhRes.status).toBe(429);
    expect(enRes.status).toBe(429);
    expect(zhRes.body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'REQUEST_LIMIT',
    });
    expect(zhRes.body.errors[0].extensions.reason).toBe(enRes.body.errors[0].extensions.reason);
    expect(zhRes.body.errors[0].message).toBe(ZH.get('REQUEST_LIMIT'));
    expect(enRes.body.errors[0].message).not.toMatch(HAN);
    expect(zhRes.headers['content-language']).toBe('zh-CN');
  });
});
