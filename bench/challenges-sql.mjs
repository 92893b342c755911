// SQL-level timings of the browse and search statements, as the service builds them (npm run build first):
// DATABASE_URL=... npm run seed:scale -- --size L && DATABASE_URL=... node bench/challenges-sql.mjs
import pg from 'pg';
import { buildChallengeListQuery } from '../dist/src/challenges/challenge-list-query.js';
import { viewerOf } from '../dist/src/challenges/challenge-sql.js';
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const fields = new Set([
  'id',
  'titleZh',
  'titleEn',
  'issuer',
  'proposalCount',
  'deadline',
  'budgetMax',
]);
const cases = {
  browse: { filter: undefined },
  search_zh_储能: { filter: { search: '储能' } },
  search_zh_储能_锂电池: { filter: { search: '储能 锂电池' } },
  search_zh_氢能重卡: { filter: { search: '氢能重卡' } },
  search_zh_储能_newest: { filter: { search: '储能' }, orderBy: 'NEWEST' },
  search_en_battery: { filter: { search: 'batteries' } },
  search_en_rare: { filter: { search: 'welding robots' } },
};
for (const [name, c] of Object.entries(cases)) {
  const q = buildChallengeListQuery(
    viewerOf(null),
    { filter: c.filter, orderBy: c.orderBy, first: 20 },
    { kind: 'browse' },
    fields,
  );
  const times = [];
  for (let i = 0; i < 5; i++) await client.query(q.sql, q.params);
  for (let i = 0; i < 150; i++) {
    const t0 = process.hrtime.bigint();
    await client.query(q.sql, q.params);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS off) ${q.sql}`, q.params);
  const plan = rows.map((r) => r['QUERY PLAN']);
  const idx = [...new Set(plan.join('\n').match(/IDX_[a-z_]+/g) ?? [])].join(',');
  process.stdout.write(
    `${name.padEnd(22)} p50 ${times[75].toFixed(2)} ms  p95 ${times[142].toFixed(2)} ms  indexes: ${idx}\n`,
  );
}
await client.end();
