import type { SqlRow } from '../database/typed-query.js';
import {
  bool,
  dateOrNull,
  int,
  jsonObject,
  jsonRows,
  oneOf,
  oneOfOrNull,
  str,
  strArray,
  strOrNull,
} from '../database/typed-query.js';
import { NotSelectedReason, ProposalStatus } from './proposal.entities.js';
import { Proposal, ProposalContentType } from './dto/proposal.types.js';

const PROPOSAL_STATUSES: readonly ProposalStatus[] = Object.values(ProposalStatus);

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

/** Stored content (proposal_revisions.content or a draft's draft_content, ProposalContent) as API output, read through the checked accessors. */
function toContent(c: SqlRow): ProposalContentType {
  const declarations = jsonObject(c, 'declarations');
  return {
    title: str(c, 'title'),
    summary: str(c, 'summary'),
    technicalApproach: str(c, 'technicalApproach'),
    commitments: jsonRows(c, 'commitments').map((x) => ({
      requirementId: str(x, 'requirementId'),
      value: str(x, 'value'),
      evidence: str(x, 'evidence'),
    })),
    milestones: jsonRows(c, 'milestones').map((m) => ({
      name: str(m, 'name'),
      month: int(m, 'month'),
      deliverable: str(m, 'deliverable'),
      amountFen: str(m, 'amountFen'),
    })),
    quotedPriceFen: str(c, 'quotedPriceFen'),
    durationMonths: int(c, 'durationMonths'),
    ipArrangement: str(c, 'ipArrangement'),
    team: jsonRows(c, 'team').map((t) => ({ name: str(t, 'name'), role: str(t, 'role') })),
    consortiumPartnerIds: strArray(c, 'consortiumPartnerIds'),
    attachments: jsonRows(c, 'attachments').map((a) => ({
      name: str(a, 'name'),
      size: int(a, 'size'),
      sha256: str(a, 'sha256'),
      url: str(a, 'url'),
    })),
    declarations: {
      noConflictOfInterest: bool(declarations, 'noConflictOfInterest'),
      original: bool(declarations, 'original'),
    },
  };
}

/** A proposal read (the columns of proposalColumns) with the submitting organisation, whether or not it may be shown. */
export interface ProposalRead {
  proposal: Proposal;
  organizationId: string;
}

/** The only way a row of proposalColumns becomes API output; the organisation only where identity_visible. */
export function toProposalRead(row: SqlRow): ProposalRead {
  const organizationId = str(row, 'organization_id');
  const currentRevision = int(row, 'current_revision');
  const revisionAt = dateOrNull(row, 'revision_at');
  const contentSha256 = strOrNull(row, 'content_sha256');
  return {
    organizationId,
    proposal: {
      id: str(row, 'id'),
      challengeId: str(row, 'challenge_id'),
      status: oneOf(row, 'status', PROPOSAL_STATUSES),
      organization: bool(row, 'identity_visible')
        ? { id: organizationId, nameZh: str(row, 'name_zh'), nameEn: strOrNull(row, 'name_en') }
        : null,
      currentRevision,
      submittedAt: dateOrNull(row, 'submitted_at'),
      receipt:
        revisionAt && contentSha256
          ? { submittedAt: revisionAt, contentSha256, revision: currentRevision }
          : null,
      content: row.content === null ? null : toContent(jsonObject(row, 'content')),
      awardAmountFen: strOrNull(row, 'award_amount'),
      notSelectedReason: oneOfOrNull(row, 'not_selected_reason', NotSelectedReason),
      feedback: strOrNull(row, 'feedback'),
      decidedAt: dateOrNull(row, 'decided_at'),
    },
  };
}
