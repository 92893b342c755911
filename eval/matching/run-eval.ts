import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DataSource as DataSourceClass, type DataSource } from 'typeorm';
import { createApp } from '../../src/app/bootstrap.js';
import { CommandError, openCommandDatabase } from '../../src/app/database/command-database.js';
import type { Actor } from '../../src/common/auth/actor.js';
import { withCheckCharacter } from '../../src/common/credit-code.js';
import { loadConfig } from '../../src/config/app-config.js';
import { Vocabulary } from '../../src/matchmaking/analysis/vocabulary.js';
import { indexQueued, loadMatchVocabulary } from '../../src/matchmaking/index.js';
import { queueEverything } from '../../src/matchmaking/match-index.queries.js';
import { MatchmakingService } from '../../src/matchmaking/matchmaking.service.js';
import { keywordKey } from '../../src/organizations/smes/capabilities.js';
import {
  challengeTruth,
  ndcgAtK,
  precisionAtK,
  type QueryTruth,
  recallAtK,
  smeTruth,
  summarise,
} from './metrics.js';
import { EVAL_SET } from './set/index.js';
import type { EvalSet } from './types.js';

/**
 * `npm run eval:matching`: loads the labelled set (eval/matching/set) into a fresh database on the configured
 * server (DATABASE_URL, else the embedded one), indexes it with the service's own indexer, asks the service's
 * own MatchmakingService for the recommendations both ways, and prints the quality figures. It fails (exit 1)
 * below the thresholds CI holds it to. `--ablation` also measures the recommender with each mechanism taken
 * out (README, "Measured quality"). The database is dropped at the end.
 */

const THRESHOLDS = {
  challengeToSmes: { precisionAt5: 0.75, recallAt20: 0.95 },
  smeToChallenges: { recallAt5: 0.9 },
};

interface Configuration {
  name: string;
  /** MATCH_WEIGHTS for the run. */
  weights?: string;
  /** Index without the bilingual vocabulary (no translations, no vocabulary terms in unspaced text). */
  noVocabulary?: boolean;
}

const FULL: Configuration = { name: 'all mechanisms' };
const ABLATIONS: Configuration[] = [
  FULL,
  { name: 'without the bilingual vocabulary', noVocabulary: true },
  {
    name: 'without the replace/avoid and excluded-route penalties',
    weights: 'avoidedOffer=0,excludedRoute=0',
  },
  { name: 'without the application component', weights: 'application=0' },
  { name: 'without taxonomy proximity', weights: 'technicalFields=0' },
  {
    name: 'text alone (BM25 by field, both readings)',
    weights:
      'technicalFields=0,application=0,qualification=0,region=0,trackRecord=0,avoidedOffer=0,excludedRoute=0,feedback=0',
  },
];

interface Loaded {
  challengeIds: Map<string, string>;
  smeIds: Map<string, string>;
  issuerOf: Map<string, string>;
}

const uuid = () => crypto.randomUUID();
let creditSerial = 100000000;
const creditCode = (region: string) =>
  withCheckCharacter(`91${region}${String(creditSerial++).slice(-9)}`);

/** Writes the set as rows, as the API would have stored it (normalised keywords, verified SMEs, published challenges). */
async function load(db: DataSource, set: EvalSet): Promise<Loaded> {
  const challengeIds = new Map<string, string>();
  const smeIds = new Map<string, string>();
  const issuerOf = new Map<string, string>();
  const year = new Date().getUTCFullYear();
  for (const sme of set.smes) {
    const id = uuid();
    smeIds.set(sme.key, id);
    await db.query(
      `INSERT INTO organizations (id, kind, name_zh, name_en, credit_code, region_code, verification_status, verified_at)
       VALUES ($1, 'SME', $2, $3, $4, $5, 'VERIFIED', now())`,
      [
        id,
        sme.nameZh ?? sme.nameEn ?? sme.key,
        sme.nameEn ?? null,
        creditCode(sme.regionCode),
        sme.regionCode,
      ],
    );
    const none = sme.qualification === 'NONE';
    await db.query(
      `INSERT INTO smes (organization_id, size_class, qualification, certificate_number, qualification_valid_from,
                         qualification_valid_until, capability_statement, keywords, keyword_keys, products, past_projects, technical_routes)
       VALUES ($1, 'SMALL', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        sme.qualification,
        none ? null : `CERT-${sme.key}`,
        none ? null : `${year - 1}-01-01`,
        none ? null : `${year + 2}-12-31`,
        sme.capabilityStatement,
        sme.keywords,
        sme.keywords.map(keywordKey),
        JSON.stringify(sme.products),
        JSON.stringify(sme.pastProjects),
        JSON.stringify(sme.technicalRoutes.map((r) => ({ zh: r.zh ?? null, en: r.en ?? null }))),
      ],
    );
    for (const code of sme.technicalFieldCodes)
      await db.query(
        `INSERT INTO sme_technical_fields (organization_id, field_code) VALUES ($1, $2)`,
        [id, code],
      );
  }
  for (const c of set.challenges) {
    const issuer = uuid();
    await db.query(
      `INSERT INTO organizations (id, kind, name_zh, credit_code, region_code, verification_status, verified_at)
       VALUES ($1, 'ENTERPRISE', $2, $3, '310000', 'VERIFIED', now())`,
      [issuer, `发榜企业${c.key}`, creditCode('310000')],
    );
    await db.query(
      `INSERT INTO enterprises (organization_id, industry_code, is_chain_leader) VALUES ($1, $2, true)`,
      [issuer, c.industryCode],
    );
    const id = uuid();
    challengeIds.set(c.key, id);
    issuerOf.set(c.key, issuer);
    await db.query(
      `INSERT INTO challenges (id, issuer_organization_id, status, title_zh, title_en, summary_zh, summary_en, description,
                               industry_code, chain_goal, demand_type, min_qualification, allowed_region_codes,
                               excluded_approaches, deadline, published_at, visibility)
       VALUES ($1, $2, 'PUBLISHED', $3, $4, $5, $6, '', $7, 'STRENGTHEN', 'TECH_BREAKTHROUGH', $8, $9, $10,
               now() + interval '30 days', now(), 'PUBLIC')`,
      [
        id,
        issuer,
        c.titleZh ?? null,
        c.titleEn ?? null,
        c.summaryZh ?? null,
        c.summaryEn ?? null,
        c.industryCode,
        c.minQualification,
        c.allowedRegionCodes,
        JSON.stringify(
          (c.excludedApproaches ?? []).map((a) => ({ zh: a.zh ?? null, en: a.en ?? null })),
        ),
      ],
    );
    for (const [i, r] of c.requirements.entries())
      await db.query(
        `INSERT INTO challenge_requirements (challenge_id, position, name, target, unit, weight, must_have)
         VALUES ($1, $2, $3, $4, $5, 0, false)`,
        [id, i, r.name, r.target, r.unit ?? ''],
      );
    for (const code of c.technicalFieldCodes)
      await db.query(
        `INSERT INTO challenge_technical_fields (challenge_id, field_code) VALUES ($1, $2)`,
        [id, code],
      );
  }
  return { challengeIds, smeIds, issuerOf };
}

const actorOf = (organizationId: string, kind: 'ENTERPRISE' | 'SME'): Actor => ({
  userId: uuid(),
  sessionId: uuid(),
  platformRoles: [],
  organization: { id: organizationId, kind, role: 'OWNER' },
});

interface DirectionFigures {
  queries: number;
  precisionAt5: number;
  strictPrecisionAt5: number;
  precisionAt10: number;
  recallAt5: number;
  recallAt20: number;
  ndcgAt10: number;
  nearMissShareAt5: number;
  ineligibleResults: number;
}

function figures(
  rankings: Map<string, string[]>,
  truthOf: (key: string) => QueryTruth,
): DirectionFigures {
  const s = summarise(rankings, truthOf);
  const at10 = [...rankings].flatMap(([key, ranked]) => {
    const p = precisionAtK(ranked, truthOf(key).grades, 10);
    return p === null ? [] : [p];
  });
  return {
    ...s,
    precisionAt10: at10.reduce((a, b) => a + b, 0) / Math.max(at10.length, 1),
  };
}

async function measure(
  service: MatchmakingService,
  set: EvalSet,
  loaded: Loaded,
): Promise<{ c2s: DirectionFigures; s2c: DirectionFigures; perChallenge: string[] }> {
  const keyOfSme = new Map([...loaded.smeIds].map(([k, v]) => [v, k]));
  const keyOfChallenge = new Map([...loaded.challengeIds].map(([k, v]) => [v, k]));
  const c2s = new Map<string, string[]>();
  const perChallenge: string[] = [];
  for (const c of set.challenges) {
    const page = await service.recommendedSmes(
      actorOf(loaded.issuerOf.get(c.key)!, 'ENTERPRISE'),
      loaded.challengeIds.get(c.key)!,
      { first: 20 },
      'en',
    );
    const ranked = page.edges.map((e) => keyOfSme.get(e.node.sme.id)!);
    c2s.set(c.key, ranked);
    const truth = challengeTruth(set, c.key);
    const linkOf = (sme: string) =>
      set.labels.find((l) => l.challenge === c.key && l.sme === sme)?.link;
    const mark = (k: string) =>
      truth.grades.has(k) ? `**${k}**` : truth.nearMisses.has(k) ? `~${k}~` : k;
    const missed = [...truth.grades.keys()]
      .filter((k) => !ranked.slice(0, 5).includes(k))
      .map((k) => `${k}${linkOf(k) ? ` (${linkOf(k)})` : ''} @${ranked.indexOf(k) + 1 || '–'}`);
    perChallenge.push(
      [
        c.key,
        c.lang,
        fmt(precisionAtK(ranked, truth.grades, 5)),
        fmt(recallAtK(ranked, truth.grades, 20)),
        fmt(ndcgAtK(ranked, truth.grades, 10)),
        ranked.slice(0, 5).map(mark).join(' '),
        missed.join(', '),
      ].join(' | '),
    );
  }
  const s2c = new Map<string, string[]>();
  for (const sme of set.smes) {
    const page = await service.recommendedChallenges(
      actorOf(loaded.smeIds.get(sme.key)!, 'SME'),
      { first: 20 },
      'en',
    );
    s2c.set(
      sme.key,
      page.edges.map((e) => keyOfChallenge.get(e.node.challenge.id)!),
    );
  }
  return {
    c2s: figures(c2s, (k) => challengeTruth(set, k)),
    s2c: figures(s2c, (k) => smeTruth(set, k)),
    perChallenge,
  };
}

/** Prints a line of the report (stdout; progress goes to stderr). */
const out = (text: string) => process.stdout.write(`${text}\n`);

const fmt = (x: number | null) => (x === null ? '–' : x.toFixed(3));

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      ablation: { type: 'boolean', default: false },
      'per-challenge': { type: 'boolean', default: false },
      /** Keep the database (its name is printed) to look into it. */
      keep: { type: 'boolean', default: false },
    },
  });
  const command = await openCommandDatabase({
    createsSchema: true,
    applicationName: 'eval:matching',
  });
  const name = `match_eval_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: command.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(command.url);
  url.pathname = `/${name}`;
  let failed = false;
  try {
    const configurations = values.ablation ? ABLATIONS : [FULL];
    const rows: string[] = [];
    let loaded: Loaded | null = null;
    let indexedWith: 'full' | 'none' | null = null;
    for (const configuration of configurations) {
      const config = loadConfig(
        {
          ...process.env,
          LOG_LEVEL: 'warn',
          MATCH_WEIGHTS: configuration.weights ?? process.env.MATCH_WEIGHTS ?? '',
        },
        { signsTokens: false },
      );
      const app = await createApp(config, { databaseUrl: url.toString(), runMigrations: true });
      try {
        const db = app.get(DataSourceClass);
        const started = Date.now();
        loaded ??= await load(db, EVAL_SET);
        const wanted = configuration.noVocabulary ? 'none' : 'full';
        if (indexedWith !== wanted) {
          if (indexedWith) await queueEverything(db);
          await indexQueued(
            db,
            wanted === 'none' ? new Vocabulary([]) : await loadMatchVocabulary(db),
          );
          indexedWith = wanted;
        }
        const loadedIn = Date.now() - started;
        const t0 = Date.now();
        const result = await measure(
          app.get(MatchmakingService, { strict: false }),
          EVAL_SET,
          loaded,
        );
        const queries = EVAL_SET.challenges.length + EVAL_SET.smes.length;
        const c = result.c2s;
        const s = result.s2c;
        rows.push(
          `| ${configuration.name} | ${fmt(c.precisionAt5)} | ${fmt(c.strictPrecisionAt5)} | ${fmt(c.precisionAt10)} | ${fmt(c.recallAt20)} | ${fmt(c.ndcgAt10)} | ${fmt(c.nearMissShareAt5)} | ${c.ineligibleResults} | ${fmt(s.recallAt5)} | ${fmt(s.precisionAt5)} | ${fmt(s.ndcgAt10)} | ${s.ineligibleResults} |`,
        );
        process.stderr.write(
          `${configuration.name}: loaded and indexed in ${loadedIn} ms, ${queries} recommendation requests in ${Date.now() - t0} ms\n`,
        );
        if (values['per-challenge'] && configuration === FULL) {
          out(
            'challenge | lang | P@5 | R@20 | nDCG@10 | top 5 (**fit**, ~near miss~) | fits not in the top 5 (link) @rank',
          );
          out(result.perChallenge.join('\n'));
          out('');
        }
        if (configuration === FULL) {
          failed =
            c.precisionAt5 < THRESHOLDS.challengeToSmes.precisionAt5 ||
            c.recallAt20 < THRESHOLDS.challengeToSmes.recallAt20 ||
            s.recallAt5 < THRESHOLDS.smeToChallenges.recallAt5 ||
            c.ineligibleResults + s.ineligibleResults > 0;
        }
      } finally {
        await app.close();
      }
    }
    out(
      `Matching quality on the labelled set (${EVAL_SET.challenges.length} challenges, ${EVAL_SET.smes.length} SMEs, ${EVAL_SET.labels.length} fits, ${EVAL_SET.traps.length} traps)\n`,
    );
    out(
      '| configuration | C→S P@5 | C→S strict P@5 | C→S P@10 | C→S R@20 | C→S nDCG@10 | near misses in top 5 | ineligible | S→C R@5 | S→C P@5 | S→C nDCG@10 | ineligible |',
    );
    out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    out(rows.join('\n'));
    out(
      `\nThresholds (all mechanisms): C→S P@5 ≥ ${THRESHOLDS.challengeToSmes.precisionAt5}, C→S R@20 ≥ ${THRESHOLDS.challengeToSmes.recallAt20}, S→C R@5 ≥ ${THRESHOLDS.smeToChallenges.recallAt5}, no ineligible result: ${failed ? 'NOT MET' : 'met'}`,
    );
  } finally {
    if (values.keep) process.stderr.write(`kept database ${name}\n`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await command.close();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CommandError ? error.message : error);
    process.exit(2);
  },
);
