import { CREDIT_CODE_ALPHABET, withCheckCharacter } from '../../../src/common/credit-code.js';
import { PROVINCES } from '../../../src/organizations/regions.js';
import { insertRows, textArrayLiteral, type ColumnSpec, type SeedDb } from '../bulk.js';
import type { SeedGenerator } from '../generator.js';
import { BENCH_EMAIL_DOMAIN, PERSONAS } from '../personas.js';
import type { Rng } from '../rng.js';
import { smeProfile } from '../sme-profiles.js';
import {
  companyName,
  DEMAND_GOALS,
  paragraph,
  type CompanyName,
  type Region,
  type TechnicalField,
  type Term,
} from '../vocabulary.js';

/**
 * GB/T 2260 codes of the vocabulary's cities (positions 3–8 of a credit code); the organisation's
 * `region_code` is the province-level code (first two digits + 0000).
 */
const CITY_CODES: Record<string, string> = {
  Qingdao: '370200',
  Jinan: '370100',
  Shanghai: '310115',
  Suzhou: '320500',
  Nanjing: '320100',
  Hangzhou: '330100',
  Ningbo: '330200',
  Hefei: '340100',
  Shenzhen: '440300',
  Guangzhou: '440100',
  Dongguan: '441900',
  Beijing: '110108',
  Tianjin: '120116',
  Wuhan: '420100',
  Chengdu: '510100',
  'Xi’an': '610100',
  Changsha: '430100',
  Xiamen: '350200',
  Shenyang: '210100',
  Chongqing: '500000',
};

/** The taxonomy codes (migration seed) each vocabulary field is tagged with, when they exist in `technical_fields`. */
export const FIELD_CODES: Record<string, readonly string[]> = {
  ENERGY_STORAGE: ['NEW_ENERGY.STORAGE', 'BATTERY.LITHIUM_ION', 'BATTERY.THERMAL_MANAGEMENT'],
  HYDROGEN: ['NEW_ENERGY.HYDROGEN'],
  PHOTOVOLTAICS: ['NEW_ENERGY.PHOTOVOLTAIC'],
  INDUSTRIAL_INTERNET: [
    'SMART_MANUFACTURING.INDUSTRIAL_INTERNET',
    'SMART_MANUFACTURING.DIGITAL_TWIN',
  ],
  BIOMEDICINE: [
    'BIOMEDICINE.INNOVATIVE_DRUGS',
    'BIOMEDICINE.MEDICAL_DEVICES',
    'BIOMEDICINE.DIAGNOSTICS',
    'BIOMEDICINE.DIGITAL_HEALTH',
  ],
  SEMICONDUCTORS: [
    'SEMICONDUCTORS.CHIP_DESIGN',
    'SEMICONDUCTORS.POWER_DEVICES',
    'SEMICONDUCTORS.SENSORS',
  ],
  NEW_ENERGY_VEHICLES: [
    'BATTERY.LITHIUM_ION',
    'BATTERY.SOLID_STATE',
    'SEMICONDUCTORS.POWER_DEVICES',
  ],
  SMART_HOME: ['SMART_HOME.APPLIANCES', 'SMART_HOME.IOT'],
  ADVANCED_MATERIALS: [
    'NEW_MATERIALS.ADVANCED_STEEL',
    'NEW_MATERIALS.COMPOSITES',
    'NEW_MATERIALS.POLYMERS',
  ],
  INTELLIGENT_MANUFACTURING: [
    'SMART_MANUFACTURING.ROBOTICS',
    'SMART_MANUFACTURING.MACHINE_VISION',
    'SMART_MANUFACTURING.DIGITAL_TWIN',
  ],
  ARTIFICIAL_INTELLIGENCE: [
    'ARTIFICIAL_INTELLIGENCE.COMPUTER_VISION',
    'ARTIFICIAL_INTELLIGENCE.NLP',
    'ARTIFICIAL_INTELLIGENCE.INDUSTRIAL_AI',
  ],
  CARBON_NEUTRALITY: [
    'ENVIRONMENTAL_TECH.CARBON_CAPTURE',
    'ENVIRONMENTAL_TECH.WATER_TREATMENT',
    'ENVIRONMENTAL_TECH.ENERGY_EFFICIENCY',
  ],
  MARINE_EQUIPMENT: ['NEW_ENERGY.WIND', 'HIGH_END_EQUIPMENT.POWER_EQUIPMENT'],
  COLD_CHAIN: ['ENVIRONMENTAL_TECH.ENERGY_EFFICIENCY', 'SMART_HOME.IOT'],
};

/** GB/T 4754-2017 sections of the enterprises, weighted towards manufacturing. */
const INDUSTRIES: readonly (readonly [string, number])[] = [
  ['C', 60],
  ['I', 12],
  ['D', 8],
  ['M', 8],
  ['F', 4],
  ['G', 4],
  ['E', 4],
];

const OPEN_RESOURCES: readonly (readonly [type: string, zh: string, en: string])[] = [
  ['LAB', '联合实验室', 'joint laboratory'],
  ['PILOT_LINE', '中试线', 'pilot line'],
  ['DATA', '数据集', 'data set'],
  ['PATENT_LICENSE', '专利许可', 'patent licences'],
  ['SCENARIO', '应用场景', 'application scenario'],
];

const CERTIFICATE_PREFIX: Record<string, string> = {
  INNOVATIVE: 'CXZX',
  SPECIALIZED: 'ZJTX',
  LITTLE_GIANT: 'XJR',
};
const SIZE_ZH: Record<string, string> = { MICRO: '微型', SMALL: '小型', MEDIUM: '中型' };

const DAY = 86_400_000;
const ENTERPRISES_FROM = new Date('2022-06-01T00:00:00Z');
const ALLIANCE_FOUNDED = new Date('2022-08-29T01:00:00Z'); // 09:00 in Beijing
const SMES_FROM = new Date('2023-01-01T00:00:00Z');
const LAST = new Date('2026-06-30T00:00:00Z');
/** Valid certificates start from here, so they are still valid until the end of 2027 at least. */
const VALID_FROM = new Date('2025-01-02T00:00:00Z');

const ORGANIZATION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'uuid' },
  { name: 'kind', type: 'text', cast: 'organization_kind' },
  { name: 'name_zh', type: 'text' },
  { name: 'name_en', type: 'text' },
  { name: 'credit_code', type: 'text' },
  { name: 'region_code', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'contact_email', type: 'text' },
  { name: 'contact_phone', type: 'text' },
  { name: 'verification_status', type: 'text', cast: 'organization_verification_status' },
  { name: 'verification_reason', type: 'text' },
  { name: 'verified_at', type: 'timestamptz' },
  { name: 'created_by', type: 'uuid' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];
const ENTERPRISE_COLUMNS: readonly ColumnSpec[] = [
  { name: 'organization_id', type: 'uuid' },
  { name: 'industry_code', type: 'text' },
  { name: 'is_chain_leader', type: 'bool' },
  { name: 'open_resources', type: 'text', cast: 'jsonb' },
];
const SME_COLUMNS: readonly ColumnSpec[] = [
  { name: 'organization_id', type: 'uuid' },
  { name: 'size_class', type: 'text', cast: 'sme_size_class' },
  { name: 'qualification', type: 'text', cast: 'sme_qualification' },
  { name: 'certificate_number', type: 'text' },
  { name: 'qualification_valid_from', type: 'date' },
  { name: 'qualification_valid_until', type: 'date' },
  { name: 'capability_statement', type: 'text' },
  { name: 'founding_year', type: 'int4', cast: 'int2' },
  { name: 'employees', type: 'int4' },
  { name: 'keywords', type: 'text', cast: 'text[]' },
  { name: 'keyword_keys', type: 'text', cast: 'text[]' },
  { name: 'products', type: 'text', cast: 'jsonb' },
  { name: 'past_projects', type: 'text', cast: 'jsonb' },
  { name: 'technical_routes', type: 'text', cast: 'jsonb' },
];
const MEMBER_COLUMNS: readonly ColumnSpec[] = [
  { name: 'user_id', type: 'uuid' },
  { name: 'organization_id', type: 'uuid' },
  { name: 'role', type: 'text', cast: 'organization_role' },
  { name: 'joined_at', type: 'timestamptz' },
];
const SME_FIELD_COLUMNS: readonly ColumnSpec[] = [
  { name: 'organization_id', type: 'uuid' },
  { name: 'field_code', type: 'text' },
];
const MEMBERSHIP_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'uuid' },
  { name: 'organization_id', type: 'uuid' },
  { name: 'status', type: 'text', cast: 'alliance_membership_status' },
  { name: 'tier', type: 'text', cast: 'alliance_tier' },
  { name: 'statement', type: 'text' },
  { name: 'applied_at', type: 'timestamptz' },
  { name: 'admitted_at', type: 'timestamptz' },
  { name: 'status_reason', type: 'text' },
  { name: 'status_changed_at', type: 'timestamptz' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];

/** Organisations written per round trip of each table. */
const CHUNK = 5000;

/**
 * A unique, valid unified social credit code for organisation number `index` (enterprises and SMEs
 * share one numbering): 9 (market regulator) 1 (enterprise), the city's GB/T 2260 code, a 9-character
 * organisation code (8 characters that a bijection of `index` makes unique, plus its GB 11714 check
 * character), and the GB 32100 check character from src/common/credit-code.ts.
 */
export function seededCreditCode(index: number, cityCode: string): string {
  const modulus = 31 ** 8;
  // index → (index × P + Q) mod 31^8 is a bijection (P is prime to 31), so codes never repeat.
  let n = (index * 7_919_101 + 123_456_789_012) % modulus;
  let body = '';
  for (let i = 0; i < 8; i += 1) {
    body = CREDIT_CODE_ALPHABET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + parseInt(c, 36) * weights[i], 0);
  const c9 = 11 - (sum % 11);
  const organizationCode = body + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
  return withCheckCharacter(`91${cityCode}${organizationCode}`);
}

function provinceOf(region: Region): { city: string; province: string } {
  const city = CITY_CODES[region.en];
  const province = `${city?.slice(0, 2)}0000`;
  if (!city || !(province in PROVINCES))
    throw new Error(`no GB/T 2260 code for the region ${region.en}`);
  return { city, province };
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function plusDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() < b.getTime() ? a : b;
}

/** What one chunk writes, table by table. */
interface Chunk {
  organizations: unknown[][];
  enterprises: unknown[][];
  smes: unknown[][];
  members: unknown[][];
  smeFields: unknown[][];
  memberships: unknown[][];
}

const emptyChunk = (): Chunk => ({
  organizations: [],
  enterprises: [],
  smes: [],
  members: [],
  smeFields: [],
  memberships: [],
});

async function writeChunk(db: SeedDb, chunk: Chunk): Promise<void> {
  const write = (table: string, columns: readonly ColumnSpec[], rows: unknown[][]) =>
    rows.length
      ? insertRows(db, table, columns, rows.length, (i) => rows[i], { batchSize: rows.length })
      : Promise.resolve(0);
  await write('organizations', ORGANIZATION_COLUMNS, chunk.organizations);
  await write('enterprises', ENTERPRISE_COLUMNS, chunk.enterprises);
  await write('smes', SME_COLUMNS, chunk.smes);
  await write('organization_members', MEMBER_COLUMNS, chunk.members);
  await write('sme_technical_fields', SME_FIELD_COLUMNS, chunk.smeFields);
  await write('alliance_memberships', MEMBERSHIP_COLUMNS, chunk.memberships);
}

/** Hands out seeded accounts in a fixed order: each account joins at most one organisation. */
class UserPool {
  private next = 0;
  constructor(private readonly ids: readonly string[]) {}
  take(): string | undefined {
    return this.ids[this.next++];
  }
  get size(): number {
    return this.ids.length;
  }
}

interface Common {
  id: string;
  index: number;
  name: CompanyName;
  createdAt: Date;
  status: 'VERIFIED' | 'UNVERIFIED' | 'REJECTED';
  verifiedAt: Date | null;
}

function organizationRow(
  kind: 'ENTERPRISE' | 'SME',
  o: Common,
  nameEn: string | null,
  description: string,
  ownerId: string,
  rng: Rng,
): unknown[] {
  const { city, province } = provinceOf(o.name.region);
  const number = String(o.index).padStart(6, '0');
  return [
    o.id,
    kind,
    o.name.zh,
    nameEn,
    seededCreditCode(o.index, city),
    province,
    description,
    `contact.${number}@${o.name.ascii}.example.cn`,
    `+86 1${rng.int(30, 99)} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`,
    o.status,
    o.status === 'REJECTED'
      ? '营业执照信息与统一社会信用代码不一致 / The business licence does not match the credit code'
      : null,
    o.verifiedAt,
    ownerId,
    o.createdAt,
    o.verifiedAt ?? o.createdAt,
  ];
}

function verification(
  rng: Rng,
  createdAt: Date,
  weights: readonly (readonly [Common['status'], number])[],
): Pick<Common, 'status' | 'verifiedAt'> {
  const status = rng.weighted(weights);
  return {
    status,
    verifiedAt: status === 'VERIFIED' ? minDate(plusDays(createdAt, rng.int(1, 20)), LAST) : null,
  };
}

/** Members besides the owner: `admins` ADMINs then `members` MEMBERs, while seeded accounts last. */
function addMembers(
  chunk: Chunk,
  pool: UserPool,
  o: Common,
  ownerId: string,
  admins: number,
  members: number,
  rng: Rng,
): void {
  chunk.members.push([ownerId, o.id, 'OWNER', o.createdAt]);
  const roles = [...Array<string>(admins).fill('ADMIN'), ...Array<string>(members).fill('MEMBER')];
  for (const role of roles) {
    const userId = pool.take();
    if (!userId) return;
    chunk.members.push([userId, o.id, role, minDate(plusDays(o.createdAt, rng.int(0, 400)), LAST)]);
  }
}

function allianceStatement(rng: Rng, field: TechnicalField): string {
  const topic = rng.pick(field.topics);
  const [, resourceZh, resourceEn] = rng.pick(OPEN_RESOURCES);
  const goal = rng.pick(DEMAND_GOALS);
  const zh = `愿向联盟开放${topic.zh}${resourceZh}，与中小企业共同推进${goal.zh}。`;
  const en = `We will open our ${topic.en} ${resourceEn} to the alliance and work with SMEs on ${goal.en}.`;
  return rng.weighted([
    [zh, 60],
    [en, 10],
    [`${zh}\n${en}`, 30],
  ] as const);
}

/**
 * Organisations: enterprises (10,000 at L) and SMEs (100,000 at L), each an `organizations` row plus
 * its `enterprises` / `smes` row, with valid unique credit codes, bilingual names, regions,
 * industries and verification states (most VERIFIED); SME qualifications with certificate validity
 * (some expired), capability profiles (sme-profiles.ts: statement, keywords, products, past projects,
 * technical routes, in Chinese, English or both) and `sme_technical_fields` (taxonomy codes read from
 * `technical_fields`); `organization_members` (OWNER, ADMIN, MEMBER: seeded accounts, each in at
 * most one organisation); `alliance_memberships` of the verified enterprises (mostly ACTIVE with a
 * tier, some APPLIED, SUSPENDED, EXITED or REJECTED). The `enterprise` persona owns enterprise 0
 * (verified, ACTIVE, FOUNDING), the `sme` persona owns SME 0 (verified, SPECIALIZED, valid until 2028-12-31).
 *
 * It writes no `audit_events`: the hash chain is appended only by the service, so seeded
 * verifications and admissions have no audit history.
 */
export const organizationsGenerator: SeedGenerator = {
  name: 'organizations',
  dependsOn: ['users'],
  async run(db, size, rng) {
    const [enterpriseOwner, smeOwner] = await personaIds(db, [
      PERSONAS.enterprise.email,
      PERSONAS.sme.email,
    ]);
    const pool = new UserPool(await seededAccounts(db));
    const enterpriseCount = size.count('enterprises');
    const smeCount = size.count('smes');
    if (enterpriseCount + smeCount - 2 > pool.size) {
      throw new Error(
        `not enough seeded accounts to own ${enterpriseCount + smeCount} organisations: run the users generator of the same size first`,
      );
    }
    const taxonomy = await fieldCodes(db);

    const enterprises = rng.fork('enterprises');
    let chunk = emptyChunk();
    for (let i = 0; i < enterpriseCount; i += 1) {
      const persona = i === 0;
      const founding = persona || enterprises.chance(0.01);
      const name = companyName(enterprises, { large: true });
      const createdAt = founding
        ? enterprises.date(ENTERPRISES_FROM, new Date(ALLIANCE_FOUNDED.getTime() - DAY))
        : enterprises.date(ENTERPRISES_FROM, plusDays(LAST, -90));
      const o: Common = {
        id: enterprises.uuid(),
        index: i,
        name,
        createdAt,
        ...verification(enterprises, createdAt, [
          ['VERIFIED', 92],
          ['UNVERIFIED', 6],
          ['REJECTED', 2],
        ]),
      };
      if (persona || founding) {
        o.status = 'VERIFIED';
        o.verifiedAt = plusDays(createdAt, 1);
      }
      const ownerId = persona ? enterpriseOwner : pool.take()!;
      const description = `${name.zh}是${name.region.zh}${name.field.zh}领域的链主企业之一。${paragraph(enterprises, name.field, 'zh', 2)}`;
      chunk.organizations.push(
        organizationRow('ENTERPRISE', o, name.en, description, ownerId, enterprises),
      );
      const resources = enterprises
        .sample(OPEN_RESOURCES, enterprises.int(0, 3))
        .map(([type, zh, en]) => {
          const topic = enterprises.pick(name.field.topics);
          return { type, title: `${topic.zh}${zh}`, description: `${topic.en} ${en}` };
        });
      chunk.enterprises.push([
        o.id,
        enterprises.weighted(INDUSTRIES),
        founding || enterprises.chance(0.15),
        JSON.stringify(resources),
      ]);
      addMembers(
        chunk,
        pool,
        o,
        ownerId,
        enterprises.int(0, 2),
        enterprises.int(0, 2),
        enterprises,
      );
      if (o.status === 'VERIFIED') addMemberships(chunk, o, name.field, founding, enterprises);
      if (chunk.organizations.length >= CHUNK) {
        await writeChunk(db, chunk);
        chunk = emptyChunk();
      }
    }
    await writeChunk(db, chunk);

    const smes = rng.fork('smes');
    // Capability profiles draw from their own stream, so a change to them leaves the rest of the SMEs as they were.
    const profiles = rng.fork('sme-profiles');
    chunk = emptyChunk();
    for (let j = 0; j < smeCount; j += 1) {
      const persona = j === 0;
      const name = companyName(smes);
      const createdAt = smes.date(SMES_FROM, LAST);
      const o: Common = {
        id: smes.uuid(),
        index: enterpriseCount + j,
        name,
        createdAt,
        ...verification(smes, createdAt, [
          ['VERIFIED', 88],
          ['UNVERIFIED', 9],
          ['REJECTED', 3],
        ]),
      };
      if (persona) {
        o.status = 'VERIFIED';
        o.verifiedAt = plusDays(createdAt, 1);
      }
      const ownerId = persona ? smeOwner : pool.take()!;
      const sizeClass = smes.weighted([
        ['MICRO', 30],
        ['SMALL', 50],
        ['MEDIUM', 20],
      ] as const);
      const foundingYear = smes.int(2000, 2024);
      const nameEn = smes.chance(0.85) ? name.en : null;
      const description = `${name.region.zh}${name.field.zh}领域${SIZE_ZH[sizeClass]}科技企业，成立于${foundingYear}年。`;
      chunk.organizations.push(organizationRow('SME', o, nameEn, description, ownerId, smes));
      const qualification = persona
        ? 'SPECIALIZED'
        : smes.weighted([
            ['NONE', 45],
            ['INNOVATIVE', 30],
            ['SPECIALIZED', 18],
            ['LITTLE_GIANT', 7],
          ] as const);
      let certificate: [string, string, string] | [null, null, null] = [null, null, null];
      if (qualification !== 'NONE') {
        // Three-year certificates: the expired ones ended by mid-2025, the valid ones run until 2028 or later.
        const expired = !persona && smes.chance(0.2);
        const drawn = expired
          ? smes.date(new Date('2019-01-01T00:00:00Z'), new Date('2022-06-30T00:00:00Z'))
          : smes.date(VALID_FROM, LAST);
        const from = persona ? new Date('2026-01-01T00:00:00Z') : drawn;
        const until = new Date(
          Date.UTC(from.getUTCFullYear() + 3, from.getUTCMonth(), from.getUTCDate() - 1),
        );
        certificate = [
          `${CERTIFICATE_PREFIX[qualification]}-${from.getUTCFullYear()}-${String(o.index).padStart(6, '0')}`,
          day(from),
          day(until),
        ];
      }
      const employees =
        sizeClass === 'MICRO'
          ? smes.int(3, 19)
          : sizeClass === 'SMALL'
            ? smes.int(20, 99)
            : smes.int(100, 999);
      const codes = smeFieldCodes(smes, name.field, taxonomy);
      const profile = smeProfile(profiles, {
        name,
        foundingYear,
        fieldNames: codes.map((c) => taxonomy.names.get(c)!),
        language: persona ? 'both' : undefined,
        rich: persona || profiles.chance(0.02),
      });
      chunk.smes.push([
        o.id,
        sizeClass,
        qualification,
        ...certificate,
        profile.capabilityStatement,
        foundingYear,
        employees,
        textArrayLiteral(profile.keywords),
        textArrayLiteral(profile.keywordKeys),
        JSON.stringify(profile.products),
        JSON.stringify(profile.pastProjects),
        JSON.stringify(profile.technicalRoutes),
      ]);
      for (const code of codes) chunk.smeFields.push([o.id, code]);
      addMembers(chunk, pool, o, ownerId, smes.chance(0.2) ? 1 : 0, smes.chance(0.1) ? 1 : 0, smes);
      if (chunk.organizations.length >= CHUNK) {
        await writeChunk(db, chunk);
        chunk = emptyChunk();
      }
    }
    await writeChunk(db, chunk);
  },
};

/**
 * The enterprise's alliance rows: most are ACTIVE members (a few with an earlier rejected
 * application), some APPLIED (the admins' queue), SUSPENDED, EXITED or REJECTED; a few never applied.
 */
function addMemberships(
  chunk: Chunk,
  o: Common,
  field: TechnicalField,
  founding: boolean,
  rng: Rng,
): void {
  const status = founding
    ? 'ACTIVE'
    : rng.weighted([
        ['ACTIVE', 82],
        ['APPLIED', 7],
        ['SUSPENDED', 3],
        ['EXITED', 3],
        ['REJECTED', 2],
        ['NONE', 3],
      ] as const);
  if (status === 'NONE') return;
  const earliest = new Date(Math.max(o.verifiedAt!.getTime(), ALLIANCE_FOUNDED.getTime()));
  if (status === 'ACTIVE' && !founding && rng.chance(0.05)) {
    const applied = rng.date(earliest, plusDays(LAST, -120));
    const decided = plusDays(applied, rng.int(3, 20));
    chunk.memberships.push([
      rng.uuid(),
      o.id,
      'REJECTED',
      null,
      allianceStatement(rng, field),
      applied,
      null,
      '申请材料不完整，请补充开放资源说明',
      decided,
      applied,
      decided,
    ]);
  }
  const appliedAt = founding ? ALLIANCE_FOUNDED : rng.date(earliest, LAST);
  const decidedAt = founding
    ? new Date(ALLIANCE_FOUNDED.getTime() + 3_600_000 + o.index * 1000)
    : minDate(plusDays(appliedAt, rng.int(2, 30)), LAST);
  const tier = founding
    ? 'FOUNDING'
    : rng.weighted([
        ['COUNCIL', 6],
        ['MEMBER', 94],
      ] as const);
  const row = (
    st: string,
    t: string | null,
    admitted: Date | null,
    reason: string | null,
    changed: Date,
  ): void => {
    chunk.memberships.push([
      rng.uuid(),
      o.id,
      st,
      t,
      allianceStatement(rng, field),
      appliedAt,
      admitted,
      reason,
      changed,
      appliedAt,
      changed,
    ]);
  };
  switch (status) {
    case 'APPLIED':
      return row('APPLIED', null, null, null, appliedAt);
    case 'REJECTED':
      return row('REJECTED', null, null, '开放资源与联盟方向不符', decidedAt);
    case 'ACTIVE':
      return row('ACTIVE', tier, decidedAt, founding ? '联盟发起成员' : '准入审核通过', decidedAt);
    case 'SUSPENDED':
      return row(
        'SUSPENDED',
        tier,
        decidedAt,
        '年度履约评估未通过，暂停会员资格',
        minDate(plusDays(decidedAt, rng.int(30, 300)), LAST),
      );
    case 'EXITED':
      return row(
        'EXITED',
        tier,
        decidedAt,
        '企业战略调整，主动退出联盟',
        minDate(plusDays(decidedAt, rng.int(30, 300)), LAST),
      );
  }
}

/** One to three taxonomy codes: the field's own where the taxonomy has them, sometimes a neighbouring one. */
function smeFieldCodes(
  rng: Rng,
  field: TechnicalField,
  taxonomy: { all: readonly string[]; leaves: readonly string[] },
): string[] {
  const own = (FIELD_CODES[field.code] ?? []).filter((c) => taxonomy.all.includes(c));
  const codes = new Set(rng.sample(own.length ? own : taxonomy.leaves, rng.int(1, 2)));
  if (rng.chance(0.15) && taxonomy.leaves.length) codes.add(rng.pick(taxonomy.leaves));
  return [...codes];
}

/** The taxonomy: every code, the leaves, and each code's names (SMEs use them as keywords). */
export async function fieldCodes(
  db: SeedDb,
): Promise<{ all: string[]; leaves: string[]; names: Map<string, Term> }> {
  const rows = await db.query<{ code: string; leaf: boolean; name_zh: string; name_en: string }>(
    `SELECT f.code, f.name_zh, f.name_en, NOT EXISTS (SELECT 1 FROM technical_fields c WHERE c.parent_code = f.code) AS leaf
       FROM technical_fields f ORDER BY f.code`,
  );
  if (rows.length === 0)
    throw new Error(
      'technical_fields is empty: the organisations migration seeds it, run the migrations first',
    );
  return {
    all: rows.map((r) => r.code),
    leaves: rows.filter((r) => r.leaf).map((r) => r.code),
    names: new Map(rows.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }])),
  };
}

/** Seeded accounts that may join an organisation (not platform staff), in the order they were generated. */
async function seededAccounts(db: SeedDb): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM users
      WHERE email ~ $1 AND NOT (platform_roles && ARRAY['ADMIN', 'EXPERT']::text[])
      ORDER BY substring(email from '\\.([0-9]{6})@')::int`,
    [`\\.[0-9]{6}@${BENCH_EMAIL_DOMAIN.replace(/\./g, '\\.')}$`],
  );
  return rows.map((r) => r.id);
}

export async function personaIds(db: SeedDb, emails: string[]): Promise<string[]> {
  const rows = await db.query<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE email = ANY($1::text[])`,
    [emails],
  );
  return emails.map((email) => {
    const row = rows.find((r) => r.email === email);
    if (!row)
      throw new Error(`the bench persona ${email} does not exist: run the users generator first`);
    return row.id;
  });
}
