import {
  analyzeDocument,
  type DocumentAnalysis,
  type DocumentTerm,
  type TextPart,
} from './analyze.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Which text of a challenge and of an SME matching reads, where, and how much each place counts (pure). A
 * challenge's title and technical indicators say what it wants more precisely than its summary; an SME's
 * keywords, products and technical routes are what it says it does, its capability statement and past projects
 * the context. The weights are the documented defaults of the text component (README, "How matching works").
 */
export const PART_WEIGHTS = {
  challengeTitle: 3,
  challengeRequirementName: 2,
  challengeRequirementTarget: 1,
  challengeSummary: 1,
  smeName: 1,
  smeCapability: 1,
  smeKeyword: 2,
  smeProductName: 1.5,
  smeProductDescription: 1,
  smePastProjectTitle: 1,
  smePastProjectOutcome: 0.5,
  smeRoute: 1.5,
} as const;

const W = PART_WEIGHTS;

export interface ChallengeText {
  titleZh: string | null;
  titleEn: string | null;
  summaryZh: string | null;
  summaryEn: string | null;
  requirements: readonly { name: string; target: string }[];
  excludedApproaches: readonly { zh: string | null; en: string | null }[];
}

export interface SmeText {
  nameZh: string;
  nameEn: string | null;
  capabilityStatement: string;
  keywords: readonly string[];
  products: readonly { name: string; description: string }[];
  pastProjects: readonly { title: string; outcome: string }[];
  technicalRoutes: readonly { zh: string | null; en: string | null }[];
}

const routeText = (r: { zh: string | null; en: string | null }) =>
  [r.zh, r.en].filter(Boolean).join(' / ');

/** A challenge's terms (with its replace/avoid and application clauses) and the terms of the approaches it excludes. */
export function analyzeChallenge(
  c: ChallengeText,
  vocabulary: Vocabulary,
): { analysis: DocumentAnalysis; routeTerms: DocumentTerm[] } {
  const parts: TextPart[] = [
    { location: 'TITLE', text: c.titleZh, weight: W.challengeTitle },
    { location: 'TITLE', text: c.titleEn, weight: W.challengeTitle },
    { location: 'SUMMARY', text: c.summaryZh, weight: W.challengeSummary },
    { location: 'SUMMARY', text: c.summaryEn, weight: W.challengeSummary },
    ...c.requirements.flatMap((r): TextPart[] => [
      { location: 'REQUIREMENT', text: r.name, weight: W.challengeRequirementName },
      { location: 'REQUIREMENT', text: r.target, weight: W.challengeRequirementTarget },
    ]),
  ];
  const routes = analyzeDocument(
    c.excludedApproaches.map((a) => ({ location: 'ROUTE', text: routeText(a), weight: 1 })),
    vocabulary,
  );
  return { analysis: analyzeDocument(parts, vocabulary, { cues: true }), routeTerms: routes.terms };
}

/**
 * An SME's terms and the terms of its technical routes. Its own replace clauses are read too: an SME that says it
 * replaces something (可替代电芯蓝膜包覆) does not offer that thing, so those words are not its terms.
 */
export function analyzeSme(
  s: SmeText,
  vocabulary: Vocabulary,
): { analysis: DocumentAnalysis; routeTerms: DocumentTerm[] } {
  const routeParts: TextPart[] = s.technicalRoutes.map((r) => ({
    location: 'ROUTE',
    text: routeText(r),
    weight: W.smeRoute,
  }));
  const parts: TextPart[] = [
    { location: 'NAME', text: [s.nameZh, s.nameEn].filter(Boolean).join('\n'), weight: W.smeName },
    { location: 'CAPABILITY', text: s.capabilityStatement, weight: W.smeCapability },
    ...s.keywords.map((k): TextPart => ({ location: 'KEYWORD', text: k, weight: W.smeKeyword })),
    ...s.products.flatMap((p): TextPart[] => [
      { location: 'PRODUCT', text: p.name, weight: W.smeProductName },
      { location: 'PRODUCT', text: p.description, weight: W.smeProductDescription },
    ]),
    ...s.pastProjects.flatMap((p): TextPart[] => [
      { location: 'PAST_PROJECT', text: p.title, weight: W.smePastProjectTitle },
      { location: 'PAST_PROJECT', text: p.outcome, weight: W.smePastProjectOutcome },
    ]),
    ...routeParts,
  ];
  return {
    analysis: analyzeDocument(parts, vocabulary, { cues: true }),
    routeTerms: analyzeDocument(routeParts, vocabulary).terms,
  };
}
