import { afterEach, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GRAPHIQL_MISSING_MESSAGE, installGraphiql } from './graphiql.js';

/** Over a real socket, one connection per request (Fastify's inject needs a CommonJS module that Jest's ESM mode cannot load). */
async function get(fastify: FastifyInstance, url: string) {
  if (!fastify.server.listening) await fastify.listen({ port: 0, host: '127.0.0.1' });
  const { port } = fastify.server.address() as AddressInfo;
  return new Promise<{ statusCode?: number; headers: IncomingHttpHeaders; body: string }>(
    (resolve, reject) =>
      httpGet({ host: '127.0.0.1', port, path: url, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ statusCode: res.statusCode, headers: res.headers, body }));
      }).on('error', reject),
  );
}

describe('GraphiQL without its packages (an install without development dependencies)', () => {
  let fastify: FastifyInstance;
  afterEach(() => fastify.close());

  it('answers 503 with a line saying what is missing, for the page and its files', async () => {
    fastify = Fastify();
    installGraphiql(fastify, {
      resolvePackageJson: (pkg) => {
        throw Object.assign(new Error(`Cannot find module '${pkg}/package.json'`), {
          code: 'MODULE_NOT_FOUND',
        });
      },
    });
    for (const url of [
      '/graphiql',
      '/graphiql/assets/graphiql@3.9.0/graphiql.min.js',
      '/graphiql/assets/graphiql-start.js',
    ]) {
      const res = await get(fastify, url);
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body).toBe(GRAPHIQL_MISSING_MESSAGE);
      expect(res.body).toMatch(/graphiql, react and react-dom/);
    }
  });

  it('answers 503 when a package is there without its browser build', async () => {
    fastify = Fastify();
    // Each package has its package.json, none its browser build.
    const dir = mkdtempSync(join(tmpdir(), 'graphiql-spec-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '0.0.0' }));
    installGraphiql(fastify, { resolvePackageJson: () => join(dir, 'package.json') });
    try {
      const res = await get(fastify, '/graphiql');
      expect(res.statusCode).toBe(503);
      expect(res.body).toBe(GRAPHIQL_MISSING_MESSAGE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the page once the packages resolve', async () => {
    fastify = Fastify();
    installGraphiql(fastify);
    const res = await get(fastify, '/graphiql');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('/graphiql/assets/graphiql@');
  });
});
