import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DEMO_PASSWORD } from '../src/seed/seed-data.js';
import { GET, LIST, login, nodes, RANKING, RESULT } from './support/factories/index.js';
import { startTestApp, testEnv, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

/** Runs `npm run seed`'s command against the test file's database; its output and exit code. */
async function seed(databaseUrl: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node', ['dist/src/seed/seed.cli.js'], {
      env: {
        ...process.env,
        ...testEnv(),
        SEED_LOG_LEVEL: 'silent',
        DATABASE_URL: databaseUrl,
        ...env,
      },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Everything the seed writes, as one value: a second run must leave it identical. */
const FINGERPRINT = `SELECT
  (SELECT md5(string_agg(concat_ws('|', id, status, deadline, version, updated_at), ',' ORDER BY id)) FROM challenges) AS challenges,
  (SELECT md5(string_agg(concat_ws('|', id, status, current_revision), ',' ORDER BY id)) FROM proposals) AS proposals,
  (SELECT md5(string_agg(concat_ws('|', id, email, password_hash), ',' ORDER BY id)) FROM users) AS users,
  (SELECT count(*) FROM organizations) AS organizations,
  (SELECT count(*) FROM scores) AS scores,
  (SELECT count(*) FROM objections) AS objections,
  (SELECT count(*) FROM challenge_questions) AS questions,
  (SELECT count(*) FROM audit_events) AS audit_events`;

const MY_CHALLENGES = `{ myChallenges(first: 50) { edges { node { id titleZh status requiresTerms } } } }`;
const DETAIL = `query($id: ID!) { challenge(id: $id) { id status requiresTerms description descriptionLocked questions { question answer } } }`;
const OBJECTIONS = `query($id: ID!) { challengeObjections(challengeId: $id) { edges { node { id status reason } } } }`;

interface Mine {
  id: string;
  titleZh: string;
  status: string;
  requiresTerms: boolean;
}

describe('npm run seed: the demo marketplace', () => {
  let t: TestApp;
  let firstRun: { code: number; stdout: string; stderr: string };
  const byTitle = new Map<string, Mine & { issuer: string }>();
  const token = async (key: string) =>
    (await login(t, `${key}@demo.innovation.cn`, DEMO_PASSWORD)).token;

  beforeAll(async () => {
    t = await startTestApp();
    firstRun = await seed(t.databaseUrl);
  }, 180_000);
  afterAll(() => t.close());

  it('refuses to run with NODE_ENV=production, and writes nothing', async () => {
    const before = (await t.sql.query(FINGERPRINT)).rows[0];
    const refused = await seed(t.databaseUrl, { NODE_ENV: 'production' });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/NODE_ENV=production/);
    expect((await t.sql.query(FINGERPRINT)).rows[0]).toEqual(before);
  });

  it('prints every persona with the shared password, and each can sign in', async () => {
    expect(firstRun.stderr).toBe('');
    expect(firstRun.code).toBe(0);
    expect(firstRun.stdout).toMatch(/seeded: \d+ new records \(8 demo challenges\)/);
    expect(firstRun.stdout).toContain(DEMO_PASSWORD);
    const emails = [...firstRun.stdout.matchAll(/^\s+(\S+@demo\.innovation\.cn)\s/gm)].map(
      (m) => m[1],
    );
    expect(emails).toEqual(
      expect.arrayContaining([
        'admin@demo.innovation.cn',
        'expert@demo.innovation.cn',
        'expert2@demo.innovation.cn',
        'haier@demo.innovation.cn',
        'baowu@demo.innovation.cn',
        'heat-guard@demo.innovation.cn',
      ]),
    );
    for (const email of emails) {
      const session = await login(t, email, DEMO_PASSWORD);
      expect(session.token).toBeTruthy();
    }
    const me = await t.gql
      .as(await token('admin'))
      .ok<{ users: { edges: unknown[] } }>(`{ users(first: 1) { edges { node { id } } } }`);
    expect(me.users.edges).toHaveLength(1);
  });

  it('has the alliance founders issuing challenges in every state', async () => {
    for (const issuer of [
      'haier',
      'shanghai-electric',
      'astrazeneca',
      'china-resources',
      'baowu',
    ]) {
      const data = await t.gql
        .as(await token(issuer))
        .ok<{ myChallenges: { edges: { node: Mine }[] } }>(MY_CHALLENGES);
      for (const c of nodes(data.myChallenges)) byTitle.set(c.titleZh, { ...c, issuer });
    }
    const statuses = new Set([...byTitle.values()].map((c) => c.status));
    expect([...statuses].sort()).toEqual(
      [
        'AWARDED',
        'CLOSED',
        'DRAFT',
        'FAILED',
        'IN_PUBLICITY',
        'PENDING_REVIEW',
        'PUBLISHED',
      ].sort(),
    );
    const { rows } = await t.sql.query(
      `SELECT o.name_zh FROM organizations o JOIN alliance_memberships am ON am.organization_id = o.id
        WHERE am.status = 'ACTIVE' AND o.verification_status = 'VERIFIED' ORDER BY o.name_zh`,
    );
    expect(rows.map((r) => r.name_zh)).toEqual(
      expect.arrayContaining(['海尔集团', '上海电气集团', '华润集团', '中国宝武钢铁集团']),
    );
  });

  it('shows the published challenges to anyone: answered questions without askers, one under terms', async () => {
    const iot = byTitle.get('低功耗家电物联网通信模组')!;
    const open = await t.gql.ok<{
      challenge: { status: string; questions: { answer: string | null }[] };
    }>(DETAIL, { id: iot.id });
    expect(open.challenge.status).toBe('PUBLISHED');
    expect(open.challenge.questions).toHaveLength(2);
    expect(open.challenge.questions.every((q) => q.answer)).toBe(true);

    const storage = byTitle.get('电网侧储能电站锂电池热失控早期预警')!;
    const locked = await t.gql.as(await token('vision-qc')).ok<{
      challenge: {
        requiresTerms: boolean;
        description: string | null;
        descriptionLocked: boolean;
      };
    }>(DETAIL, { id: storage.id });
    expect(locked.challenge).toMatchObject({
      requiresTerms: true,
      description: null,
      descriptionLocked: true,
    });
  });

  it('keeps proposals of an open challenge sealed from the issuer and other SMEs; the author reads its own', async () => {
    const storage = byTitle.get('电网侧储能电站锂电池热失控早期预警')!;
    const { rows } = await t.sql.query(
      `SELECT p.id FROM proposals p JOIN organizations o ON o.id = p.organization_id
        WHERE p.challenge_id = $1 AND o.name_en = 'HeatGuard Storage'`,
      [storage.id],
    );
    const proposalId = rows[0].id as string;

    const issuer = await t.gql
      .as(await token('shanghai-electric'))
      .fails(LIST, { challengeId: storage.id });
    expect(issuer.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROPOSALS_SEALED' });
    const res = await t.gql.as(await token('shanghai-electric')).send(GET, { id: proposalId });
    expect(res.text).not.toContain('多源融合热失控早期预警系统');
    const rival = await t.gql.as(await token('power-chip')).send(GET, { id: proposalId });
    expect(rival.text).not.toContain('多源融合热失控早期预警系统');
    expect(rival.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const own = await t.gql
      .as(await token('heat-guard'))
      .ok<{ proposal: { content: { title: string } } }>(GET, { id: proposalId });
    expect(own.proposal.content.title).toBe('多源融合热失控早期预警系统');
  });

  it('has a closed challenge under evaluation with reviewers and scored proposals', async () => {
    const carbon = byTitle.get('钢铁烟气二氧化碳低成本捕集')!;
    expect(carbon.status).toBe('CLOSED');
    const ranking = await t.gql.as(await token('baowu')).ok<{
      proposalRanking: {
        total: number;
        scoringLocked: boolean;
        edges: { node: { weightedScore: number | null; reviewerCount: number } }[];
      };
    }>(RANKING, { challengeId: carbon.id });
    expect(ranking.proposalRanking.total).toBe(3);
    expect(ranking.proposalRanking.scoringLocked).toBe(false);
    const scored = nodes(ranking.proposalRanking).filter((n) => n.weightedScore !== null);
    expect(scored.length).toBe(2);
    expect(Math.max(...nodes(ranking.proposalRanking).map((n) => n.reviewerCount))).toBe(2);
  });

  it('has a challenge in 公示 with an objection, an awarded one and a failed one', async () => {
    const hydrogen = byTitle.get('氢燃料电池重卡动力系统电堆')!;
    const objections = await t.gql.as(await token('shanghai-electric')).ok<{
      challengeObjections: { edges: { node: { status: string } }[] };
    }>(OBJECTIONS, { id: hydrogen.id });
    expect(nodes(objections.challengeObjections).map((o) => o.status)).toEqual(['FILED']);
    const inPublicity = await t.gql.ok<{
      challengeResult: { status: string; winners: { organizationNameZh: string }[] };
    }>(RESULT, { challengeId: hydrogen.id });
    expect(inPublicity.challengeResult.status).toBe('IN_PUBLICITY');
    expect(inPublicity.challengeResult.winners.map((w) => w.organizationNameZh)).toEqual([
      '上海氢芯动力有限公司',
    ]);

    const awarded = await t.gql.ok<{
      challengeResult: { status: string; winners: { organizationNameZh: string }[] };
    }>(RESULT, { challengeId: byTitle.get('AI 辅助小分子先导化合物发现')!.id });
    expect(awarded.challengeResult.status).toBe('AWARDED');
    expect(awarded.challengeResult.winners.map((w) => w.organizationNameZh)).toEqual([
      '上海智药科技有限公司',
    ]);

    expect(byTitle.get('医药园区工业废水零排放')!.status).toBe('FAILED');
    const { rows } = await t.sql.query(
      `SELECT p.status, p.not_selected_reason FROM proposals p JOIN organizations o ON o.id = p.organization_id
        WHERE p.challenge_id = $1 ORDER BY o.name_en`,
      [byTitle.get('AI 辅助小分子先导化合物发现')!.id],
    );
    expect(rows).toEqual([
      { status: 'SELECTED', not_selected_reason: null },
      { status: 'NOT_SELECTED', not_selected_reason: 'LESS_COMPETITIVE' },
    ]);
  });

  it('a second run changes nothing and says so', async () => {
    const before = (await t.sql.query(FINGERPRINT)).rows[0];
    const again = await seed(t.databaseUrl);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('seed: nothing to do (already loaded)');
    expect((await t.sql.query(FINGERPRINT)).rows[0]).toEqual(before);
  }, 120_000);
});
