import type { FieldError } from '../../common/errors.js';
import {
  BILINGUAL_LABEL_MAX,
  bilingualLabelProblems,
  invisibleCharacters,
} from '../../common/validation.js';
import type { SmeTechnicalRoute } from './sme.entity.js';

/** The bounds of an SME's capability profile (the inputs, the service and the docs read them from here). */
export const CAPABILITY_LIMITS = {
  keywords: 30,
  keywordLength: 40,
  products: 20,
  productName: 100,
  productDescription: 300,
  pastProjects: 20,
  projectTitle: 200,
  projectOutcome: 500,
  firstProjectYear: 1990,
  technicalRoutes: 10,
  routeLabel: BILINGUAL_LABEL_MAX,
} as const;

/** The form matching compares a keyword in: NFKC (full-width letters become ASCII), lower case. */
export function keywordKey(keyword: string): string {
  return keyword.normalize('NFKC').toLowerCase();
}

/** Letters (any script), digits and the joiners of technical terms (C++, Li-ion, R&D, 5G/6G, Node.js). */
const KEYWORD = /^[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M} .+#&/_-]*[\p{L}\p{N}\p{M}+#])?$/u;

/**
 * The keywords as stored (pure): each trimmed, 1 to 40 characters, letters, digits and a few joiners; the
 * first of those equal ignoring case (and full/half width) kept, in the order given. The problems name
 * the element (`keywords.3`).
 */
export function normalizeKeywords(raw: readonly string[]): {
  keywords: string[];
  keys: string[];
  problems: FieldError[];
} {
  const problems: FieldError[] = [];
  const keywords: string[] = [];
  const keys: string[] = [];
  raw.forEach((value, i) => {
    const keyword = value.trim();
    const field = `keywords.${i}`;
    if (keyword.length < 1 || [...keyword].length > CAPABILITY_LIMITS.keywordLength)
      problems.push({
        field,
        message: `must be 1 to ${CAPABILITY_LIMITS.keywordLength} characters`,
      });
    else if (invisibleCharacters(keyword).length || !KEYWORD.test(keyword))
      problems.push({
        field,
        message:
          'must hold letters and digits (Chinese or English), with spaces or . + # & / _ - between',
      });
    else if (!keys.includes(keywordKey(keyword))) {
      keywords.push(keyword);
      keys.push(keywordKey(keyword));
    }
  });
  return { keywords, keys, problems };
}

/**
 * A route needs a Chinese or an English label (pure); the problems name the element (`technicalRoutes.2`).
 * The rule of every bilingual label (bilingualLabelProblems), which challenges' excluded approaches share.
 */
export function technicalRouteProblems(routes: readonly SmeTechnicalRoute[]): FieldError[] {
  return bilingualLabelProblems(routes, 'technicalRoutes');
}

/** This year in China (UTC+8): the latest year a past project may have. */
export function currentYearInChina(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3600 * 1000).getUTCFullYear();
}
