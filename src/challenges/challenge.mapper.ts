import type { SqlRow } from '../database/typed-query.js';
import {
  bool,
  date,
  dateOrNull,
  int,
  intOrNull,
  jsonRows,
  oneOf,
  oneOfArray,
  str,
  strArray,
  strOrNull,
} from '../database/typed-query.js';
import {
  ChainGoal,
  ChallengeStatus,
  ChallengeVisibility,
  CooperationMode,
  DemandType,
  IpOwnership,
  ProposalCountVisibility,
} from './challenge.entity.js';
import { SmeQualification } from '../organizations/index.js';
import { ChallengeType } from './dto/challenge.types.js';

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

/** `get(row, name)`, or undefined when the statement did not select the column (a list selects only what was asked). */
function picked<T>(row: SqlRow, name: string, get: (row: SqlRow, name: string) => T): T {
  return (row[name] === undefined ? undefined : get(row, name)) as T;
}

function technicalField(f: SqlRow): { code: string; nameZh: string; nameEn: string } {
  return { code: str(f, 'code'), nameZh: str(f, 'nameZh'), nameEn: str(f, 'nameEn') };
}

// The enum columns' readers, built once (not per row: the lists map many rows).
const values = <T extends string>(e: Readonly<Record<string, T>>): readonly T[] => Object.values(e);
const STATUSES = values(ChallengeStatus);
const MIN_QUALIFICATIONS = values(SmeQualification);
const CHAIN_GOALS = values(ChainGoal);
const DEMAND_TYPES = values(DemandType);
const COOPERATION_MODES = values(CooperationMode);
const IP_OWNERSHIPS = values(IpOwnership);
const VISIBILITIES = values(ChallengeVisibility);
const PROPOSAL_COUNT_VISIBILITIES = values(ProposalCountVisibility);
const statusOf = (r: SqlRow, n: string) => oneOf(r, n, STATUSES);
const minQualificationOf = (r: SqlRow, n: string) => oneOf(r, n, MIN_QUALIFICATIONS);
const chainGoalOf = (r: SqlRow, n: string) => oneOf(r, n, CHAIN_GOALS);
const demandTypeOf = (r: SqlRow, n: string) => oneOf(r, n, DEMAND_TYPES);
const cooperationModesOf = (r: SqlRow, n: string) => oneOfArray(r, n, COOPERATION_MODES);
const ipOwnershipOf = (r: SqlRow, n: string) => oneOf(r, n, IP_OWNERSHIPS);
const visibilityOf = (r: SqlRow, n: string) => oneOf(r, n, VISIBILITIES);
const proposalCountVisibilityOf = (r: SqlRow, n: string) =>
  oneOf(r, n, PROPOSAL_COUNT_VISIBILITIES);
const technicalFieldsOf = (r: SqlRow, n: string) => jsonRows(r, n).map(technicalField);

/** A `{zh, en}` label of a jsonb list (challenges.excluded_approaches, a version snapshot's copy of it). */
export function bilingualLabel(l: SqlRow): { zh: string | null; en: string | null } {
  return { zh: strOrNull(l, 'zh'), en: strOrNull(l, 'en') };
}
const excludedApproachesOf = (r: SqlRow, n: string) => jsonRows(r, n).map(bilingualLabel);

/**
 * The only way a challenge row (challenge-sql.ts, summaryColumnsSql / detailColumnsSql) becomes API output;
 * the SQL already nulled what the viewer may not see. A list row carries only the columns the client asked
 * for: the other fields stay undefined and are never resolved. Every column present is read through the
 * checked accessors of typed-query.ts.
 */
export function toChallengeType(row: SqlRow): ChallengeNode {
  const issuerId = picked(row, 'issuer_id', strOrNull);
  const deadline = picked(row, 'deadline', date);
  const minQualification = picked(row, 'min_qualification', minQualificationOf);
  const node: ChallengeNode = {
    id: str(row, 'id'),
    status: picked(row, 'status', statusOf),
    titleZh: picked(row, 'title_zh', strOrNull),
    titleEn: picked(row, 'title_en', strOrNull),
    summaryZh: picked(row, 'summary_zh', strOrNull),
    summaryEn: picked(row, 'summary_en', strOrNull),
    excludedApproaches: picked(row, 'excluded_approaches', excludedApproachesOf),
    issuer: issuerId
      ? {
          id: issuerId,
          nameZh: strOrNull(row, 'issuer_name_zh') ?? '',
          nameEn: strOrNull(row, 'issuer_name_en'),
        }
      : (issuerId as null),
    anonymousIssuer: picked(row, 'anonymous_issuer', bool),
    technicalFields: picked(row, 'technical_fields', technicalFieldsOf),
    industryCode: picked(row, 'industry_code', str),
    chainGoal: picked(row, 'chain_goal', chainGoalOf),
    demandType: picked(row, 'demand_type', demandTypeOf),
    cooperationModes: picked(row, 'cooperation_modes', cooperationModesOf),
    budgetMin: picked(row, 'budget_min', strOrNull),
    budgetMax: picked(row, 'budget_max', strOrNull),
    bounty: picked(row, 'bounty', strOrNull),
    currency: picked(row, 'currency', str),
    ipOwnership: picked(row, 'ip_ownership', ipOwnershipOf),
    eligibility: (minQualification === undefined
      ? undefined
      : {
          minQualification,
          allowedRegionCodes: strArray(row, 'allowed_region_codes'),
          verifiedOnly: bool(row, 'verified_only'),
        }) as ChallengeNode['eligibility'],
    visibility: picked(row, 'visibility', visibilityOf),
    blindReview: picked(row, 'blind_review', bool),
    deadline,
    deadlineChinaTime: (deadline ? chinaTime(deadline) : undefined) as string,
    submittedAt: picked(row, 'submitted_at', dateOrNull),
    publishedAt: picked(row, 'published_at', dateOrNull),
    createdAt: picked(row, 'created_at', date),
    version: picked(row, 'version', int),
    requiresTerms: picked(row, 'requires_terms', bool),
    termsVersion: picked(row, 'terms_version', intOrNull),
    statusReason: picked(row, 'status_reason', strOrNull),
    viewerIsIssuer: picked(row, 'viewer_is_issuer', bool),
    proposalCountVisibility: picked(row, 'proposal_count_visibility', proposalCountVisibilityOf),
    proposalCount: picked(row, 'proposal_count', intOrNull),
    unansweredQuestionCount: picked(row, 'unanswered_question_count', intOrNull),
  };
  if (row.description_shown !== undefined) {
    node.detail = {
      description: strOrNull(row, 'description'),
      descriptionShown: bool(row, 'description_shown'),
      termsAccepted: bool(row, 'terms_accepted'),
    };
  }
  return node;
}

/** What challenge_versions.snapshot holds (written by ChallengeContentService.snapshot, read by challenges.queries.ts). */
export interface ChallengeSnapshot {
  titleZh: string | null;
  titleEn: string | null;
  summaryZh: string | null;
  summaryEn: string | null;
  /** Absent from the snapshots of versions recorded before the list existed (read as none). */
  excludedApproaches?: { zh: string | null; en: string | null }[];
  description: string;
  deadline: string;
  budgetMin: string | null;
  budgetMax: string | null;
  bounty: string | null;
  termsVersion: number | null;
}
