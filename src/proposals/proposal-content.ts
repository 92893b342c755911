import { canonicalJson } from '../common/canonical-json.js';
import { sha256 } from '../common/crypto.js';

/**
 * The content of one proposal revision, exactly as stored (proposal_revisions.content) and hashed for the
 * receipt. Every key is always present (optional values are null or empty lists), money is a string of
 * digits (fen), so the same submission always gives the same canonical text. Pure module.
 */
export interface ProposalContent {
  title: string;
  summary: string;
  technicalApproach: string;
  commitments: { requirementId: string; value: string; evidence: string }[];
  milestones: { name: string; month: number; deliverable: string; amountFen: string }[];
  quotedPriceFen: string;
  durationMonths: number;
  ipArrangement: string;
  team: { name: string; role: string }[];
  consortiumPartnerIds: string[];
  attachments: { name: string; size: number; sha256: string; url: string }[];
  declarations: { noConflictOfInterest: boolean; original: boolean };
}

/** What the API accepts (class-validator has checked shapes and bounds). */
export interface ProposalContentLike {
  title: string;
  summary: string;
  technicalApproach: string;
  commitments?: { requirementId: string; value: string; evidence?: string | null }[] | null;
  milestones?: { name: string; month: number; deliverable: string; amountFen: string }[] | null;
  quotedPriceFen: string;
  durationMonths: number;
  ipArrangement: string;
  team?: { name: string; role: string }[] | null;
  consortiumPartnerIds?: string[] | null;
  attachments?: { name: string; size: number; sha256: string; url: string }[] | null;
  declarations: { noConflictOfInterest: boolean; original: boolean };
}

/** Explicit field mapping (never spreads the input), so no extra key can enter the stored content. */
export function toProposalContent(input: ProposalContentLike): ProposalContent {
  return {
    title: input.title,
    summary: input.summary,
    technicalApproach: input.technicalApproach,
    commitments: (input.commitments ?? []).map((c) => ({
      requirementId: c.requirementId,
      value: c.value,
      evidence: c.evidence ?? '',
    })),
    milestones: (input.milestones ?? []).map((m) => ({
      name: m.name,
      month: m.month,
      deliverable: m.deliverable,
      amountFen: String(m.amountFen),
    })),
    quotedPriceFen: String(input.quotedPriceFen),
    durationMonths: input.durationMonths,
    ipArrangement: input.ipArrangement,
    team: (input.team ?? []).map((m) => ({ name: m.name, role: m.role })),
    consortiumPartnerIds: [...(input.consortiumPartnerIds ?? [])],
    attachments: (input.attachments ?? []).map((a) => ({
      name: a.name,
      size: a.size,
      sha256: a.sha256.toLowerCase(),
      url: a.url,
    })),
    declarations: {
      noConflictOfInterest: input.declarations.noConflictOfInterest,
      original: input.declarations.original,
    },
  };
}

/**
 * The receipt hash: SHA-256 (lower-case hex) of the UTF-8 bytes of the canonical JSON of the content —
 * object keys sorted by code point at every level, no whitespace, strings escaped as JSON.stringify does,
 * list order kept. docs/proposals.md shows how an SME recomputes it.
 */
export function contentSha256(content: ProposalContent): string {
  return sha256(canonicalJson(content));
}

/** The payload an idempotency key is bound to. */
export function submissionPayloadHash(challengeId: string, content: ProposalContent): string {
  return sha256(canonicalJson({ challengeId, content }));
}
