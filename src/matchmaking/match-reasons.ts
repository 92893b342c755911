import type { ErrorLocale } from '../common/error-catalogue.js';
import { PROVINCES } from '../organizations/index.js';
import { locationsOf, type MatchLocation } from './analysis/analyze.js';
import type { MatchedTerm, PairScore } from './analysis/score.js';
import type { MatchReason, MatchReasonKindValue } from './dto/match.types.js';

/** A technical field's names. */
export interface FieldName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** What the reasons say besides the score. */
export interface ReasonFacts {
  fieldNames: ReadonlyMap<string, FieldName>;
  qualification: string;
  regionCode: string | null;
  track: { shortlisted: number; selected: number; awarded: number };
}

const LOCATION_NAMES: Record<MatchLocation, { zh: string; en: string }> = {
  TITLE: { zh: '标题', en: 'title' },
  SUMMARY: { zh: '摘要', en: 'summary' },
  REQUIREMENT: { zh: '技术指标', en: 'technical indicators' },
  NAME: { zh: '企业名称', en: 'name' },
  CAPABILITY: { zh: '能力描述', en: 'capability statement' },
  KEYWORD: { zh: '关键词', en: 'keywords' },
  PRODUCT: { zh: '产品', en: 'products' },
  PAST_PROJECT: { zh: '过往项目', en: 'past projects' },
  ROUTE: { zh: '技术路线', en: 'technical routes' },
};

const QUALIFICATION_NAMES: Record<string, { zh: string; en: string }> = {
  INNOVATIVE: { zh: '创新型中小企业', en: 'innovative SME (创新型)' },
  SPECIALIZED: { zh: '专精特新中小企业', en: 'specialised SME (专精特新)' },
  LITTLE_GIANT: { zh: '专精特新“小巨人”企业', en: '“little giant” (小巨人)' },
};

/** At most this many terms are named in one reason. */
const TERMS_PER_REASON = 6;

/**
 * The reasons of a pair's score in words, in the viewer's language (pure): for first (fields, terms by
 * language, across languages, application, qualification, region, track record), then against (what the
 * demand wants replaced, an excluded approach, dismissals). Only facts from what both sides publish: never the
 * issuer's identity, never contacts.
 */
export function matchReasons(
  score: PairScore,
  facts: ReasonFacts,
  locale: ErrorLocale,
): MatchReason[] {
  const zh = locale === 'zh-CN';
  const list = (items: string[]) => items.join(zh ? '、' : ', ');
  const where = (mask: number) =>
    locationsOf(mask)
      .map((l) => (zh ? LOCATION_NAMES[l].zh : LOCATION_NAMES[l].en))
      .join(zh ? '、' : ', ');
  const fieldName = (code: string) => {
    const f = facts.fieldNames.get(code);
    return f ? (zh ? f.nameZh : f.nameEn) : code;
  };
  const out: MatchReason[] = [];
  const add = (kind: MatchReasonKindValue, positive: boolean, text: string) =>
    out.push({ kind, positive, text });

  const same = score.sharedFields.filter((f) => f.closeness === 1).map((f) => fieldName(f.sme));
  const related = score.sharedFields.filter((f) => f.closeness < 1 && f.closeness >= 0.4);
  if (same.length)
    add(
      'TECHNICAL_FIELDS',
      true,
      zh
        ? `共同技术领域：${list([...new Set(same)])}`
        : `Shared technical fields: ${list([...new Set(same)])}`,
    );
  else if (related.length) {
    const f = related[0];
    add(
      'TECHNICAL_FIELDS',
      true,
      zh
        ? `相近技术领域：${fieldName(f.challenge)}（榜单）与 ${fieldName(f.sme)}（企业）`
        : `Related technical fields: ${fieldName(f.challenge)} (challenge) and ${fieldName(f.sme)} (SME)`,
    );
  }

  const describe = (m: PairScore['matched'][number]) =>
    `${m.smeSurface}${zh ? '（' : ' ('}${where(m.smeLocations)}${zh ? '）' : ')'}`;
  const { zhTerms, enTerms, crossLanguage } = reasonTerms(score.matched);
  if (zhTerms.length)
    add(
      'TERMS_ZH',
      true,
      `${zh ? '中文匹配词：' : 'Chinese terms matched: '}${list(zhTerms.map(describe))}`,
    );
  if (enTerms.length)
    add(
      'TERMS_EN',
      true,
      `${zh ? '英文匹配词：' : 'English terms matched: '}${list(enTerms.map(describe))}`,
    );
  const pairs = crossLanguage.map((m) => `${m.challengeSurface} ↔ ${describe(m)}`);
  if (pairs.length)
    add(
      'CROSS_LANGUAGE',
      true,
      `${zh ? '跨语言匹配：' : 'Matched across languages: '}${list(pairs)}`,
    );

  const application = score.components.find((c) => c.kind === 'APPLICATION')?.value ?? 0;
  if (application > 0)
    add(
      'APPLICATION',
      true,
      score.applicationIndustryMatched
        ? zh
          ? '有面向榜单所属行业客户的项目经历'
          : "Has delivered projects for clients in the challenge's industry"
        : zh
          ? '应用场景与需求相符'
          : 'Works in the application the demand names',
    );
  const q = QUALIFICATION_NAMES[facts.qualification];
  if (q) add('QUALIFICATION', true, zh ? `资质：${q.zh}` : `Qualification: ${q.en}`);
  const region = score.components.find((c) => c.kind === 'REGION')?.value ?? 0;
  if (region > 0 && facts.regionCode) {
    const name = PROVINCES[facts.regionCode];
    const label = name ? (zh ? name.zh : name.en) : facts.regionCode;
    add(
      'REGION',
      true,
      zh ? `位于榜单限定地区：${label}` : `In a region the challenge is open to: ${label}`,
    );
  }
  const { shortlisted, selected, awarded } = facts.track;
  if (shortlisted + selected + awarded > 0)
    add(
      'TRACK_RECORD',
      true,
      zh
        ? `平台业绩（相关领域）：入围 ${shortlisted} 次、入选 ${selected} 次、获奖 ${awarded} 次`
        : `Track record on the platform in related fields: ${shortlisted} shortlisted, ${selected} selected, ${awarded} awarded`,
    );

  if (score.avoidedOffers.length)
    add(
      'AVOIDED_OFFER',
      false,
      `${zh ? '提供的正是需求希望替代或避免的：' : 'Offers what the demand wants to replace or avoid: '}${list(
        [...new Set(score.avoidedOffers.map((t) => t.surface))].slice(0, TERMS_PER_REASON),
      )}`,
    );
  if (score.excludedRoutes.length)
    add(
      'EXCLUDED_ROUTE',
      false,
      `${zh ? '技术路线属于发榜方排除的方案：' : 'Follows an approach the issuer excludes: '}${list(
        [...new Set(score.excludedRoutes.map((t) => t.surface))].slice(0, TERMS_PER_REASON),
      )}`,
    );
  const feedback = score.components.find((c) => c.kind === 'FEEDBACK')?.value ?? 0;
  if (feedback > 0)
    add(
      'FEEDBACK',
      false,
      zh
        ? '与您曾忽略的推荐属于同一技术领域'
        : 'In the technical fields of recommendations you dismissed',
    );
  return out;
}

/**
 * The matched terms the reasons name (best first): per language the first TERMS_PER_REASON distinct ones
 * matched in that language itself, and the first TERMS_PER_REASON distinct pairs linked across languages.
 */
export function reasonTerms(matched: PairScore['matched']): {
  zhTerms: PairScore['matched'];
  enTerms: PairScore['matched'];
  crossLanguage: PairScore['matched'];
} {
  const distinct = (items: PairScore['matched'], key: (m: MatchedTerm) => string) => {
    const seen = new Set<string>();
    return items.filter((m) => !seen.has(key(m)) && seen.add(key(m))).slice(0, TERMS_PER_REASON);
  };
  const native = matched.filter((m) => !m.viaTranslation);
  return {
    zhTerms: distinct(
      native.filter((m) => m.language === 'ZH'),
      (m) => m.smeSurface,
    ),
    enTerms: distinct(
      native.filter((m) => m.language === 'EN'),
      (m) => m.smeSurface,
    ),
    crossLanguage: distinct(
      matched.filter((m) => m.viaTranslation && m.challengeSurface !== m.smeSurface),
      (m) => `${m.challengeSurface}|${m.smeSurface}`,
    ),
  };
}
