// PostGraphile 4 over the product's database: the peer `npm run bench` measures equivalent list
// queries against. Benchmark only: it binds to 127.0.0.1, runs while the benchmark runs, serves
// reads only (no default mutations), and hides the tables holding credentials and the audit trail
// (postgraphile.tags.json5). Started by bench/run-bench.ts; by hand:
//   PEER_DATABASE_URL=postgres://... PEER_PORT=3290 node bench/peer/server.mjs
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import postgraphilePackage from 'postgraphile';
import { makePgSmartTagsFromFilePlugin } from 'postgraphile/plugins.js';

const { postgraphile } = postgraphilePackage;
const here = dirname(fileURLToPath(import.meta.url));

const databaseUrl = process.env.PEER_DATABASE_URL;
if (!databaseUrl) {
  console.error('PEER_DATABASE_URL is required');
  process.exit(2);
}
const port = Number(process.env.PEER_PORT ?? 3290);
const poolSize = Number(process.env.PEER_POOL_SIZE ?? 10);

// The same pool size as the product's (DB_POOL_SIZE), so both get the same share of PostgreSQL.
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: poolSize,
  application_name: 'bench-peer-postgraphile',
});
pool.on('error', (error) => console.error(`peer pool: ${error.message}`));

const middleware = postgraphile(pool, 'public', {
  disableDefaultMutations: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  legacyRelations: 'omit',
  graphiql: false,
  enhanceGraphiql: false,
  disableQueryLog: true,
  watchPg: false,
  retryOnInitFail: false,
  enableQueryBatching: false,
  showErrorStack: false,
  extendedErrors: [],
  appendPlugins: [makePgSmartTagsFromFilePlugin(join(here, 'postgraphile.tags.json5'))],
});

const server = http.createServer(middleware);
server.listen(port, '127.0.0.1', () => {
  console.error(`PostGraphile 4 peer listening on http://127.0.0.1:${port}/graphql`);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      pool.end().finally(() => process.exit(0));
    });
    server.closeAllConnections?.();
  });
}
