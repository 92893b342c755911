import pg from 'pg';
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const q = process.argv[2] ?? '储能';
const tsq = `'${q}'`;
const where = `c.published_at IS NOT NULL AND c.visibility = 'PUBLIC' AND c.search_zh @@ $1::tsquery`;
const cols = `c.id, c.title_zh, c.title_en, c.summary_zh, c.summary_en, o.name_zh, COALESCE((SELECT pc.proposal_count FROM challenge_proposal_counts pc WHERE pc.challenge_id = c.id), 0)::int AS n`;
const V = {
  old: `WITH candidates AS MATERIALIZED (SELECT c.id FROM challenges c WHERE ${where} ORDER BY COALESCE(c.published_at, c.created_at) DESC, c.id DESC LIMIT 1000)
        SELECT ${cols}, ts_rank(c.search_zh, $1::tsquery) r FROM candidates JOIN challenges c ON c.id = candidates.id JOIN organizations o ON o.id = c.issuer_organization_id ORDER BY r DESC, c.id DESC LIMIT 21`,
  rankInScan: `WITH candidates AS MATERIALIZED (SELECT c.id, ts_rank(c.search_zh, $1::tsquery) rank FROM challenges c WHERE ${where} ORDER BY COALESCE(c.published_at, c.created_at) DESC, c.id DESC LIMIT 1000),
        page AS (SELECT * FROM candidates ORDER BY rank DESC, id DESC LIMIT 21)
        SELECT ${cols}, page.rank FROM page JOIN challenges c ON c.id = page.id JOIN organizations o ON o.id = c.issuer_organization_id ORDER BY page.rank DESC, c.id DESC`,
  rankAfter: `WITH candidates AS MATERIALIZED (SELECT c.id FROM challenges c WHERE ${where} ORDER BY COALESCE(c.published_at, c.created_at) DESC, c.id DESC LIMIT 1000),
        page AS (SELECT c.id, ts_rank(c.search_zh, $1::tsquery) rank FROM candidates JOIN challenges c ON c.id = candidates.id ORDER BY rank DESC, c.id DESC LIMIT 21)
        SELECT ${cols}, page.rank FROM page JOIN challenges c ON c.id = page.id JOIN organizations o ON o.id = c.issuer_organization_id ORDER BY page.rank DESC, c.id DESC`,
};
for (let round = 0; round < 2; round++) for (const [name, sql] of Object.entries(V)) {
  const t = [];
  for (let i = 0; i < 40; i++) { const t0 = process.hrtime.bigint(); await client.query(sql, [tsq]); t.push(Number(process.hrtime.bigint() - t0) / 1e6); }
  t.sort((a, b) => a - b);
  console.log(name.padEnd(12), 'p50', t[20].toFixed(2), 'p95', t[38].toFixed(2));
}
await client.end();
