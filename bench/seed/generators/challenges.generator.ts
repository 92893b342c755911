import {
  SEARCH_VECTORS_SQL,
  searchDocument,
  zhTsvectorLiteral,
} from '../../../src/challenges/challenge-search.js';
import { insertRows, textArrayLiteral, type ColumnSpec, type SeedDb } from '../bulk.js';
import type { SeedGenerator } from '../generator.js';
import { PERSONAS, SUBMITTERS, ALL_PERSONAS } from '../personas.js';
import type { Rng } from '../rng.js';
import {
  DEMAND_GOALS,
  demandTitle,
  INDICATORS,
  paragraph,
  REGIONS,
  routesOf,
  TECHNICAL_FIELDS,
  type TechnicalField,
} from '../vocabulary.js';
import { FIELD_CODES, fieldCodes, personaIds } from './organizations.generator.js';

/**
 * The moment the data is drawn around. Nothing reads the clock (every machine gets the same rows), so
 * "open" challenges have deadlines from OPEN_DEADLINES_FROM on: the data assumes it is measured before
 * then (published challenges with a later deadline read as PUBLISHED, the others as CLOSED).
 */
const PUBLISHED_UNTIL = new Date('2026-11-20T00:00:00Z');
const OPEN_DEADLINES_FROM = new Date('2027-06-01T00:00:00Z');
const OPEN_DEADLINES_TO = new Date('2028-06-30T00:00:00Z');
const FIRST_PUBLICATION = new Date('2023-03-01T00:00:00Z');
const DAY = 86_400_000;

/** Stored statuses and their share; PUBLISHED_PAST is PUBLISHED with a past deadline (reads as CLOSED until the next write). */
type Kind =
  | 'OPEN'
  | 'PUBLISHED_PAST'
  | 'CLOSED'
  | 'AWARDED'
  | 'FAILED'
  | 'CANCELLED'
  | 'DRAFT'
  | 'PENDING_REVIEW'
  | 'CHANGES_REQUESTED'
  | 'REJECTED';
const KINDS: readonly (readonly [Kind, number])[] = [
  ['OPEN', 62],
  ['PUBLISHED_PAST', 2],
  ['CLOSED', 14],
  ['AWARDED', 8],
  ['FAILED', 2],
  ['CANCELLED', 3],
  ['DRAFT', 5],
  ['PENDING_REVIEW', 2],
  ['CHANGES_REQUESTED', 1],
  ['REJECTED', 1],
];
const STORED: Record<Kind, string> = {
  OPEN: 'PUBLISHED',
  PUBLISHED_PAST: 'PUBLISHED',
  CLOSED: 'CLOSED',
  AWARDED: 'AWARDED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
  DRAFT: 'DRAFT',
  PENDING_REVIEW: 'PENDING_REVIEW',
  CHANGES_REQUESTED: 'CHANGES_REQUESTED',
  REJECTED: 'REJECTED',
};
const REASONS: Partial<Record<Kind, string>> = {
  CANCELLED: '企业技术路线调整，撤回该需求 / The issuer changed its technical roadmap',
  CHANGES_REQUESTED: '请补充考核指标的测试方法 / Please add how each indicator is tested',
  REJECTED: '需求描述与联盟方向不符 / The demand is outside the alliance’s scope',
  FAILED: '无方案达到否决项要求，流榜 / No proposal met the veto criterion',
};

const CHAIN_GOALS = ['STABILIZE', 'SUPPLEMENT', 'CONSOLIDATE', 'STRENGTHEN'] as const;
const DEMAND_TYPES: readonly (readonly [string, number])[] = [
  ['TECH_BREAKTHROUGH', 45],
  ['PROCUREMENT', 15],
  ['SCENARIO_VALIDATION', 20],
  ['TECH_TRANSFORMATION', 15],
  ['TALENT', 5],
];
const MODES = [
  'JOINT_DEVELOPMENT',
  'COMMISSIONED_DEVELOPMENT',
  'TECH_TRANSFER',
  'LICENSE',
  'TECH_SERVICE',
  'EQUITY',
  'PROCUREMENT',
] as const;
const CRITERIA: readonly (readonly [zh: string, en: string])[] = [
  ['技术先进性', 'technical merit'],
  ['实施可行性', 'feasibility'],
  ['经济性', 'cost effectiveness'],
  ['团队能力', 'team capability'],
  ['产业化前景', 'industrialisation prospects'],
];
/** Weight splits of 3 or 4 criteria, each summing to 100. */
const CRITERIA_WEIGHTS: readonly (readonly number[])[] = [
  [40, 30, 30],
  [50, 30, 20],
  [40, 30, 20, 10],
  [30, 30, 20, 20],
  [35, 25, 25, 15],
];
const REQUIREMENT_WEIGHTS: readonly (readonly number[])[] = [
  [60, 40],
  [50, 30, 20],
  [40, 30, 20, 10],
  [100],
];

/** The first challenges belong to the enterprise persona: the ranked one (past its deadline, scored) and open ones. */
export const PERSONA_CHALLENGES = 10;
/** Challenge index of the enterprise persona's ranked challenge (CLOSED, reviewers and scores on every proposal). */
export const RANKED_CHALLENGE_INDEX = 0;

const CHALLENGE_COLUMNS = [
  'id',
  'issuer_organization_id',
  'created_by',
  'status',
  'title_zh',
  'title_en',
  'summary_zh',
  'summary_en',
  'description',
  'industry_code',
  'chain_goal',
  'demand_type',
  'cooperation_modes',
  'budget_min',
  'budget_max',
  'bounty',
  'ip_ownership',
  'min_qualification',
  'allowed_region_codes',
  'verified_only',
  'visibility',
  'anonymous_issuer',
  'blind_review',
  'deadline',
  'submitted_at',
  'published_at',
  'closed_at',
  'status_reason',
  'status_changed_at',
  'version',
  'requires_terms',
  'terms_version',
  'excluded_approaches',
  'created_at',
  'updated_at',
  'search_zh',
  'search_en_title',
  'search_en_body',
] as const;
const TYPES: Record<(typeof CHALLENGE_COLUMNS)[number], string> = {
  id: 'uuid',
  issuer_organization_id: 'uuid',
  created_by: 'uuid',
  status: 'text',
  title_zh: 'text',
  title_en: 'text',
  summary_zh: 'text',
  summary_en: 'text',
  description: 'text',
  industry_code: 'text',
  chain_goal: 'text',
  demand_type: 'text',
  cooperation_modes: 'text',
  budget_min: 'int8',
  budget_max: 'int8',
  bounty: 'int8',
  ip_ownership: 'text',
  min_qualification: 'text',
  allowed_region_codes: 'text',
  verified_only: 'bool',
  visibility: 'text',
  anonymous_issuer: 'bool',
  blind_review: 'bool',
  deadline: 'timestamptz',
  submitted_at: 'timestamptz',
  published_at: 'timestamptz',
  closed_at: 'timestamptz',
  status_reason: 'text',
  status_changed_at: 'timestamptz',
  version: 'int4',
  requires_terms: 'bool',
  terms_version: 'int4',
  excluded_approaches: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  search_zh: 'text',
  search_en_title: 'text',
  search_en_body: 'text',
};

/**
 * One statement per batch. The search vectors are built exactly as ChallengeContentService writes them
 * (searchDocument + zhTsvectorLiteral in JS, SEARCH_VECTORS_SQL in SQL).
 */
function challengeInsertSql(): string {
  const params = CHALLENGE_COLUMNS.map((c, i) => `$${i + 1}::${TYPES[c]}[]`).join(', ');
  const stored = CHALLENGE_COLUMNS.filter((c) => !c.startsWith('search_'));
  const cast: Partial<Record<string, string>> = {
    status: '::challenge_status',
    chain_goal: '::challenge_chain_goal',
    demand_type: '::challenge_demand_type',
    cooperation_modes: '::cooperation_mode[]',
    ip_ownership: '::ip_ownership',
    min_qualification: '::challenge_min_qualification',
    allowed_region_codes: '::varchar[]',
    visibility: '::challenge_visibility',
    industry_code: '::bpchar',
    excluded_approaches: '::jsonb',
  };
  return `INSERT INTO challenges (${stored.join(', ')}, search_zh, search_en)
    SELECT ${stored.map((c) => `r.${c}${cast[c] ?? ''}`).join(', ')},
           ${SEARCH_VECTORS_SQL.zh('r.search_zh')}, ${SEARCH_VECTORS_SQL.en('r.search_en_title', 'r.search_en_body')}
      FROM unnest(${params}) AS r(${CHALLENGE_COLUMNS.join(', ')})
    ON CONFLICT DO NOTHING`;
}

const REQUIREMENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'uuid' },
  { name: 'challenge_id', type: 'uuid' },
  { name: 'position', type: 'int2' },
  { name: 'name', type: 'text' },
  { name: 'target', type: 'text' },
  { name: 'unit', type: 'text' },
  { name: 'weight', type: 'int2' },
  { name: 'must_have', type: 'bool' },
];
const CRITERION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'uuid' },
  { name: 'challenge_id', type: 'uuid' },
  { name: 'position', type: 'int2' },
  { name: 'name', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'weight', type: 'int2' },
  { name: 'veto', type: 'bool' },
];
const FIELD_COLUMNS: readonly ColumnSpec[] = [
  { name: 'challenge_id', type: 'uuid' },
  { name: 'field_code', type: 'text' },
];
const TERMS_COLUMNS: readonly ColumnSpec[] = [
  { name: 'challenge_id', type: 'uuid' },
  { name: 'version', type: 'int4' },
  { name: 'text', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
];

interface Issuer {
  id: string;
  ownerId: string;
}

const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

interface Batch {
  challenges: unknown[][];
  requirements: unknown[][];
  criteria: unknown[][];
  fields: unknown[][];
  terms: unknown[][];
}
const emptyBatch = (): Batch => ({
  challenges: [],
  requirements: [],
  criteria: [],
  fields: [],
  terms: [],
});
const BATCH = 2000;

async function writeBatch(db: SeedDb, sql: string, b: Batch): Promise<void> {
  if (b.challenges.length === 0) return;
  const columns = CHALLENGE_COLUMNS.map((_, c) => b.challenges.map((row) => row[c]));
  await db.query(sql, columns);
  const write = (table: string, spec: readonly ColumnSpec[], rows: unknown[][]) =>
    rows.length
      ? insertRows(db, table, spec, rows.length, (i) => rows[i], { batchSize: rows.length })
      : Promise.resolve(0);
  await write('challenge_requirements', REQUIREMENT_COLUMNS, b.requirements);
  await write('evaluation_criteria', CRITERION_COLUMNS, b.criteria);
  await write('challenge_technical_fields', FIELD_COLUMNS, b.fields);
  await write('challenge_terms', TERMS_COLUMNS, b.terms);
}

/**
 * Challenges (100,000 at L), issued by enterprises with an ACTIVE alliance membership: bilingual titles,
 * summaries and descriptions from the vocabulary; mostly PUBLISHED with deadlines from mid-2027, then
 * CLOSED, AWARDED, FAILED, CANCELLED and the pre-publication states; PUBLIC / REGISTERED / INVITE_ONLY;
 * 1–2 taxonomy codes; requirements (考核指标, weights summing to 100, named in the challenge's language) and
 * evaluation criteria (summing to 100, sometimes a veto); excluded approaches (技术路线 ruled out) on about one
 * in six; terms on a few. Search vectors as the service computes them. The
 * enterprise persona issues the first PERSONA_CHALLENGES; the submitter personas join their SMEs here.
 * No audit events (see the organisations generator).
 */
export const challengesGenerator: SeedGenerator = {
  name: 'challenges',
  dependsOn: ['organizations'],
  async run(db, size, rng) {
    const issuers = await db.query<{ id: string; owner_id: string }>(
      `SELECT o.id, o.created_by AS owner_id FROM alliance_memberships am JOIN organizations o ON o.id = am.organization_id
        WHERE am.status = 'ACTIVE' ORDER BY o.id`,
    );
    if (issuers.length === 0)
      throw new Error(
        'no ACTIVE alliance member to issue challenges: run the organizations generator first',
      );
    const [enterpriseOwner] = await personaIds(db, [PERSONAS.enterprise.email]);
    const [personaOrg] = await db.query<{ id: string }>(
      `SELECT organization_id AS id FROM organization_members WHERE user_id = $1`,
      [enterpriseOwner],
    );
    if (!personaOrg)
      throw new Error(
        'the enterprise persona has no organisation: run the organizations generator first',
      );
    await linkSubmitters(db);
    const taxonomy = await fieldCodes(db);
    // The persona's enterprise issues only its own challenges (one CLOSED: the ranked one).
    const pool: Issuer[] = issuers
      .filter((r) => r.id !== personaOrg.id)
      .map((r) => ({ id: r.id, ownerId: r.owner_id }));
    const persona: Issuer = { id: personaOrg.id, ownerId: enterpriseOwner };
    const sql = challengeInsertSql();
    // Excluded approaches draw from their own stream, so the rest of each challenge is as before they existed.
    const approaches = rng.fork('excluded-approaches');

    let batch = emptyBatch();
    const count = size.count('challenges');
    for (let i = 0; i < count; i += 1) {
      const issuer = i < PERSONA_CHALLENGES ? persona : rng.pick(pool);
      addChallenge(batch, rng, approaches, i, issuer, taxonomy.all);
      if (batch.challenges.length >= BATCH) {
        await writeBatch(db, sql, batch);
        batch = emptyBatch();
      }
    }
    await writeBatch(db, sql, batch);
  },
};

function addChallenge(
  b: Batch,
  rng: Rng,
  approaches: Rng,
  index: number,
  issuer: Issuer,
  taxonomy: readonly string[],
): void {
  const ranked = index === RANKED_CHALLENGE_INDEX;
  const kind: Kind = ranked ? 'CLOSED' : index < PERSONA_CHALLENGES ? 'OPEN' : rng.weighted(KINDS);
  const field: TechnicalField = rng.pick(TECHNICAL_FIELDS);
  const title = demandTitle(rng, field);
  const region = rng.pick(REGIONS);
  const goal = rng.pick(DEMAND_GOALS);
  const languages = rng.weighted([
    ['both', 70],
    ['zh', 25],
    ['en', 5],
  ] as const);
  const titleZh = languages === 'en' ? null : title.zh;
  const titleEn = languages === 'zh' ? null : title.en;
  const summaryZh =
    languages === 'en'
      ? null
      : `面向${region.zh}${field.zh}产业链，征集${title.topic.zh}${goal.zh}解决方案，要求在${rng.int(6, 24)}个月内完成样机验证。`;
  const summaryEn =
    languages === 'zh'
      ? null
      : `For the ${field.en} supply chain in ${region.en}, we seek ${goal.en} for ${title.topic.en}, with a prototype validated within ${rng.int(6, 24)} months.`;
  const description = [
    paragraph(rng, field, 'zh', 4),
    languages !== 'zh' ? paragraph(rng, field, 'en', 3) : '',
  ]
    .filter(Boolean)
    .join('\n\n');

  // Dates: open challenges were published recently and close from mid-2027; the others closed in the past.
  const published = !['DRAFT', 'PENDING_REVIEW', 'CHANGES_REQUESTED', 'REJECTED'].includes(kind);
  let publishedAt: Date | null = null;
  let deadline: Date;
  let createdAt: Date;
  if (kind === 'OPEN' || !published) {
    publishedAt = published ? rng.date(new Date('2026-03-01T00:00:00Z'), PUBLISHED_UNTIL) : null;
    deadline = rng.date(OPEN_DEADLINES_FROM, OPEN_DEADLINES_TO);
    createdAt = publishedAt
      ? plusDays(publishedAt, -rng.int(3, 30))
      : rng.date(new Date('2026-06-01T00:00:00Z'), PUBLISHED_UNTIL);
  } else {
    publishedAt = rng.date(FIRST_PUBLICATION, new Date('2026-06-30T00:00:00Z'));
    deadline = plusDays(publishedAt, rng.int(30, 120));
    createdAt = plusDays(publishedAt, -rng.int(3, 30));
  }
  if (ranked) {
    publishedAt = new Date('2026-08-03T02:00:00Z');
    deadline = new Date('2026-10-31T16:00:00Z');
    createdAt = new Date('2026-07-20T02:00:00Z');
  }
  const submittedAt = kind === 'DRAFT' ? null : plusDays(createdAt, 1);
  const closedAt = ['CLOSED', 'AWARDED', 'FAILED'].includes(kind)
    ? deadline
    : kind === 'CANCELLED'
      ? rng.date(publishedAt!, deadline)
      : null;
  const statusChangedAt =
    kind === 'AWARDED'
      ? plusDays(deadline, rng.int(20, 60))
      : kind === 'FAILED'
        ? plusDays(deadline, rng.int(10, 40))
        : (closedAt ?? publishedAt ?? submittedAt ?? createdAt);

  const visibility =
    ranked || index < PERSONA_CHALLENGES
      ? 'PUBLIC'
      : rng.weighted([
          ['PUBLIC', 80],
          ['REGISTERED', 15],
          ['INVITE_ONLY', 5],
        ] as const);
  const minQualification = ranked
    ? 'NONE'
    : rng.weighted([
        ['NONE', 70],
        ['INNOVATIVE', 15],
        ['SPECIALIZED', 12],
        ['LITTLE_GIANT', 3],
      ] as const);
  const regions = rng.chance(0.1)
    ? [
        ...new Set([
          `${region.zh === '上海' ? '31' : '37'}0000`,
          rng.pick(['320000', '330000', '440000']),
        ]),
      ]
    : [];
  const requiresTerms = !ranked && index >= PERSONA_CHALLENGES && rng.chance(0.05);
  const budgetMax = rng.int(5, 200) * 100_000 * 100; // 50万 to 2,000万 CNY, in fen
  const budgetMin = rng.chance(0.7) ? Math.round(budgetMax * rng.pick([0.3, 0.5, 0.6])) : null;
  const id = rng.uuid();

  const weights = rng.pick(REQUIREMENT_WEIGHTS);
  const indicators = rng.sample(INDICATORS, weights.length);
  const requirementNames: string[] = [];
  indicators.forEach((indicator, k) => {
    // Named in the challenge's language (Chinese when it has both).
    const name =
      languages === 'en' ? `${title.topic.en} ${indicator.en}` : `${title.topic.zh}${indicator.zh}`;
    requirementNames.push(name);
    const value = rng.int(2, 99) * (indicator.unit === '%' ? 1 : rng.pick([1, 10, 100]));
    b.requirements.push([
      rng.uuid(),
      id,
      k + 1,
      name,
      `${rng.chance(0.5) ? '≥' : '≤'} ${value}`,
      indicator.unit,
      weights[k],
      rng.chance(0.3),
    ]);
  });
  const criteriaWeights = ranked ? [40, 30, 20, 10] : rng.pick(CRITERIA_WEIGHTS);
  const veto = ranked || rng.chance(0.2);
  criteriaWeights.forEach((weight, k) => {
    const [zh, en] = CRITERIA[k];
    b.criteria.push([
      rng.uuid(),
      id,
      k + 1,
      zh,
      `${zh}（${en}）`,
      weight,
      veto && k === criteriaWeights.length - 1,
    ]);
  });
  const own = (FIELD_CODES[field.code] ?? []).filter((c) => taxonomy.includes(c));
  for (const code of rng.sample(own.length ? own : taxonomy, rng.int(1, 2)))
    b.fields.push([id, code]);
  if (requiresTerms)
    b.terms.push([
      id,
      1,
      '应答方须对需求详情保密，不得用于本需求以外的用途。/ Respondents keep the details confidential.',
      createdAt,
    ]);

  const doc = searchDocument({ titleZh, titleEn, summaryZh, summaryEn, requirementNames });
  b.challenges.push([
    id,
    issuer.id,
    issuer.ownerId,
    STORED[kind],
    titleZh,
    titleEn,
    summaryZh,
    summaryEn,
    description,
    rng.weighted([
      ['C', 70],
      ['D', 10],
      ['I', 10],
      ['M', 10],
    ] as const),
    rng.pick(CHAIN_GOALS),
    rng.weighted(DEMAND_TYPES),
    textArrayLiteral(rng.sample(MODES, rng.int(1, 3))),
    budgetMin,
    budgetMax,
    rng.chance(0.2) ? rng.int(1, 20) * 10_000 * 100 : null,
    rng.weighted([
      ['NEGOTIABLE', 50],
      ['SHARED', 25],
      ['ISSUER', 20],
      ['RESPONDENT', 5],
    ] as const),
    minQualification,
    textArrayLiteral(ranked ? [] : regions),
    true,
    visibility,
    !ranked && rng.chance(0.05),
    !ranked && rng.chance(0.15),
    deadline,
    submittedAt,
    publishedAt,
    closedAt,
    REASONS[kind] ?? null,
    statusChangedAt,
    1,
    requiresTerms,
    requiresTerms ? 1 : null,
    JSON.stringify(excludedApproaches(approaches, field, languages)),
    createdAt,
    statusChangedAt,
    zhTsvectorLiteral(doc),
    doc.enTitle,
    doc.enBody,
  ]);
}

/**
 * Technical approaches the issuer rules out (about one challenge in six, one or two of the field's routes),
 * labelled in the challenge's language(s): some SMEs follow them, so matchmaking meets a conflicting route.
 */
function excludedApproaches(
  rng: Rng,
  field: TechnicalField,
  languages: 'both' | 'zh' | 'en',
): { zh: string | null; en: string | null }[] {
  if (!rng.chance(0.16)) return [];
  return rng.sample(routesOf(field), rng.int(1, 2)).map((r) => ({
    zh: languages === 'en' ? null : r.zh,
    en: languages === 'zh' ? null : r.en,
  }));
}

/**
 * The submitter personas become ADMINs of the first verified SMEs (by id) with no qualification limit to
 * worry about (NONE or a valid certificate), other than the SME persona's; the proposals generator
 * leaves these SMEs without proposals.
 */
async function linkSubmitters(db: SeedDb): Promise<void> {
  const ids = await personaIds(
    db,
    SUBMITTERS.map((name) => ALL_PERSONAS[name].email),
  );
  const [smePersona] = await personaIds(db, [PERSONAS.sme.email]);
  const smes = await db.query<{ id: string }>(
    `SELECT o.id FROM organizations o JOIN smes s ON s.organization_id = o.id
      WHERE o.verification_status = 'VERIFIED' AND NOT EXISTS (SELECT 1 FROM organization_members m WHERE m.organization_id = o.id AND m.user_id = $1)
      ORDER BY o.id LIMIT $2`,
    [smePersona, ids.length],
  );
  if (smes.length < ids.length)
    throw new Error('not enough verified SMEs for the submitter personas');
  await db.query(
    `INSERT INTO organization_members (user_id, organization_id, role, joined_at)
     SELECT u, o, 'ADMIN', '2026-07-01T00:00:00Z' FROM unnest($1::uuid[], $2::uuid[]) AS x(u, o) ON CONFLICT DO NOTHING`,
    [ids, smes.map((s) => s.id)],
  );
}

/** The SMEs the submitter personas act for (the proposals generator leaves them out). */
export async function submitterSmeIds(db: SeedDb): Promise<string[]> {
  const ids = await personaIds(
    db,
    SUBMITTERS.map((name) => ALL_PERSONAS[name].email),
  );
  const rows = await db.query<{ id: string }>(
    `SELECT organization_id AS id FROM organization_members WHERE user_id = ANY($1::uuid[])`,
    [ids],
  );
  return rows.map((r) => r.id);
}
