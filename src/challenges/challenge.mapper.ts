import type { ChainGoal, ChallengeStatus, ChallengeVisibility, CooperationMode, DemandType, IpOwnership, MinQualification, ProposalCountVisibility } from './challenge.entity.js';
import type { ChallengeDetailRow, ChallengeSummaryRow } from './challenge-sql.js';
import { ChallengeType, ChallengeVersion } from './dto/challenge.types.js';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant in China Standard Time (UTC+8, no daylight saving) with its offset. */
export function chinaTime(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** The confidential part a detail read carries along (resolved by Challenge.description / termsAccepted). */
export interface ChallengeDetailPart {
  description: string | null;
  descriptionShown: boolean;
  termsAccepted: boolean;
}

export type ChallengeNode = ChallengeType & { detail?: ChallengeDetailPart };

/**
 * The only way a challenge row becomes API output; the SQL already nulled what the viewer may not see.
 * A list row carries only the columns the client asked for: the other fields stay undefined and are
 * never resolved.
 */
export function toChallengeType(row: ChallengeSummaryRow | ChallengeDetailRow): ChallengeNode {
  const node: ChallengeNode = {
    id: row.id,
    status: row.status as ChallengeStatus,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    summaryZh: row.summary_zh,
    summaryEn: row.summary_en,
    issuer: row.issuer_id ? { id: row.issuer_id, nameZh: row.issuer_name_zh ?? '', nameEn: row.issuer_name_en } : (row.issuer_id as null),
    anonymousIssuer: row.anonymous_issuer,
    technicalFields: row.technical_fields,
    industryCode: row.industry_code,
    chainGoal: row.chain_goal as ChainGoal,
    demandType: row.demand_type as DemandType,
    cooperationModes: row.cooperation_modes as CooperationMode[],
    budgetMin: row.budget_min,
    budgetMax: row.budget_max,
    bounty: row.bounty,
    currency: row.currency,
    ipOwnership: row.ip_ownership as IpOwnership,
    eligibility: (row.min_qualification === undefined
      ? undefined
      : { minQualification: row.min_qualification as MinQualification, allowedRegionCodes: row.allowed_region_codes, verifiedOnly: row.verified_only }) as ChallengeNode['eligibility'],
    visibility: row.visibility as ChallengeVisibility,
    blindReview: row.blind_review,
    deadline: row.deadline,
    deadlineChinaTime: (row.deadline ? chinaTime(row.deadline) : undefined) as string,
    submittedAt: row.submitted_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    version: row.version,
    requiresTerms: row.requires_terms,
    termsVersion: row.terms_version,
    statusReason: row.status_reason,
    viewerIsIssuer: row.viewer_is_issuer,
    proposalCountVisibility: row.proposal_count_visibility as ProposalCountVisibility,
    proposalCount: row.proposal_count,
    unansweredQuestionCount: row.unanswered_question_count,
  };
  if ('description_shown' in row) {
    node.detail = { description: row.description, descriptionShown: row.description_shown, termsAccepted: row.terms_accepted };
  }
  return node;
}

/** What challenge_versions.snapshot holds (written by ChallengeContentService.snapshot). */
export interface ChallengeSnapshot {
  titleZh: string | null;
  titleEn: string | null;
  summaryZh: string | null;
  summaryEn: string | null;
  description: string;
  deadline: string;
  budgetMin: string | null;
  budgetMax: string | null;
  bounty: string | null;
  termsVersion: number | null;
}

export function toChallengeVersion(
  row: { version: number; change_summary: string | null; created_at: Date; snapshot: ChallengeSnapshot },
  descriptionShown: boolean,
): ChallengeVersion {
  const s = row.snapshot;
  return {
    version: row.version,
    changeSummary: row.change_summary,
    createdAt: row.created_at,
    titleZh: s.titleZh,
    titleEn: s.titleEn,
    summaryZh: s.summaryZh,
    summaryEn: s.summaryEn,
    description: descriptionShown ? s.description : null,
    deadline: new Date(s.deadline),
    budgetMin: s.budgetMin,
    budgetMax: s.budgetMax,
    bounty: s.bounty,
    termsVersion: s.termsVersion,
  };
}
