import { contentSha256, type ProposalContent } from '../../../src/proposals/proposal-content.js';
import { insertRows, type ColumnSpec, type SeedDb } from '../bulk.js';
import type { SeedGenerator } from '../generator.js';
import { PERSONAS } from '../personas.js';
import type { Rng } from '../rng.js';
import {
  DEMAND_GOALS,
  paragraph,
  personName,
  TECHNICAL_FIELDS,
  type TechnicalField,
} from '../vocabulary.js';
import { submitterSmeIds } from './challenges.generator.js';
import { personaIds } from './organizations.generator.js';

const DAY = 86_400_000;
/** Nothing is submitted after this (see the challenges generator: the data is drawn around late 2026). */
const SUBMITTED_UNTIL = new Date('2026-11-20T00:00:00Z');
/** Proposals on the enterprise persona's ranked challenge (every one scored by 3 reviewers, one recusal). */
export const RANKED_PROPOSALS = 200;
/** Share of the other CLOSED / AWARDED challenges with reviewers and scores. */
const SCORED_SHARE = 0.1;
const CHUNK = 5000;
const LEVELS = ['NONE', 'INNOVATIVE', 'SPECIALIZED', 'LITTLE_GIANT'] as const;

const PROPOSAL_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'uuid' },
  { name: 'challenge_id', type: 'uuid' },
  { name: 'organization_id', type: 'uuid' },
  { name: 'status', type: 'text', cast: 'proposal_status' },
  { name: 'draft_content', type: 'text', cast: 'jsonb' },
  { name: 'current_revision', type: 'int4' },
  { name: 'submitted_at', type: 'timestamptz' },
  { name: 'receipt_sha256', type: 'text' },
  { name: 'award_amount', type: 'int8' },
  { name: 'not_selected_reason', type: 'text', cast: 'proposal_not_selected_reason' },
  { name: 'feedback', type: 'text' },
  { name: 'decided_at', type: 'timestamptz' },
  { name: 'decided_by', type: 'uuid' },
  { name: 'created_by', type: 'uuid' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];
const REVISION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'proposal_id', type: 'uuid' },
  { name: 'revision', type: 'int4' },
  { name: 'content', type: 'text', cast: 'jsonb' },
  { name: 'content_sha256', type: 'text' },
  { name: 'created_by', type: 'uuid' },
  { name: 'created_at', type: 'timestamptz' },
];
const ASSIGNMENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'uuid' },
  { name: 'challenge_id', type: 'uuid' },
  { name: 'proposal_id', type: 'uuid' },
  { name: 'reviewer_user_id', type: 'uuid' },
  { name: 'status', type: 'text', cast: 'review_assignment_status' },
  { name: 'reason', type: 'text' },
  { name: 'assigned_by', type: 'uuid' },
  { name: 'responded_at', type: 'timestamptz' },
  { name: 'created_at', type: 'timestamptz' },
];
const SCORE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'uuid' },
  { name: 'assignment_id', type: 'uuid' },
  { name: 'proposal_id', type: 'uuid' },
  { name: 'criterion_id', type: 'uuid' },
  { name: 'score', type: 'int2' },
  { name: 'comment', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];

interface ChallengeRow {
  id: string;
  status: string;
  title_zh: string | null;
  title_en: string | null;
  issuer_owner: string | null;
  deadline: Date;
  published_at: Date;
  status_changed_at: Date;
  min_qualification: (typeof LEVELS)[number];
  allowed_region_codes: string[];
  requirement_ids: string[];
  requirement_units: string[];
  criteria: { id: string; veto: boolean }[];
}

interface Sme {
  id: string;
  ownerId: string;
  level: number;
  region: string;
}

interface Chunk {
  proposals: unknown[][];
  revisions: unknown[][];
  assignments: unknown[][];
  scores: unknown[][];
}
const emptyChunk = (): Chunk => ({ proposals: [], revisions: [], assignments: [], scores: [] });

async function writeChunk(db: SeedDb, c: Chunk): Promise<void> {
  const write = (table: string, spec: readonly ColumnSpec[], rows: unknown[][]) =>
    rows.length ? insertRows(db, table, spec, rows.length, (i) => rows[i]) : Promise.resolve(0);
  await write('proposals', PROPOSAL_COLUMNS, c.proposals);
  await write('proposal_revisions', REVISION_COLUMNS, c.revisions);
  await write('review_assignments', ASSIGNMENT_COLUMNS, c.assignments);
  await write('scores', SCORE_COLUMNS, c.scores);
}

function fieldOf(c: ChallengeRow): TechnicalField {
  return (
    TECHNICAL_FIELDS.find((f) =>
      c.title_zh ? c.title_zh.startsWith(f.zh) : c.title_en?.endsWith(`for ${f.en}`),
    ) ?? TECHNICAL_FIELDS[0]
  );
}

/**
 * Proposals (1,000,000 at L) over the published challenges (not the cancelled ones), one `proposals` row
 * each plus, once submitted, its `proposal_revisions` row 1 with the content's SHA-256 computed by the
 * service's own contentSha256. Statuses follow the challenge: open → SUBMITTED (some DRAFT or WITHDRAWN);
 * past the deadline → UNDER_REVIEW / SHORTLISTED; AWARDED → one SELECTED with an award, the rest
 * NOT_SELECTED; FAILED → NOT_SELECTED (CHALLENGE_FAILED). One live proposal per SME and challenge; SMEs
 * are verified and qualify for the challenge. The enterprise persona's ranked challenge gets
 * RANKED_PROPOSALS, 3 reviewers (the expert persona among them) with one recusal, and every score; a share
 * of the other CLOSED / AWARDED challenges has reviewers and scores too. The submitter personas' SMEs get
 * none. No audit events.
 */
export const proposalsGenerator: SeedGenerator = {
  name: 'proposals',
  dependsOn: ['challenges'],
  async run(db, size, rng) {
    const [enterpriseOwner, expertPersona] = await personaIds(db, [
      PERSONAS.enterprise.email,
      PERSONAS.expert.email,
    ]);
    const excluded = new Set(await submitterSmeIds(db));
    const smes = (
      await db.query<{ id: string; owner_id: string; level: string; region: string }>(
        `SELECT o.id, o.created_by AS owner_id, o.region_code AS region,
                CASE WHEN s.qualification_valid_until IS NULL OR s.qualification_valid_until >= DATE '2027-06-30' THEN s.qualification::text ELSE 'NONE' END AS level
           FROM organizations o JOIN smes s ON s.organization_id = o.id WHERE o.verification_status = 'VERIFIED' ORDER BY o.id`,
      )
    )
      .filter((r) => !excluded.has(r.id))
      .map((r): Sme => ({
        id: r.id,
        ownerId: r.owner_id,
        level: LEVELS.indexOf(r.level as (typeof LEVELS)[number]),
        region: r.region,
      }));
    const byLevel = LEVELS.map((_, k) => smes.filter((s) => s.level >= k));
    const experts = (
      await db.query<{ id: string }>(
        `SELECT id FROM users WHERE 'EXPERT' = ANY(platform_roles) AND id <> $1 ORDER BY id`,
        [expertPersona],
      )
    ).map((r) => r.id);
    const challenges = await db.query<ChallengeRow>(
      `SELECT c.id, c.status::text AS status, c.title_zh, c.title_en, o.created_by AS issuer_owner, c.deadline, c.published_at, c.status_changed_at,
              c.min_qualification::text AS min_qualification, c.allowed_region_codes::text[] AS allowed_region_codes,
              ARRAY(SELECT r.id::text FROM challenge_requirements r WHERE r.challenge_id = c.id ORDER BY r.position) AS requirement_ids,
              ARRAY(SELECT r.unit::text FROM challenge_requirements r WHERE r.challenge_id = c.id ORDER BY r.position) AS requirement_units,
              (SELECT json_agg(json_build_object('id', e.id, 'veto', e.veto) ORDER BY e.position) FROM evaluation_criteria e WHERE e.challenge_id = c.id) AS criteria
         FROM challenges c JOIN organizations o ON o.id = c.issuer_organization_id
        WHERE c.published_at IS NOT NULL AND c.status <> 'CANCELLED' ORDER BY c.id`,
    );
    const [ranked] = await db.query<{ id: string }>(
      `SELECT c.id FROM challenges c JOIN organization_members m ON m.organization_id = c.issuer_organization_id
        WHERE m.user_id = $1 AND c.status = 'CLOSED' ORDER BY c.id LIMIT 1`,
      [enterpriseOwner],
    );
    if (!ranked)
      throw new Error(
        'the enterprise persona has no CLOSED challenge: run the challenges generator first',
      );

    // How many proposals each challenge gets: skewed (most get a few, some dozens), scaled to the total.
    const total = size.count('proposals');
    const rankedCount = Math.min(RANKED_PROPOSALS, Math.floor(smes.length / 2));
    const weights = challenges.map((c) =>
      c.id === ranked.id
        ? 0
        : rng.weighted([
            [1, 25],
            [3, 25],
            [6, 20],
            [12, 15],
            [25, 10],
            [50, 5],
          ] as const) * rng.next(),
    );
    const sum = weights.reduce((s, w) => s + w, 0);
    const counts = weights.map((w, i) =>
      challenges[i].id === ranked.id ? rankedCount : Math.round((w * (total - rankedCount)) / sum),
    );

    let chunk = emptyChunk();
    for (let i = 0; i < challenges.length; i += 1) {
      const c = challenges[i];
      const isRanked = c.id === ranked.id;
      const scored =
        isRanked || ((c.status === 'CLOSED' || c.status === 'AWARDED') && rng.chance(SCORED_SHARE));
      addChallengeProposals(
        chunk,
        rng,
        c,
        counts[i],
        byLevel[LEVELS.indexOf(c.min_qualification)],
        scored,
        isRanked,
        isRanked ? [expertPersona, ...experts] : experts,
      );
      if (chunk.proposals.length >= CHUNK) {
        await writeChunk(db, chunk);
        chunk = emptyChunk();
      }
    }
    await writeChunk(db, chunk);
    // 公示 of the awarded challenges, closed (ids derived from the challenge's, so reruns skip them).
    await db.query(
      `INSERT INTO publicities (id, challenge_id, started_at, ends_at, closed_at, outcome)
       SELECT md5('publicity:' || c.id::text)::uuid, c.id, c.status_changed_at - interval '7 days', c.status_changed_at, c.status_changed_at, 'AWARDED'
         FROM challenges c WHERE c.status = 'AWARDED' ON CONFLICT DO NOTHING`,
    );
  },
};

function addChallengeProposals(
  chunk: Chunk,
  rng: Rng,
  c: ChallengeRow,
  count: number,
  eligible: readonly Sme[],
  scored: boolean,
  ranked: boolean,
  experts: readonly string[],
): void {
  if (count <= 0 || eligible.length === 0) return;
  const chosen = new Map<string, Sme>();
  const regions = c.allowed_region_codes;
  for (
    let tries = 0;
    chosen.size < Math.min(count, eligible.length) && tries < count * 20;
    tries += 1
  ) {
    const sme = rng.pick(eligible);
    if (regions.length && !regions.includes(sme.region)) continue;
    chosen.set(sme.id, sme);
  }
  const field = fieldOf(c);
  const pastDeadline = c.deadline.getTime() <= SUBMITTED_UNTIL.getTime();
  const lastSubmission = new Date(
    Math.min(c.deadline.getTime() - 3_600_000, SUBMITTED_UNTIL.getTime()),
  );
  const decidedAt = c.status_changed_at;
  const live: { id: string; quality: number }[] = [];
  let selected = false;
  for (const sme of chosen.values()) {
    const id = rng.uuid();
    let status: string;
    if (c.status === 'PUBLISHED' && !pastDeadline)
      status = rng.weighted([
        ['SUBMITTED', 88],
        ['DRAFT', 6],
        ['WITHDRAWN', 6],
      ] as const);
    else if (c.status === 'PUBLISHED')
      status = rng.weighted([
        ['SUBMITTED', 90],
        ['DRAFT', 5],
        ['WITHDRAWN', 5],
      ] as const);
    else if (c.status === 'CLOSED')
      status = ranked
        ? rng.weighted([
            ['UNDER_REVIEW', 88],
            ['SHORTLISTED', 10],
            ['WITHDRAWN', 2],
          ] as const)
        : rng.weighted([
            ['UNDER_REVIEW', 75],
            ['SHORTLISTED', 10],
            ['WITHDRAWN', 8],
            ['DRAFT', 7],
          ] as const);
    else if (c.status === 'AWARDED')
      status = !selected
        ? 'SELECTED'
        : rng.weighted([
            ['NOT_SELECTED', 92],
            ['WITHDRAWN', 8],
          ] as const);
    else
      status = rng.weighted([
        ['NOT_SELECTED', 92],
        ['WITHDRAWN', 8],
      ] as const); // FAILED
    if (status === 'SELECTED') selected = true;
    const createdAt = rng.date(c.published_at, lastSubmission);
    const submittedAt =
      status === 'DRAFT'
        ? null
        : new Date(Math.min(createdAt.getTime() + rng.int(0, 10) * DAY, lastSubmission.getTime()));
    const content = proposalContent(rng, c, field);
    const json = JSON.stringify(content);
    const sha = status === 'DRAFT' ? null : contentSha256(content);
    const decided = ['SELECTED', 'NOT_SELECTED'].includes(status);
    const notSelectedReason =
      status === 'NOT_SELECTED'
        ? c.status === 'FAILED'
          ? 'CHALLENGE_FAILED'
          : rng.pick([
              'LESS_COMPETITIVE',
              'PRICE_TOO_HIGH',
              'TECHNICAL_MISMATCH',
              'BELOW_THRESHOLD',
            ])
        : null;
    chunk.proposals.push([
      id,
      c.id,
      sme.id,
      status,
      status === 'DRAFT' ? json : null,
      status === 'DRAFT' ? 0 : 1,
      submittedAt,
      sha,
      status === 'SELECTED' ? content.quotedPriceFen : null,
      notSelectedReason,
      notSelectedReason
        ? '感谢参与，本次未入选。/ Thank you for taking part; your proposal was not selected this time.'
        : null,
      decided ? decidedAt : null,
      decided ? c.issuer_owner : null,
      sme.ownerId,
      createdAt,
      decided ? decidedAt : (submittedAt ?? createdAt),
    ]);
    if (sha) chunk.revisions.push([id, 1, json, sha, sme.ownerId, submittedAt]);
    if (status !== 'DRAFT' && status !== 'WITHDRAWN')
      live.push({ id, quality: status === 'SELECTED' ? 9 : rng.int(3, 9) });
  }
  if (!scored || live.length === 0 || experts.length < 3) return;
  // Three reviewers accepted the challenge's review; on the ranked challenge one recused from one proposal.
  const reviewers = ranked
    ? [experts[0], ...rng.sample(experts.slice(1), 2)]
    : rng.sample(experts, 3);
  const assignedAt = new Date(c.deadline.getTime() + DAY);
  const recused = ranked ? { reviewer: reviewers[2], proposal: live[0].id } : null;
  for (const reviewer of reviewers) {
    const assignment = rng.uuid();
    chunk.assignments.push([
      assignment,
      c.id,
      null,
      reviewer,
      'ACCEPTED',
      null,
      c.issuer_owner,
      assignedAt,
      assignedAt,
    ]);
    for (const p of live) {
      if (recused && recused.reviewer === reviewer && recused.proposal === p.id) continue;
      for (const criterion of c.criteria ?? []) {
        const score = Math.max(0, Math.min(10, p.quality + rng.int(-1, 1)));
        chunk.scores.push([
          rng.uuid(),
          assignment,
          p.id,
          criterion.id,
          score,
          score >= 7 ? '方案可行，指标有依据。' : '指标论证不足。',
          assignedAt,
          assignedAt,
        ]);
      }
    }
  }
  if (recused) {
    chunk.assignments.push([
      rng.uuid(),
      c.id,
      recused.proposal,
      recused.reviewer,
      'RECUSED',
      '与应答方存在合作关系，申请回避。/ Prior collaboration with this SME.',
      c.issuer_owner,
      assignedAt,
      assignedAt,
    ]);
  }
}

function proposalContent(rng: Rng, c: ChallengeRow, field: TechnicalField): ProposalContent {
  const title = c.title_zh ?? c.title_en ?? '';
  const months = rng.int(6, 36);
  const price = rng.int(20, 1500) * 10_000 * 100;
  const lead = personName(rng);
  return {
    title: c.title_zh ? `关于“${title}”的技术方案` : `Proposal: ${title}`,
    summary: `${paragraph(rng, field, 'zh', 2)}${rng.chance(0.3) ? `\n${paragraph(rng, field, 'en', 1)}` : ''}`,
    technicalApproach: `${paragraph(rng, field, 'zh', 3)}拟通过${rng.pick(DEMAND_GOALS).zh}路线实现。`,
    commitments: c.requirement_ids.map((requirementId, k) => ({
      requirementId,
      value:
        `${rng.chance(0.5) ? '≥' : '≤'} ${rng.int(2, 99)} ${c.requirement_units[k] ?? ''}`.trim(),
      evidence: rng.chance(0.5) ? '第三方检测报告 / third-party test report' : '',
    })),
    milestones: [
      {
        name: '样机研制',
        month: Math.max(1, Math.floor(months / 2)),
        deliverable: '样机及测试报告',
        amountFen: String(Math.round(price * 0.4)),
      },
      {
        name: '产线验证',
        month: months,
        deliverable: '验证报告',
        amountFen: String(Math.round(price * 0.6)),
      },
    ],
    quotedPriceFen: String(price),
    durationMonths: months,
    ipArrangement: rng.pick([
      '知识产权归双方共有',
      '背景知识产权归应答方，新产生的归发榜方',
      'IP shared, licence to the issuer',
    ]),
    team: [{ name: lead.displayName, role: '项目负责人' }],
    consortiumPartnerIds: [],
    attachments: [],
    declarations: { noConflictOfInterest: true, original: true },
  };
}
