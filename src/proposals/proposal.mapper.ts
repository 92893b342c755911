import type { ProposalContent } from './proposal-content.js';
import { NotSelectedReason, ProposalStatus } from './proposal.entities.js';
import { Proposal, ProposalContentType } from './dto/proposal.types.js';

/** The columns PROPOSAL_COLUMNS selects (see ProposalQueryService). */
export interface ProposalRow {
  id: string;
  challenge_id: string;
  status: ProposalStatus;
  organization_id: string;
  identity_visible: boolean;
  name_zh: string;
  name_en: string | null;
  current_revision: number;
  submitted_at: Date | null;
  revision_at: Date | null;
  content_sha256: string | null;
  content: ProposalContent | null;
  award_amount: string | null;
  not_selected_reason: NotSelectedReason | null;
  feedback: string | null;
  decided_at: Date | null;
}

/**
 * The columns of a proposal read; needs aliases p (proposals), c (challenges), o (organizations),
 * r (the current proposal_revisions row, LEFT JOIN) and the identity expression.
 */
export function proposalColumns(effectiveStatus: string, identityVisible: string): string {
  return `p.id, p.challenge_id, ${effectiveStatus} AS status, p.organization_id, ${identityVisible} AS identity_visible,
    o.name_zh, o.name_en, p.current_revision, p.submitted_at, r.created_at AS revision_at, r.content_sha256,
    coalesce(r.content, p.draft_content) AS content, p.award_amount::text AS award_amount, p.not_selected_reason,
    p.feedback, p.decided_at`;
}

function toContent(c: ProposalContent | null): ProposalContentType | null {
  if (!c) return null;
  return {
    title: c.title,
    summary: c.summary,
    technicalApproach: c.technicalApproach,
    commitments: c.commitments.map((x) => ({ requirementId: x.requirementId, value: x.value, evidence: x.evidence })),
    milestones: c.milestones.map((m) => ({ name: m.name, month: m.month, deliverable: m.deliverable, amountFen: m.amountFen })),
    quotedPriceFen: c.quotedPriceFen,
    durationMonths: c.durationMonths,
    ipArrangement: c.ipArrangement,
    team: c.team.map((t) => ({ name: t.name, role: t.role })),
    consortiumPartnerIds: [...c.consortiumPartnerIds],
    attachments: c.attachments.map((a) => ({ name: a.name, size: a.size, sha256: a.sha256, url: a.url })),
    declarations: { noConflictOfInterest: c.declarations.noConflictOfInterest, original: c.declarations.original },
  };
}

export function toProposal(row: ProposalRow): Proposal {
  return {
    id: row.id,
    challengeId: row.challenge_id,
    status: row.status,
    organization: row.identity_visible ? { id: row.organization_id, nameZh: row.name_zh, nameEn: row.name_en } : null,
    currentRevision: row.current_revision,
    submittedAt: row.submitted_at,
    receipt:
      row.revision_at && row.content_sha256
        ? { submittedAt: row.revision_at, contentSha256: row.content_sha256, revision: row.current_revision }
        : null,
    content: toContent(row.content),
    awardAmountFen: row.award_amount,
    notSelectedReason: row.not_selected_reason,
    feedback: row.feedback,
    decidedAt: row.decided_at,
  };
}
