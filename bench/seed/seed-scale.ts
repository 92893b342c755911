import 'reflect-metadata';
import pg from 'pg';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../../src/config/app-config.js';
import { indexQueued, loadMatchVocabulary } from '../../src/matchmaking/index.js';
import { runMigrations } from '../../src/app/database/migrate.js';
import { typeormOptions } from '../../src/app/database/typeorm-options.js';
import { openDatabase, redactUrl } from '../support/database.js';
import type { SeedDb } from './bulk.js';
import { inDependencyOrder } from './generator.js';
import { GENERATORS } from './generators.js';
import { Rng } from './rng.js';
import { seedSize } from './sizes.js';

/** Every run with the same seed writes the same data. */
export const SEED = 'innovation-marketplace-scale-v1';

const USAGE =
  'usage: npm run seed:scale -- --size S|M|L [--reset] [--only <generator>[,<generator>...]] [--skip-index]';

/**
 * npm run seed:scale -- --size S|M|L [--reset]
 * Fills the configured database (DATABASE_URL, else the embedded one under DATA_DIR) with
 * deterministic scale data, after applying the migrations. Running it again with the same size adds
 * nothing; --reset empties every table first but the migrations and the append-only audit trail
 * (use it to change size). Then it builds the matchmaking index of everything the database triggers queued
 * (the seed bulk-inserts challenges and SMEs, so all of them), unless --skip-index, which leaves the queue
 * for the service's background indexer.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      reset: { type: 'boolean', default: false },
      only: { type: 'string' },
      'skip-index': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.size) throw new Error(USAGE);
  const size = seedSize(values.size);
  const config = loadConfig(process.env, { signsTokens: false });
  if (config.isProduction) {
    throw new Error(
      'seed:scale writes thousands of accounts with a published password: it refuses to run with NODE_ENV=production',
    );
  }

  const started = Date.now();
  const database = await openDatabase((m) => console.log(m));
  try {
    console.log(`seeding size ${size.name} into ${redactUrl(database.url)}`);
    const dataSource = new DataSource(
      typeormOptions({
        url: database.url,
        poolSize: 2,
        connectionTimeoutMs: 10000,
        statementTimeoutMs: 600000,
        applicationName: 'marketplace-seed',
      }),
    );
    await dataSource.initialize();
    try {
      const applied = await runMigrations(dataSource);
      if (applied.length) console.log(`applied migrations: ${applied.join(', ')}`);
    } finally {
      await dataSource.destroy();
    }

    const client = new pg.Client({
      connectionString: database.url,
      application_name: 'marketplace-seed',
    });
    await client.connect();
    try {
      // Bulk loading: no need to wait for each commit to reach the disk (a crash just means seeding again).
      await client.query(`SET synchronous_commit = off`);
      await client.query(`SET statement_timeout = 0`);
      const db: SeedDb = {
        query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
      };
      if (values.reset) await resetTables(db);

      const only = values.only?.split(',').map((s) => s.trim());
      const rng = new Rng(SEED);
      // The search indexes write through (migration SearchIndexNoPendingList); a bulk load goes much faster through
      // GIN's pending list, merged once at the end. Back to write-through afterwards, whatever happens.
      await setSearchIndexFastUpdate(db, true);
      try {
        for (const generator of inDependencyOrder(GENERATORS)) {
          if (only && !only.includes(generator.name)) continue;
          const t0 = Date.now();
          await generator.run(db, size, rng.fork(generator.name));
          console.log(`  ${generator.name.padEnd(16)} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        }
      } finally {
        await setSearchIndexFastUpdate(db, false);
      }
      const t0 = Date.now();
      await client.query('ANALYZE');
      console.log(`  ${'ANALYZE'.padEnd(16)} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (!values['skip-index']) {
        await buildMatchIndex(database.url, db);
        // The queue was filled and emptied once per document: reclaim it now rather than when autovacuum
        // gets to it (every recommendation first asks whether it is empty).
        await client.query('VACUUM match_queue');
        // The postings were written in bulk: mark their pages all-visible now (autovacuum would, later), so that the
        // candidate statements read a term's best postings from the index alone (an index-only scan).
        await client.query('VACUUM match_terms');
        await client.query('ANALYZE');
      }
      for (const row of await tableCounts(db))
        console.log(`  ${row.table.padEnd(24)} ${row.rows.toLocaleString('en')} rows`);
    } finally {
      await client.end();
    }
  } finally {
    await database.release();
  }
  console.log(`seeded size ${size.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Documents indexed between two progress lines. */
const INDEX_PROGRESS_STEP = 2000;

/** The matching index's tables, whose size the seed reports. */
const MATCH_TABLES = ['match_documents', 'match_terms', 'match_term_stats', 'match_side_stats'];

/**
 * Indexes every queued challenge and SME for matchmaking with the service's own indexer (indexQueued, one
 * transaction per 100 documents), printing progress, then the index tables' rows and sizes. The time is
 * split between Node (this process's CPU: text analysis, building the rows) and the rest, mostly waiting
 * on PostgreSQL (writing postings and statistics), to show where it goes.
 */
async function buildMatchIndex(url: string, db: SeedDb): Promise<void> {
  const [queued] = await db.query<{ challenges: string; smes: string }>(
    `SELECT count(*) FILTER (WHERE side = 'C') AS challenges, count(*) FILTER (WHERE side = 'S') AS smes FROM match_queue`,
  );
  const total = Number(queued.challenges) + Number(queued.smes);
  console.log(
    `  matching index: ${total.toLocaleString('en')} queued (${Number(queued.challenges).toLocaleString('en')} challenges, ${Number(queued.smes).toLocaleString('en')} SMEs)`,
  );
  if (total === 0) return;
  const dataSource = new DataSource(
    typeormOptions({
      url,
      poolSize: 2,
      connectionTimeoutMs: 10000,
      statementTimeoutMs: 600000,
      applicationName: 'marketplace-seed',
    }),
  );
  await dataSource.initialize();
  try {
    const started = Date.now();
    const cpu = process.cpuUsage();
    const vocabulary = await loadMatchVocabulary(dataSource);
    console.log(`    vocabulary loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    let done = 0;
    for (;;) {
      const n = await indexQueued(dataSource, vocabulary, INDEX_PROGRESS_STEP);
      done += n;
      if (n === 0) break;
      const elapsed = (Date.now() - started) / 1000;
      console.log(
        `    ${done.toLocaleString('en').padStart(9)} / ${total.toLocaleString('en')} indexed, ${elapsed.toFixed(1)} s (${Math.round(done / elapsed)}/s)`,
      );
      if (n < INDEX_PROGRESS_STEP) break;
    }
    const wall = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const node = (used.user + used.system) / 1e6;
    console.log(
      `  ${'match index'.padEnd(16)} ${wall.toFixed(1)} s for ${done.toLocaleString('en')} documents: Node CPU ${node.toFixed(1)} s (${Math.round((100 * node) / wall)}%), the rest waiting on PostgreSQL`,
    );
  } finally {
    await dataSource.destroy();
  }
  for (const table of MATCH_TABLES) {
    const [row] = await db.query<{ rows: string; size: string }>(
      `SELECT (SELECT count(*) FROM "${table}") AS rows, pg_size_pretty(pg_total_relation_size('${table}')) AS size`,
    );
    console.log(
      `    ${table.padEnd(20)} ${Number(row.rows).toLocaleString('en').padStart(12)} rows ${row.size.padStart(9)}`,
    );
  }
}

/**
 * The tables a reset leaves alone: the migrations; the technical-field taxonomy, reference data that
 * a migration seeds (and the generators read); and the audit trail, which is append-only (a trigger
 * refuses TRUNCATE) and never written by the generators, so its hash chain stays intact.
 */
const KEPT_ON_RESET = ['migrations', 'technical_fields', 'audit_events'];

/** Empties every table of the product but those in KEPT_ON_RESET. */
async function resetTables(db: SeedDb): Promise<void> {
  const tables = await db.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
      WHERE schemaname = 'public' AND NOT (tablename = ANY($1::text[])) ORDER BY tablename`,
    [KEPT_ON_RESET],
  );
  if (tables.length === 0) return;
  await db.query(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
  // The matching index's per-side totals are rows the Matchmaking migration inserts and the indexer only
  // updates: emptied with the index, they come back at zero.
  await db.query(
    `INSERT INTO match_side_stats (side) VALUES ('C'), ('S') ON CONFLICT (side) DO NOTHING`,
  );
  console.log(`  emptied ${tables.length} tables (kept: ${KEPT_ON_RESET.join(', ')})`);
}

async function tableCounts(db: SeedDb): Promise<{ table: string; rows: number }[]> {
  const tables = await db.query<{ table: string }>(
    `SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
  );
  const counts: { table: string; rows: number }[] = [];
  for (const { table } of tables) {
    const [row] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    counts.push({ table, rows: Number(row.n) });
  }
  return counts;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    process.exit(1);
  },
);

const SEARCH_INDEXES = [
  'IDX_challenges_search_zh',
  'IDX_challenges_search_en',
  'IDX_challenges_search_zh_month',
  'IDX_challenges_search_en_month',
];

async function setSearchIndexFastUpdate(db: SeedDb, on: boolean): Promise<void> {
  for (const index of SEARCH_INDEXES) {
    await db.query(`ALTER INDEX "${index}" SET (fastupdate = ${on ? 'on' : 'off'})`);
    if (!on) await db.query(`SELECT gin_clean_pending_list('"${index}"'::regclass)`);
  }
}
