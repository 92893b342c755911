import type { EntityManager } from 'typeorm';
import { searchDocument, zhTsvectorLiteral } from './challenge-search.js';

/**
 * Bulk data for the benchmark (`npm run seed:challenges -- --count 100000`): published challenges with
 * realistic bilingual text, their fields, requirements and criteria, and search vectors computed as the
 * service computes them. Written with multi-row INSERTs in batches; no audit events (it is not an
 * action of anyone). Idempotence is not attempted: run it on a benchmark database.
 */
const TOPICS: [zh: string, en: string, field: string][] = [
  ['储能电站热失控预警', 'thermal runaway warning for battery storage', 'NEW_ENERGY.STORAGE'],
  ['氢能重卡燃料电池冷启动', 'cold start of hydrogen fuel-cell trucks', 'NEW_ENERGY.HYDROGEN'],
  ['光伏组件清洁机器人', 'cleaning robots for photovoltaic panels', 'NEW_ENERGY.PHOTOVOLTAIC'],
  ['风电叶片缺陷检测', 'defect detection on wind turbine blades', 'NEW_ENERGY.WIND'],
  ['固态电池电解质量产', 'mass production of solid-state battery electrolytes', 'BATTERY.SOLID_STATE'],
  ['锂电池回收拆解', 'recycling and dismantling of lithium batteries', 'BATTERY.LITHIUM_ION'],
  ['电池包液冷热管理', 'liquid cooling thermal management of battery packs', 'BATTERY.THERMAL_MANAGEMENT'],
  ['工业互联网设备预测性维护', 'predictive maintenance over the industrial internet', 'SMART_MANUFACTURING.INDUSTRIAL_INTERNET'],
  ['焊接机器人视觉引导', 'vision guidance for welding robots', 'SMART_MANUFACTURING.ROBOTICS'],
];
const PLACES = ['长三角', '珠三角', '京津冀', '成渝', '中部'];
const INDUSTRIES = ['C', 'D', 'I', 'M'];
const GOALS = ['STABILIZE', 'SUPPLEMENT', 'CONSOLIDATE', 'STRENGTHEN'];
const TYPES = ['TECH_BREAKTHROUGH', 'PROCUREMENT', 'SCENARIO_VALIDATION', 'TECH_TRANSFORMATION'];
const MODES = ['JOINT_DEVELOPMENT', 'COMMISSIONED_DEVELOPMENT', 'TECH_TRANSFER', 'LICENSE', 'TECH_SERVICE'];

export interface SeedResult {
  issuers: number;
  challenges: number;
}

/** Inserts `count` published challenges spread over `issuers` new verified alliance enterprises. */
export async function seedChallenges(manager: EntityManager, count: number, issuers = 200, batch = 1000): Promise<SeedResult> {
  const orgIds: string[] = [];
  for (let i = 0; i < issuers; i += 1) {
    const code = `91${String(Date.now()).slice(-8)}${String(i).padStart(6, '0')}X`.slice(0, 18);
    const [org] = (await manager.query(
      `INSERT INTO organizations (kind, name_zh, name_en, credit_code, region_code, verification_status, verified_at)
       VALUES ('ENTERPRISE', $1, $2, $3, '310000', 'VERIFIED', now()) RETURNING id`,
      [`压测链主企业${i}`, `Bench Enterprise ${i}`, code],
    )) as { id: string }[];
    await manager.query(`INSERT INTO enterprises (organization_id, industry_code) VALUES ($1, 'C')`, [org.id]);
    await manager.query(`INSERT INTO alliance_memberships (organization_id, status, tier, statement, admitted_at) VALUES ($1, 'ACTIVE', 'MEMBER', 'bench', now())`, [org.id]);
    orgIds.push(org.id);
  }
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const cols: unknown[][] = Array.from({ length: 17 }, () => []);
    for (let k = 0; k < n; k += 1) {
      const i = start + k;
      const [zh, en, field] = TOPICS[i % TOPICS.length];
      const place = PLACES[i % PLACES.length];
      const titleZh = `${place}${zh}项目${i}`;
      const titleEn = `${en} (${i})`;
      const summaryZh = `面向${place}产业链，征集${zh}的解决方案，要求在一年内完成样机验证。`;
      const summaryEn = `We seek solutions for ${en}, with a prototype validated within one year.`;
      const doc = searchDocument({ titleZh, titleEn, summaryZh, summaryEn, requirementNames: ['关键指标'] });
      const budget = 100000 * (1 + (i % 500));
      const values = [
        orgIds[i % orgIds.length],
        titleZh,
        titleEn,
        summaryZh,
        summaryEn,
        INDUSTRIES[i % INDUSTRIES.length],
        GOALS[i % GOALS.length],
        TYPES[i % TYPES.length],
        `{${MODES[i % MODES.length]}}`,
        String(budget),
        String(budget * 4),
        new Date(Date.now() + (1 + (i % 180)) * 86400000).toISOString(),
        new Date(Date.now() - (i % 365) * 86400000 - i).toISOString(),
        zhTsvectorLiteral(doc),
        doc.enTitle,
        doc.enBody,
        field,
      ];
      values.forEach((v, j) => cols[j].push(v));
    }
    await manager.query(
      `WITH rows AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                              $10::bigint[], $11::bigint[], $12::timestamptz[], $13::timestamptz[], $14::text[], $15::text[], $16::text[], $17::text[])
                AS r(org, title_zh, title_en, summary_zh, summary_en, industry, goal, dtype, modes, bmin, bmax, deadline, published, zh, en_title, en_body, field)),
       ins AS (
         INSERT INTO challenges (issuer_organization_id, status, title_zh, title_en, summary_zh, summary_en, description, industry_code, chain_goal,
                                 demand_type, cooperation_modes, budget_min, budget_max, deadline, published_at, submitted_at, visibility, search_zh, search_en)
         SELECT org, 'PUBLISHED', title_zh, title_en, summary_zh, summary_en, 'bench', industry, goal::challenge_chain_goal, dtype::challenge_demand_type,
                modes::cooperation_mode[], bmin, bmax, deadline, published, published, 'PUBLIC', zh::tsvector,
                setweight(to_tsvector('english', en_title), 'A') || setweight(to_tsvector('english', en_body), 'B')
           FROM rows RETURNING id, title_zh)
       INSERT INTO challenge_technical_fields (challenge_id, field_code)
       SELECT ins.id, rows.field FROM ins JOIN rows ON rows.title_zh = ins.title_zh`,
      cols,
    );
  }
  await manager.query(
    `INSERT INTO evaluation_criteria (challenge_id, position, name, weight)
     SELECT c.id, 1, '技术先进性', 100 FROM challenges c WHERE c.description = 'bench' AND NOT EXISTS (SELECT 1 FROM evaluation_criteria e WHERE e.challenge_id = c.id)`,
  );
  await manager.query(`ANALYZE challenges; ANALYZE challenge_technical_fields`);
  return { issuers, challenges: count };
}
