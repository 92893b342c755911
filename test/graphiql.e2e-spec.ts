import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { createUser } from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it when it is missing). */
const CHROMIUM = '/usr/bin/chromium';

async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The GraphiQL browser test needs Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\``,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

interface Watched {
  /** Requests to any host but the service's (each aborted). */
  outside: string[];
  /** The bodies and content types of the page's posts to /graphql. */
  posts: { contentType: string | undefined; body: string | null; authorization?: string }[];
  /**
   * Console errors and uncaught page errors. The page's Content-Security-Policy blocks a request to another host
   * before it reaches the network (and this route); Chromium then reports the violation as a console error.
   */
  errors: string[];
}

/** A page whose every request is checked: anything for another host than `origin` is recorded and aborted. */
async function watchedPage(browser: Browser, origin: string): Promise<{ page: Page; w: Watched }> {
  const page = await browser.newPage();
  // A step that does not happen fails with Playwright's message (what it waited for) inside Jest's time.
  page.setDefaultTimeout(8000);
  const w: Watched = { outside: [], posts: [], errors: [] };
  const host = new URL(origin).host;
  await page.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (url.host !== host) {
      w.outside.push(req.url());
      return route.abort('blockedbyclient');
    }
    if (url.pathname === '/graphql' && req.method() === 'POST')
      w.posts.push({
        contentType: req.headers()['content-type'],
        body: req.postData(),
        authorization: req.headers()['authorization'],
      });
    return route.continue();
  });
  page.on('websocket', (ws) => w.outside.push(ws.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  return { page, w };
}

/** Replaces the text of the query editor by typing, as a user would. */
async function typeQuery(page: Page, text: string): Promise<void> {
  await page.locator('.graphiql-query-editor .CodeMirror').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

async function run(page: Page, resultText: string): Promise<void> {
  await page.locator('button.graphiql-execute-button').click();
  await page.locator('.graphiql-response', { hasText: resultText }).waitFor();
}

describe('GraphiQL in development: served by the service, offline', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('runs { __typename } in the browser with no request to another host', async () => {
    const { page, w } = await watchedPage(browser, origin);
    // A browser's GET /graphql leads to the page.
    await page.goto(`${origin}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/graphiql');
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();

    await typeQuery(page, '{ __typename }');
    await run(page, '"__typename": "Query"');

    const last = w.posts[w.posts.length - 1];
    expect(last.contentType).toBe('application/json');
    expect(JSON.parse(last.body!)).toMatchObject({ query: '{ __typename }' });
    // The schema came through introspection, from the same endpoint.
    expect(w.posts.some((p) => p.body?.includes('__schema'))).toBe(true);
    expect(w.outside).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('sends the bearer token pasted in the headers editor', async () => {
    const user = await createUser(t);
    const { page, w } = await watchedPage(browser, origin);
    await page.goto(`${origin}/graphiql`);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    // The Headers tab of the editor tools; a pasted value is inserted as it is.
    await page.locator('.graphiql-editor-tools button', { hasText: 'Headers' }).click();
    await page.locator('.graphiql-editor-tool .CodeMirror:visible').click();
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${user.token}` }));
    await typeQuery(page, '{ me { email } }');
    await run(page, `"email": "${user.email}"`);
    expect(w.posts[w.posts.length - 1].authorization).toBe(`Bearer ${user.token}`);
    expect(w.outside).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('serves the page and its files under a Content-Security-Policy of their own; the API keeps its headers', async () => {
    const http = request(t.app.getHttpServer());
    const page = await http.get('/graphiql');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    // Every file the page names is the service's own, of the installed (pinned) versions.
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(
      expect.arrayContaining([
        '/graphiql/assets/react@18.3.1/umd/react.production.min.js',
        '/graphiql/assets/react-dom@18.3.1/umd/react-dom.production.min.js',
        '/graphiql/assets/graphiql@3.9.0/graphiql.min.js',
        '/graphiql/assets/graphiql@3.9.0/graphiql.min.css',
      ]),
    );
    for (const src of sources) {
      expect(src.startsWith('/graphiql/assets/')).toBe(true);
      const file = await http.get(src);
      expect(file.status).toBe(200);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await http.get('/graphiql/assets/react@18.3.1/package.json')).status).toBe(404);

    const api = await http
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(api.body).toEqual({ data: { __typename: 'Query' } });
    expect(api.headers['content-security-policy']).toBeUndefined();
    // A GET /graphql that is not a browser's page load is the endpoint's as before.
    const get = await http.get('/graphql').query({ query: '{ __typename }' });
    expect(get.status).not.toBe(302);
  });
});

describe('GraphiQL in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it('is not served: /graphiql answers like any unknown route, GET /graphql has no landing page', async () => {
    const http = request(t.app.getHttpServer());
    const answer = (res: request.Response) => {
      const extensions = (res.body as { errors?: { extensions?: Record<string, unknown> }[] })
        .errors?.[0]?.extensions;
      return { status: res.status, code: extensions?.code, reason: extensions?.reason };
    };
    const unknown = answer(await http.get('/no-such-route').set('accept', 'text/html'));
    expect(unknown).toEqual({ status: 404, code: 'NOT_FOUND', reason: 'ROUTE_NOT_FOUND' });
    for (const path of [
      '/graphiql',
      '/graphiql/assets/graphiql@3.9.0/graphiql.min.js',
      '/graphiql/assets/graphiql-start.js',
    ]) {
      const res = await http.get(path).set('accept', 'text/html');
      expect(answer(res)).toEqual(unknown);
      expect(res.text).not.toMatch(/graphiql|react/i);
    }
    const landing = await http.get('/graphql').set('accept', 'text/html');
    expect(landing.status).not.toBe(302);
    expect(landing.text).not.toMatch(/graphiql|<html/i);
  });
});
