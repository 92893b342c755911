import type { FastifyInstance, FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GRAPHQL_PATH } from '../graphql/graphql-options.js';

/** The page of GraphiQL (development only) and the folder of its files. */
export const GRAPHIQL_PATH = '/graphiql';
const ASSETS_PATH = `${GRAPHIQL_PATH}/assets`;

/** The files of the page that come from the installed packages (their UMD builds, the same versions as the lock file). */
const PACKAGE_FILES: readonly { pkg: string; file: string }[] = [
  { pkg: 'react', file: 'umd/react.production.min.js' },
  { pkg: 'react-dom', file: 'umd/react-dom.production.min.js' },
  { pkg: 'graphiql', file: 'graphiql.min.js' },
  { pkg: 'graphiql', file: 'graphiql.min.css' },
];

/**
 * The page's own script: GraphiQL posts to the service's endpoint as `application/json` (the endpoint refuses
 * other content types), with the headers typed in its headers editor (not kept in the browser's storage).
 */
const START_SCRIPT = `(function () {
  'use strict';
  var defaultQuery = [
    '# GraphiQL of this service (development only). To act as a user, run the login mutation,',
    '# then put its accessToken in the Headers tab below:',
    '#   { "Authorization": "Bearer <accessToken>" }',
    '',
    '{ __typename }',
    '',
  ].join('\\n');
  var fetcher = GraphiQL.createFetcher({ url: '${GRAPHQL_PATH}', enableIncrementalDelivery: false });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
`;

const PAGE_STYLE = `html, body { height: 100%; margin: 0; overflow: hidden; }
#graphiql { height: 100vh; }
`;

/** The only sources the page may use: its own files (fonts and images of GraphiQL's CSS are data: URLs). */
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  'font-src data:',
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

export const GRAPHIQL_MISSING_MESSAGE =
  'GraphiQL is not installed: it is served from the development dependencies graphiql, react and react-dom ' +
  '(install them with `npm ci`, not `npm ci --omit=dev`). The GraphQL endpoint POST /graphql works without them.\n';

/** The errors of a package or file that is not installed. */
const MISSING = new Set(['MODULE_NOT_FOUND', 'ERR_PACKAGE_PATH_NOT_EXPORTED', 'ENOENT']);

interface Asset {
  type: string;
  body: Buffer | string;
  /** The packages' files are named by their version; the page's own two files are not. */
  cacheControl: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

interface Installed {
  page: string;
  assets: Map<string, Asset>;
}

export interface GraphiqlOptions {
  /** Where a package's package.json is (tests replace it); by default, Node's resolution from this file. */
  resolvePackageJson?: (pkg: string) => string;
}

function loadInstalled(resolvePackageJson: (pkg: string) => string): Installed {
  const assets = new Map<string, Asset>();
  const urls: Record<string, string> = {};
  for (const { pkg, file } of PACKAGE_FILES) {
    const manifest = resolvePackageJson(pkg);
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    const path = `${pkg}@${version}/${file}`;
    const ext = file.slice(file.lastIndexOf('.') + 1);
    assets.set(path, {
      type: TYPES[ext],
      body: readFileSync(join(dirname(manifest), file)),
      cacheControl: IMMUTABLE,
    });
    urls[file] = `${ASSETS_PATH}/${path}`;
  }
  assets.set('graphiql-page.css', { type: TYPES.css, body: PAGE_STYLE, cacheControl: 'no-cache' });
  assets.set('graphiql-start.js', { type: TYPES.js, body: START_SCRIPT, cacheControl: 'no-cache' });
  const page = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>GraphiQL</title>
    <link rel="stylesheet" href="${urls['graphiql.min.css']}" />
    <link rel="stylesheet" href="${ASSETS_PATH}/graphiql-page.css" />
  </head>
  <body>
    <div id="graphiql">Loading…</div>
    <script src="${urls['umd/react.production.min.js']}"></script>
    <script src="${urls['umd/react-dom.production.min.js']}"></script>
    <script src="${urls['graphiql.min.js']}"></script>
    <script src="${ASSETS_PATH}/graphiql-start.js"></script>
  </body>
</html>
`;
  return { page, assets };
}

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('x-frame-options', 'DENY');
}

/**
 * GraphiQL, in development only (the caller installs it outside production; in production these routes do not
 * exist and answer 404 like any unknown route). Everything is served by the service itself from its installed
 * packages, so the page makes no request to any other host:
 * - `GET /graphiql`: the page, under a Content-Security-Policy that allows only the service's own scripts, styles
 *   and endpoint (set on these routes only);
 * - `GET /graphiql/assets/<package>@<version>/<file>`: React, ReactDOM and GraphiQL's UMD builds and GraphiQL's
 *   CSS, named by their installed version (cached for a year);
 * - `GET /graphql` from a browser (no query string, `Accept: text/html`): a redirect to `/graphiql` (Apollo's own
 *   landing page stays off).
 * Without the packages (an install without development dependencies), the page and its files answer 503 with a
 * line of text saying so.
 */
export function installGraphiql(fastify: FastifyInstance, options: GraphiqlOptions = {}): void {
  const resolvePackageJson =
    options.resolvePackageJson ??
    ((pkg: string) => createRequire(import.meta.url).resolve(`${pkg}/package.json`));
  let installed: Installed | undefined;
  const load = (): Installed | undefined => {
    if (!installed) {
      try {
        installed = loadInstalled(resolvePackageJson);
      } catch (error) {
        // A package or one of its files is not there; anything else is a fault of the service.
        if (MISSING.has((error as { code?: string }).code ?? '')) return undefined;
        throw error;
      }
    }
    return installed;
  };
  const missing = (reply: FastifyReply) =>
    securityHeaders(reply)
      .code(503)
      .header('cache-control', 'no-store')
      .type('text/plain; charset=utf-8')
      .send(GRAPHIQL_MISSING_MESSAGE);

  fastify.get(GRAPHIQL_PATH, (_req, reply) => {
    const found = load();
    if (!found) return missing(reply);
    return securityHeaders(reply)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(found.page);
  });

  fastify.get(`${ASSETS_PATH}/*`, (req, reply) => {
    const found = load();
    if (!found) return missing(reply);
    const asset = found.assets.get((req.params as { '*': string })['*']);
    if (!asset)
      return securityHeaders(reply)
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('No such file of GraphiQL.\n');
    return securityHeaders(reply)
      .header('cache-control', asset.cacheControl)
      .type(asset.type)
      .send(asset.body);
  });

  fastify.addHook('onRequest', (req, reply, done) => {
    if (
      req.method === 'GET' &&
      req.url === GRAPHQL_PATH &&
      (req.headers.accept ?? '').includes('text/html')
    ) {
      void reply.redirect(GRAPHIQL_PATH, 302);
      return;
    }
    done();
  });
}
