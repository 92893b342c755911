import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { MatchmakingService } from '../src/matchmaking/matchmaking.service.js';

/**
 * Times each statement of a few recommendation requests on the configured database (development aid). It drops
 * the kept lists first: round 1 computes and keeps them (printed as "computed"), round 3 reads them.
 */
async function main(): Promise<void> {
  const config = loadConfig(
    { ...process.env, LOG_LEVEL: 'warn', JOBS_ENABLED: 'false' },
    { signsTokens: false },
  );
  const app = await createApp(config, {
    databaseUrl: process.env.DATABASE_URL!,
    runMigrations: false,
  });
  const db = app.get(DataSource);
  const timings: { sql: string; ms: number }[] = [];
  const explained = new Set<string>();
  const original = db.query.bind(db);
  (db as unknown as { query: typeof db.query }).query = (async (
    sql: string,
    params?: unknown[],
  ) => {
    const t0 = performance.now();
    try {
      return await original(sql, params);
    } finally {
      timings.push({ sql: sql.replace(/\s+/g, ' ').slice(0, 90), ms: performance.now() - t0 });
      if (
        process.env.EXPLAIN &&
        (sql.startsWith('WITH hits') || sql.startsWith('WITH p AS')) &&
        !explained.has(sql.slice(-300))
      ) {
        explained.add(sql.slice(-300));
        const plan = await original(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        process.stdout.write(
          plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') + '\n\n',
        );
      }
    }
  }) as typeof db.query;
  const service = app.get(MatchmakingService, { strict: false });
  const [persona] = await original(
    `SELECT o.id AS org, c.id AS challenge FROM users u JOIN organization_members m ON m.user_id = u.id
       JOIN organizations o ON o.id = m.organization_id JOIN challenges c ON c.issuer_organization_id = o.id
      WHERE u.email LIKE 'enterprise@%' AND c.status = 'PUBLISHED' LIMIT 1`,
  );
  const [sme] = await original(
    `SELECT m.organization_id AS org FROM users u JOIN organization_members m ON m.user_id = u.id WHERE u.email LIKE 'sme@%' LIMIT 1`,
  );
  const actor = (id: string, kind: 'ENTERPRISE' | 'SME') => ({
    userId: crypto.randomUUID(),
    sessionId: crypto.randomUUID(),
    platformRoles: [],
    organization: { id, kind, role: 'OWNER' as const },
  });
  await original(`DELETE FROM match_lists`);
  const hits: Record<string, number> = {};
  for (const round of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]) {
    for (const [name, call] of [
      [
        'recommendedSmes',
        () =>
          service.recommendedSmes(
            actor(persona.org, 'ENTERPRISE'),
            persona.challenge,
            { first: 20 },
            'en',
          ),
      ],
      [
        'recommendedChallenges',
        () => service.recommendedChallenges(actor(sme.org, 'SME'), { first: 20 }, 'en'),
      ],
    ] as const) {
      timings.length = 0;
      const t0 = performance.now();
      await call();
      const total = performance.now() - t0;
      if (round === 1)
        process.stdout.write(
          `${name} (computed): ${total.toFixed(1)} ms, ${timings.length} statements\n`,
        );
      if (round >= 3) hits[name] = (hits[name] ?? 0) + total;
      if (round === 3) {
        process.stdout.write(`${name}: ${total.toFixed(1)} ms, ${timings.length} statements\n`);
        for (const t of timings)
          process.stdout.write(`  ${t.ms.toFixed(1).padStart(7)} ms  ${t.sql}\n`);
      }
    }
  }
  for (const [name, ms] of Object.entries(hits))
    process.stdout.write(
      `${name}: ${(ms / 18).toFixed(1)} ms per request from the kept list (mean of 18)\n`,
    );
  const ids = (await original(`SELECT organization_id AS id FROM smes LIMIT 300`)).map(
    (r: { id: string }) => r.id,
  );
  const { trackRecordsOf } = await import('../src/proposals/index.js');
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    await trackRecordsOf(db, ids);
    if (i === 2)
      process.stdout.write(`trackRecordsOf(300 SMEs): ${(performance.now() - t0).toFixed(1)} ms\n`);
  }
  await app.close();
}

await main();
