/**
 * Small constructors that keep the hand-written area files readable: an SME profile lists only what the
 * company filled in, the rest defaults to empty as it does in the product.
 */
import type { EvalChallenge, EvalLabel, EvalSme, EvalTrap, LinkKind, TrapKind } from '../types.js';

/** One technical area's share of the set. */
export interface AreaPart {
  challenges: EvalChallenge[];
  smes: EvalSme[];
  labels: EvalLabel[];
  traps: EvalTrap[];
}

type SmeInput = Pick<
  EvalSme,
  'key' | 'lang' | 'regionCode' | 'qualification' | 'capabilityStatement'
> &
  Partial<Omit<EvalSme, 'key' | 'lang' | 'regionCode' | 'qualification' | 'capabilityStatement'>>;

/** An SME profile with the optional lists defaulting to empty. */
export function sme(input: SmeInput): EvalSme {
  return {
    keywords: [],
    products: [],
    pastProjects: [],
    technicalRoutes: [],
    technicalFieldCodes: [],
    ...input,
  };
}

/** A fit: `fit('c01', 's001', 2)` or with the only kind of link that reaches it. */
export function fit(challenge: string, smeKey: string, grade: 1 | 2, link?: LinkKind): EvalLabel {
  return link ? { challenge, sme: smeKey, grade, link } : { challenge, sme: smeKey, grade };
}

/** A trap with an optional reviewer's note. */
export function trap(challenge: string, smeKey: string, kind: TrapKind, note?: string): EvalTrap {
  return note ? { challenge, sme: smeKey, kind, note } : { challenge, sme: smeKey, kind };
}
