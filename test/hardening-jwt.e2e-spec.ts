import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { createUser, type Persona } from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Access-token edge cases beyond test/auth.e2e-spec.ts (OWASP API2, JWT cheat sheet). */
const ME = `{ me { id email } }`;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('access tokens: forged, confused, orphaned and malformed ones are refused', () => {
  let t: TestApp;
  let user: Persona;
  let other: Persona;
  let claims: { sub: string; sid: string; iat: number; exp: number };
  let secret: string;

  /** A token with any header, HMAC-signed with the server's secret whatever the header says. */
  function hmacToken(
    header: Record<string, unknown>,
    payload: Record<string, unknown>,
    algorithm: 'sha256' | 'sha512' = 'sha256',
  ): string {
    const signingInput = `${b64(header)}.${b64(payload)}`;
    return `${signingInput}.${createHmac(algorithm, secret).update(signingInput).digest('base64url')}`;
  }

  async function raw(authorization: string | undefined, query = ME) {
    let req = request(t.app.getHttpServer() as App)
      .post('/graphql')
      .set('content-type', 'application/json');
    if (authorization !== undefined) req = req.set('authorization', authorization);
    return req.send({ query });
  }

  beforeAll(async () => {
    t = await startTestApp();
    secret = t.config.auth.jwtSecret;
    user = await createUser(t);
    other = await createUser(t);
    claims = JSON.parse(
      Buffer.from(user.token.split('.')[1], 'base64url').toString(),
    ) as typeof claims;
  });
  afterAll(() => t.close());

  it('a valid token works, with the scheme in any case (RFC 7235: case-insensitive)', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const res = await raw(`${scheme} ${user.token}`);
      expect(res.body.data?.me?.id).toBe(user.id);
    }
  });

  it('refuses alg none in every spelling, and a token with the signature removed', async () => {
    const [, payload] = user.token.split('.');
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      const res = await t.gql.as(`${b64({ alg, typ: 'JWT' })}.${payload}.`).send(ME);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeFalsy();
    }
    const stripped = user.token.split('.').slice(0, 2).join('.') + '.';
    expect((await t.gql.as(stripped).send(ME)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses HS512 and HS384 with the right secret (the algorithm is pinned to HS256)', async () => {
    const payload = { sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) + 600 };
    for (const algorithm of ['HS512', 'HS384'] as const) {
      const token = new JwtService({ secret }).sign(payload, { algorithm });
      const res = await t.gql.as(token).send(ME);
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_TOKEN',
      });
    }
  });

  it('refuses key confusion: an RS256/ES256 header HMAC-signed with the secret, and a key named in the header', async () => {
    const payload = {
      sub: claims.sub,
      sid: claims.sid,
      iat: claims.iat,
      exp: Math.floor(Date.now() / 1000) + 600,
    };
    for (const alg of ['RS256', 'ES256', 'PS256']) {
      const res = await t.gql.as(hmacToken({ alg, typ: 'JWT' }, payload)).send(ME);
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_TOKEN',
      });
    }
    // an attacker's own RSA key, offered in the header (jwk / jku / kid): never trusted
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = publicKey.export({ format: 'jwk' });
    for (const header of [
      { jwk },
      { jku: 'https://attacker.example/keys.json' },
      { kid: '../../../../dev/null' },
    ]) {
      const token = new JwtService({}).sign(payload, {
        algorithm: 'RS256',
        privateKey,
        header: { alg: 'RS256', ...header } as never,
      });
      const res = await t.gql.as(token).send(ME);
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_TOKEN',
      });
    }
    // an HS256 token with a kid still verifies only against the server's secret
    const kid = hmacToken({ alg: 'HS256', typ: 'JWT', kid: 'other-key' }, payload);
    expect((await t.gql.as(kid).send(ME)).data).toMatchObject({ me: { id: user.id } });
  });

  it('refuses a token without an expiry, and one not valid yet', async () => {
    const noExp = hmacToken(
      { alg: 'HS256', typ: 'JWT' },
      { sub: claims.sub, sid: claims.sid, iat: Math.floor(Date.now() / 1000) },
    );
    expect((await t.gql.as(noExp).send(ME)).errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_TOKEN',
    });
    const notYet = hmacToken(
      { alg: 'HS256', typ: 'JWT' },
      {
        sub: claims.sub,
        sid: claims.sid,
        nbf: Math.floor(Date.now() / 1000) + 3600,
        exp: Math.floor(Date.now() / 1000) + 7200,
      },
    );
    expect((await t.gql.as(notYet).send(ME)).errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_TOKEN',
    });
  });

  it('refuses a session that belongs to another user, and claims that are not ids', async () => {
    const otherClaims = JSON.parse(
      Buffer.from(other.token.split('.')[1], 'base64url').toString(),
    ) as typeof claims;
    const exp = Math.floor(Date.now() / 1000) + 600;
    const swapped = hmacToken(
      { alg: 'HS256', typ: 'JWT' },
      { sub: claims.sub, sid: otherClaims.sid, exp },
    );
    const res = await t.gql.as(swapped).send(ME);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_ENDED',
    });
    expect(res.text).not.toContain(user.email);
    expect(res.text).not.toContain(other.email);
    for (const bad of [
      { sub: 'x', sid: 'y' },
      { sub: claims.sub, sid: "' OR 1=1 --" },
      { sub: 42, sid: [claims.sid] },
      { sub: claims.sub },
    ]) {
      const r = await t.gql.as(hmacToken({ alg: 'HS256', typ: 'JWT' }, { ...bad, exp })).send(ME);
      expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses the token of a deleted user', async () => {
    const doomed = await createUser(t);
    expect((await t.gql.as(doomed.token).send(ME)).data).toMatchObject({ me: { id: doomed.id } });
    await t.sql.query(
      `DELETE FROM refresh_tokens WHERE session_id IN (SELECT id FROM auth_sessions WHERE user_id = $1)`,
      [doomed.id],
    );
    await t.sql.query(`DELETE FROM auth_sessions WHERE user_id = $1`, [doomed.id]);
    await t.sql.query(`DELETE FROM users WHERE id = $1`, [doomed.id]);
    const res = await t.gql.as(doomed.token).send(ME);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_ENDED',
    });
  });

  it('malformed Authorization headers: Bearer without a token, other schemes, very long ones; never a server error', async () => {
    for (const header of [
      'Bearer',
      'Bearer ',
      'bearer',
      'Basic dXNlcjpwYXNz',
      `Token ${user.token}`,
      user.token,
      `Bearer ${user.token} extra`,
      'Bearer .',
      'Bearer ..',
      'Bearer a.b.c',
    ]) {
      const res = await raw(header);
      expect({ header, status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({
        header,
        status: 200,
        code: 'UNAUTHENTICATED',
      });
      expect(res.body.data?.me).toBeFalsy();
    }
    // long but within the HTTP header limit: an invalid token
    const long = await raw(`Bearer ${'a'.repeat(8_000)}.${'b'.repeat(4_000)}.c`);
    expect({ status: long.status, code: long.body.errors?.[0]?.extensions?.code }).toEqual({
      status: 200,
      code: 'UNAUTHENTICATED',
    });
    // beyond it: refused by the HTTP server itself, and the service keeps answering
    const huge = await raw(`Bearer ${'a'.repeat(100_000)}`).catch((error: Error) => ({
      status: 0,
      error,
    }));
    expect([0, 400, 413, 431]).toContain(huge.status);
    expect((await t.gql.as(user.token).send(ME)).data).toMatchObject({ me: { id: user.id } });
  });

  it('a public operation with any of these tokens is served as to an anonymous caller', async () => {
    for (const token of [
      'Bearer',
      `Bearer ${b64({ alg: 'none' })}.${b64(claims)}.`,
      `Bearer ${'x'.repeat(5000)}`,
    ]) {
      const res = await raw(token, `{ technicalFields { edges { node { code } } } }`);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
    }
  });
});
