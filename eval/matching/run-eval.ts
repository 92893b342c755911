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
import { SimilarChallengesService } from '../../src/matchmaking/similar-challenges.service.js';
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
import { challengesOf, figuresAt, labelledPairs, pairKey } from './duplicates/labels.js';
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
  /** Duplicate demands at SIMILAR_CHALLENGES_MIN_SIMILARITY. */
  duplicates: { precision: 0.9, recall: 0.8 },
};

/** The thresholds of the duplicate-detection table. */
const SIMILARITY_THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6];

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

/**
 * Duplicate demands: loads the labelled duplicate set (eval/matching/duplicates) into its own fresh database
 * (each challenge of an enterprise of its own, PENDING_REVIEW or PUBLISHED in turn), indexes it, asks the
 * service's own SimilarChallengesService for every challenge's similar challenges, whatever their similarity,
 * and returns every listed pair's similarity, with the largest difference between the two directions of a pair.
 */
async function measureDuplicates(
  url: string,
): Promise<{ similarity: Map<string, number>; asymmetry: number; threshold: number }> {
  const config = loadConfig(
    {
      ...process.env,
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'false',
      MATCH_WEIGHTS: process.env.MATCH_WEIGHTS ?? '',
    },
    { signsTokens: false },
  );
  const app = await createApp(config, { databaseUrl: url, runMigrations: true });
  try {
    const db = app.get(DataSourceClass);
    const ids = new Map<string, string>();
    for (const [i, c] of challengesOf().entries()) {
      const issuer = uuid();
      await db.query(
        `INSERT INTO organizations (id, kind, name_zh, credit_code, region_code, verification_status, verified_at)
         VALUES ($1, 'ENTERPRISE', $2, $3, '370000', 'VERIFIED', now())`,
        [issuer, `联盟成员${c.key}`, creditCode('370000')],
      );
      await db.query(
        `INSERT INTO enterprises (organization_id, industry_code, is_chain_leader) VALUES ($1, 'C', true)`,
        [issuer],
      );
      const id = uuid();
      ids.set(c.key, id);
      const published = i % 2 === 1;
      await db.query(
        `INSERT INTO challenges (id, issuer_organization_id, status, title_zh, title_en, summary_zh, summary_en, description,
                                 industry_code, chain_goal, demand_type, deadline, submitted_at, published_at, visibility)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '', 'C', 'STABILIZE', 'TECH_BREAKTHROUGH', now() + interval '30 days', now(),
                 CASE WHEN $8 THEN now() END, 'PUBLIC')`,
        [
          id,
          issuer,
          published ? 'PUBLISHED' : 'PENDING_REVIEW',
          c.titleZh ?? null,
          c.titleEn ?? null,
          c.summaryZh ?? null,
          c.summaryEn ?? null,
          published,
        ],
      );
      for (const [position, r] of c.requirements.entries())
        await db.query(
          `INSERT INTO challenge_requirements (challenge_id, position, name, target, unit, weight, must_have)
           VALUES ($1, $2, $3, $4, '', 0, false)`,
          [id, position, r.name, r.target],
        );
      for (const code of c.technicalFieldCodes)
        await db.query(
          `INSERT INTO challenge_technical_fields (challenge_id, field_code) VALUES ($1, $2)`,
          [id, code],
        );
    }
    await indexQueued(db, await loadMatchVocabulary(db));
    const service = app.get(SimilarChallengesService, { strict: false });
    const keyOf = new Map([...ids].map(([k, v]) => [v, k]));
    const directed = new Map<string, number>();
    for (const [key, id] of ids)
      for (const s of await service.score(id))
        directed.set(`${key}>${keyOf.get(s.id)!}`, s.similarity.similarity);
    const similarity = new Map<string, number>();
    let asymmetry = 0;
    for (const [edge, s] of directed) {
      const [a, b] = edge.split('>');
      const back = directed.get(`${b}>${a}`);
      if (back !== undefined) asymmetry = Math.max(asymmetry, Math.abs(back - s));
      const key = pairKey(a, b);
      similarity.set(key, Math.max(similarity.get(key) ?? 0, s));
    }
    return { similarity, asymmetry, threshold: config.similarChallengesMinSimilarity };
  } finally {
    await app.close();
  }
}

/** Prints the duplicate-detection figures; true when they meet the thresholds. */
function reportDuplicates(result: Awaited<ReturnType<typeof measureDuplicates>>): boolean {
  const { pairs, neutral } = labelledPairs();
  const duplicates = pairs.filter((p) => p.label === 'DUPLICATE');
  const at = (t: number) => figuresAt(t, result.similarity, pairs, neutral);
  const configured = at(result.threshold);
  out(
    `\nDuplicate demands on the labelled set (${challengesOf().length} challenges, ${duplicates.length} duplicate pairs, ${pairs.length - duplicates.length} near misses and other demands; every other pair counts as a non-duplicate)\n`,
  );
  out('| threshold | listed pairs | duplicates found | precision | recall | near misses listed |');
  out('| --- | --- | --- | --- | --- | --- |');
  const thresholds = [...new Set([...SIMILARITY_THRESHOLDS, result.threshold])].sort(
    (a, b) => a - b,
  );
  for (const t of thresholds) {
    const f = at(t);
    const mark = t === result.threshold ? ' (configured)' : '';
    out(
      `| ${t.toFixed(2)}${mark} | ${f.listed} | ${f.truePositives} | ${fmt(f.precision)} | ${fmt(f.recall)} | ${f.nearMissesListed} |`,
    );
  }
  const byKind = new Map<string, { found: number; total: number }>();
  for (const p of duplicates) {
    const k = byKind.get(p.kind) ?? { found: 0, total: 0 };
    k.total += 1;
    if ((result.similarity.get(pairKey(p.a, p.b)) ?? 0) >= result.threshold) k.found += 1;
    byKind.set(p.kind, k);
  }
  out(
    `\nRecall by kind at ${result.threshold}: ${[...byKind].map(([k, v]) => `${k} ${v.found}/${v.total}`).join(', ')}; largest difference between the two directions of a pair: ${result.asymmetry.toExponential(1)}`,
  );
  const met =
    configured.precision >= THRESHOLDS.duplicates.precision &&
    configured.recall >= THRESHOLDS.duplicates.recall;
  out(
    `Thresholds (duplicates at SIMILAR_CHALLENGES_MIN_SIMILARITY=${result.threshold}): precision ≥ ${THRESHOLDS.duplicates.precision}, recall ≥ ${THRESHOLDS.duplicates.recall}: ${met ? 'met' : 'NOT MET'}`,
  );
  return met;
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
  const duplicatesName = `${name}_dup`;
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
          JOBS_ENABLED: 'false',
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
    // Duplicate demands in a database of their own: the recommendation figures above stay those of their set.
    await admin.query(`CREATE DATABASE ${duplicatesName}`);
    const duplicatesUrl = new URL(command.url);
    duplicatesUrl.pathname = `/${duplicatesName}`;
    const t0 = Date.now();
    const duplicates = await measureDuplicates(duplicatesUrl.toString());
    process.stderr.write(
      `duplicate demands: loaded, indexed and compared in ${Date.now() - t0} ms\n`,
    );
    if (!reportDuplicates(duplicates)) failed = true;
  } finally {
    if (values.keep) process.stderr.write(`kept databases ${name} and ${duplicatesName}\n`);
    else
      for (const db of [name, duplicatesName])
        await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
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
