import {
  CAPABILITY_LIMITS,
  normalizeKeywords,
  technicalRouteProblems,
} from '../../src/organizations/smes/capabilities.js';
import type { Rng } from './rng.js';
import {
  DEMAND_GOALS,
  indicatorSentence,
  REGIONS,
  routesOf,
  type CompanyName,
  type TechnicalField,
  type Term,
} from './vocabulary.js';

/**
 * SMEs' capability profiles for the scale data (smes.capability_statement, keywords, products, past
 * projects, technical routes): what matchmaking reads of an SME. Each profile is built from the SME's
 * vocabulary field (the one its name and sme_technical_fields come from) and the taxonomy names of its
 * technical fields, in one language or both as SMEs write them (about 45% Chinese only, 35% English only,
 * 20% both), within the API's bounds (CAPABILITY_LIMITS). Pure: only the seeded stream decides.
 */

/** The languages an SME writes its profile in. */
export type ProfileLanguage = 'zh' | 'en' | 'both';

export const PROFILE_LANGUAGES: readonly (readonly [ProfileLanguage, number])[] = [
  ['zh', 45],
  ['en', 35],
  ['both', 20],
];

export interface SmeProfile {
  language: ProfileLanguage;
  capabilityStatement: string;
  keywords: string[];
  /** keywordKey of each keyword, same order (as the API stores them). */
  keywordKeys: string[];
  products: { name: string; description: string }[];
  pastProjects: { title: string; year: number; clientIndustryCode: string; outcome: string }[];
  technicalRoutes: { zh: string | null; en: string | null }[];
}

export interface ProfileInput {
  name: CompanyName;
  foundingYear: number;
  /** Names of the SME's taxonomy fields (sme_technical_fields). */
  fieldNames: readonly Term[];
  /** Forces the language (the persona SME writes both). */
  language?: ProfileLanguage;
  /** A full profile (many keywords, products and projects): the persona, and a few SMEs to reach the bounds. */
  rich?: boolean;
}

/** The latest year of a seeded past project. */
const LAST_PROJECT_YEAR = 2026;

const SERVICES: readonly Term[] = [
  { zh: '联合研发', en: 'joint R&D' },
  { zh: '中试验证', en: 'pilot validation' },
  { zh: '技术许可', en: 'technology licensing' },
  { zh: '定制化开发', en: 'custom development' },
  { zh: '检测认证服务', en: 'testing and certification' },
];

const PRODUCT_KINDS: readonly Term[] = [
  { zh: '模组', en: 'Module' },
  { zh: '系统', en: 'System' },
  { zh: '控制器', en: 'Controller' },
  { zh: '检测设备', en: 'Inspection Equipment' },
  { zh: '软件平台', en: 'Software Platform' },
  { zh: '整体解决方案', en: 'Solution' },
  { zh: '专用材料', en: 'Material' },
  { zh: '传感器', en: 'Sensor' },
];

/** Clients of past projects by GB/T 4754-2017 section, weighted towards manufacturing. */
const CLIENTS: readonly (readonly [readonly [code: string, zh: string, en: string], number])[] = [
  [['C', '制造企业', 'manufacturer'], 55],
  [['D', '电力企业', 'power utility'], 10],
  [['I', '信息服务企业', 'IT services company'], 6],
  [['M', '科研院所', 'research institute'], 6],
  [['G', '物流企业', 'logistics company'], 5],
  [['E', '建筑企业', 'construction company'], 4],
  [['N', '环保企业', 'environmental services company'], 4],
  [['Q', '医院', 'hospital'], 3],
  [['B', '矿业企业', 'mining company'], 2],
  [['F', '零售企业', 'retailer'], 2],
  [['A', '农业企业', 'agricultural company'], 2],
  [['P', '高校', 'university'], 1],
];

const OUTCOMES: readonly Term[] = [
  { zh: '项目已通过客户验收。', en: 'The client accepted the project.' },
  { zh: '已在客户产线批量应用。', en: 'It runs in volume on the client’s line.' },
  { zh: '形成发明专利两项。', en: 'Two invention patents were filed.' },
  { zh: '样机完成第三方检测。', en: 'The prototype passed third-party testing.' },
];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "A" or "An" before an English noun phrase. */
function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) ? 'An' : 'A';
}

/** Text in the profile's language(s): Chinese, English, or both on two lines (or joined by `both`). */
function say(language: ProfileLanguage, t: Term, both = '\n'): string {
  return language === 'zh' ? t.zh : language === 'en' ? t.en : `${t.zh}${both}${t.en}`;
}

/** At most `max` characters (code points), cut at the end. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/** How many of a list an SME fills in: mostly a few, sometimes none; a rich profile fills in many. */
function countOf(
  rng: Rng,
  rich: boolean,
  usual: readonly (readonly [number, number])[],
  max: number,
) {
  return rich ? rng.int(Math.ceil(max / 2), max) : Math.min(max, rng.weighted(usual));
}

/** One SME's capability profile. */
export function smeProfile(rng: Rng, input: ProfileInput): SmeProfile {
  const field: TechnicalField = input.name.field;
  const rich = input.rich ?? false;
  const language = input.language ?? rng.weighted(PROFILE_LANGUAGES);
  const topics = rng.sample(field.topics, rich ? field.topics.length : rng.int(2, 4));
  const routes = rng.sample(
    routesOf(field),
    countOf(
      rng,
      rich,
      [
        [0, 15],
        [1, 40],
        [2, 30],
        [3, 15],
      ],
      CAPABILITY_LIMITS.technicalRoutes,
    ),
  );
  const services = rng.sample(SERVICES, rng.int(1, 2));

  // Capability statement: the main topics, a route, a measured result, the services offered.
  const [a, b = a] = topics;
  const indicator = indicatorSentence(rng, a);
  const route = routes[0];
  const statement: Term = {
    zh: `专注${a.zh}与${b.zh}的研发与产业化${route ? `，采用${route.zh}技术路线` : ''}。${indicator.zh}可提供${services.map((s) => s.zh).join('、')}。`,
    en: `We develop and industrialise ${a.en} and ${b.en}${route ? ` using ${route.en}` : ''}. ${indicator.en} We offer ${services.map((s) => s.en).join(' and ')}.`,
  };

  // Keywords: the field, its topics, the taxonomy names, the routes, sometimes a service; in the profile's language(s).
  const terms: Term[] = [field, ...input.fieldNames, ...topics, ...routes];
  if (rng.chance(0.3)) terms.push(services[0]);
  if (rich) terms.push(...field.topics, ...routesOf(field));
  const raw = terms.flatMap((t) =>
    language === 'zh' ? [t.zh] : language === 'en' ? [t.en] : [t.zh, t.en],
  );
  const limit = rich ? CAPABILITY_LIMITS.keywords : rng.int(3, 12) * (language === 'both' ? 2 : 1);
  const { keywords, keys } = normalizeKeywords(
    raw.filter((k) => [...k].length <= CAPABILITY_LIMITS.keywordLength),
  );

  const productCount = countOf(
    rng,
    rich,
    [
      [0, 15],
      [1, 30],
      [2, 30],
      [3, 15],
      [5, 10],
    ],
    CAPABILITY_LIMITS.products,
  );
  const products: SmeProfile['products'] = [];
  for (let i = 0; i < productCount; i += 1) {
    const topic = rng.pick(field.topics);
    const kind = rng.pick(PRODUCT_KINDS);
    const model = `${input.name.brand.en.slice(0, 2).toUpperCase()}-${rng.int(1, 99) * 10}`;
    const name: Term = {
      zh: `${input.name.brand.zh}${topic.zh}${kind.zh} ${model}`,
      en: `${input.name.brand.en} ${capitalise(topic.en)} ${kind.en} ${model}`,
    };
    const r = rng.chance(0.5) ? rng.pick(routesOf(field)) : undefined;
    const spec = indicatorSentence(rng, topic);
    const description: Term = {
      zh: `面向${field.zh}领域的${topic.zh}${kind.zh}${r ? `，基于${r.zh}` : ''}。${spec.zh}`,
      en: `${article(topic.en)} ${topic.en} ${kind.en.toLowerCase()} for ${field.en}${r ? `, based on ${r.en}` : ''}. ${spec.en}`,
    };
    products.push({
      name: clip(say(language, name, ' / '), CAPABILITY_LIMITS.productName),
      description: clip(say(language, description, ' '), CAPABILITY_LIMITS.productDescription),
    });
  }

  const projectCount = countOf(
    rng,
    rich,
    [
      [0, 25],
      [1, 25],
      [2, 25],
      [4, 15],
      [6, 10],
    ],
    CAPABILITY_LIMITS.pastProjects,
  );
  const firstYear = Math.max(input.foundingYear + 1, 2012);
  const pastProjects: SmeProfile['pastProjects'] = [];
  for (let i = 0; i < projectCount; i += 1) {
    const topic = rng.pick(topics);
    const goal = rng.pick(DEMAND_GOALS);
    const region = rng.pick(REGIONS);
    const [code, clientZh, clientEn] = rng.weighted(CLIENTS);
    const title: Term = {
      zh: `${region.zh}某${clientZh}${topic.zh}${goal.zh}项目`,
      en: `${capitalise(goal.en)} of ${topic.en} for ${article(clientEn).toLowerCase()} ${clientEn} in ${region.en}`,
    };
    const result = indicatorSentence(rng, topic);
    const outcome = rng.pick(OUTCOMES);
    pastProjects.push({
      title: clip(say(language, title, ' / '), CAPABILITY_LIMITS.projectTitle),
      year: rng.int(Math.min(firstYear, LAST_PROJECT_YEAR), LAST_PROJECT_YEAR),
      clientIndustryCode: code,
      outcome: clip(
        say(language, { zh: result.zh + outcome.zh, en: `${result.en} ${outcome.en}` }, ' '),
        CAPABILITY_LIMITS.projectOutcome,
      ),
    });
  }
  pastProjects.sort((x, y) => y.year - x.year);

  return withinLimits({
    language,
    capabilityStatement: say(language, statement),
    keywords: keywords.slice(0, limit),
    keywordKeys: keys.slice(0, limit),
    products,
    pastProjects,
    // A route is labelled in the profile's language(s) (the API needs one of the two).
    technicalRoutes: routes.map((r) => ({
      zh: language === 'en' ? null : r.zh,
      en: language === 'zh' ? null : r.en,
    })),
  });
}

/**
 * The profile as the API would accept it, else an error naming the rule: the seed must never hold what
 * the service refuses (the bounds of CAPABILITY_LIMITS, normalised keywords, labelled routes).
 */
function withinLimits(p: SmeProfile): SmeProfile {
  const L = CAPABILITY_LIMITS;
  const length = (s: string) => [...s].length;
  const normalized = normalizeKeywords(p.keywords);
  const broken = [
    p.keywords.length > L.keywords && 'too many keywords',
    (normalized.problems.length > 0 ||
      normalized.keys.join('\n') !== p.keywordKeys.join('\n') ||
      normalized.keywords.length !== p.keywords.length) &&
      'keywords not as the API stores them',
    p.products.length > L.products && 'too many products',
    p.products.some(
      (x) => length(x.name) > L.productName || length(x.description) > L.productDescription,
    ) && 'product text too long',
    p.pastProjects.length > L.pastProjects && 'too many past projects',
    p.pastProjects.some(
      (x) =>
        length(x.title) > L.projectTitle ||
        length(x.outcome) > L.projectOutcome ||
        x.year < L.firstProjectYear ||
        !/^[A-T]$/.test(x.clientIndustryCode),
    ) && 'past project out of bounds',
    p.technicalRoutes.length > L.technicalRoutes && 'too many technical routes',
    technicalRouteProblems(p.technicalRoutes).length > 0 && 'technical route not labelled',
  ].filter(Boolean);
  if (broken.length)
    throw new Error(`seeded SME profile refused by the API rules: ${broken.join(', ')}`);
  return p;
}
