import type { Actor } from '../common/auth/actor.js';
import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  execute,
  int,
  oneOf,
  oneOfArray,
  preparedOne,
  queryOne,
  queryRows,
  str,
  strArray,
  strOrNull,
} from '../database/typed-query.js';
import { preparedQuery } from '../database/prepared-query.js';
import { SqlParams } from '../database/sql-params.js';
import { ChallengeStatus, viewerOf, visibleSql } from '../challenges/index.js';
import {
  ELIGIBILITY_REASONS,
  eligibilityProblemsSql,
  EligibilityReason,
} from '../organizations/index.js';
import type { ProposalContent } from './proposal-content.js';
import { ProposalStatus } from './proposal.entities.js';

/**
 * The SQL of drafts, submissions, revisions and withdrawals (ProposalSubmissionService), see
 * docs/architecture.md, "The SQL layer". Submission is a hot path: its statements (the locking read of the
 * challenge, the live proposal, the insert of a submitted proposal and of its revision, the idempotent
 * replay) run as named prepared statements; the others do not. Status moves go through the lifecycle
 * mechanism (common/lifecycle/status-writer.ts), not through this file.
 */

const CHALLENGE_STATUSES: readonly ChallengeStatus[] = Object.values(ChallengeStatus);
const PROPOSAL_STATUSES: readonly ProposalStatus[] = Object.values(ProposalStatus);

/** What the locking read of the challenge and the submitting SME returns. */
export interface SubmissionContext {
  /** The stored status. */
  status: ChallengeStatus;
  /** The actor may see the challenge (visibleSql). */
  visible: boolean;
  /** The deadline is after `now`. */
  open: boolean;
  /** The database clock, truncated to milliseconds (the precision stored). */
  now: Date;
  requiresTerms: boolean;
  termsAccepted: boolean;
  /** Why the SME may not answer the challenge (the eligibility rule, organizations/smes/eligibility.ts; empty: eligible). */
  eligibilityProblems: EligibilityReason[];
  requirementIds: string[];
}

function toSubmissionContext(r: SqlRow): SubmissionContext {
  return {
    status: oneOf(r, 'status', CHALLENGE_STATUSES),
    visible: bool(r, 'visible'),
    open: bool(r, 'open'),
    now: date(r, 'now'),
    requiresTerms: bool(r, 'requires_terms'),
    termsAccepted: bool(r, 'terms_accepted'),
    eligibilityProblems: oneOfArray(r, 'eligibility_problems', ELIGIBILITY_REASONS),
    requirementIds: strArray(r, 'requirement_ids'),
  };
}

/**
 * Reads and share-locks (FOR SHARE) the challenge together with the SME's eligibility, whether the actor may
 * see it and the database clock, in one prepared statement; undefined when there is no such challenge.
 */
export function lockSubmissionContext(
  target: SqlTarget,
  actor: Actor,
  challengeId: string,
  smeId: string,
): Promise<SubmissionContext | undefined> {
  const p = new SqlParams();
  const challenge = p.add(challengeId);
  const sme = p.add(smeId);
  const visible = visibleSql(viewerOf(actor), p, 'ch');
  return preparedOne(
    target,
    `SELECT ch.status, ch.requires_terms, t.now, ch.deadline > t.now AS open, ${visible} AS visible,
              EXISTS (SELECT 1 FROM challenge_terms_acceptances a WHERE a.challenge_id = ch.id AND a.organization_id = ${sme}::uuid
                        AND a.terms_version = ch.terms_version) AS terms_accepted,
              ${eligibilityProblemsSql(sme, 'ch')} AS eligibility_problems,
              coalesce((SELECT array_agg(cr.id::text) FROM challenge_requirements cr WHERE cr.challenge_id = ch.id), '{}') AS requirement_ids
         FROM challenges ch
         CROSS JOIN (SELECT date_trunc('milliseconds', clock_timestamp()) AS now) t
        WHERE ch.id = ${challenge}::uuid
        FOR SHARE OF ch`,
    p.values,
    toSubmissionContext,
  );
}

/** A proposal's id and status. */
export interface ProposalState {
  id: string;
  status: ProposalStatus;
}

const LIVE_PROPOSAL_SQL = `SELECT id, status FROM proposals WHERE challenge_id = $1 AND organization_id = $2 AND status <> 'WITHDRAWN' FOR UPDATE`;

/**
 * The SME's live (not WITHDRAWN) proposal for the challenge, its row locked FOR UPDATE; `prepared` for
 * submission (a hot path), not for the draft save.
 */
export function lockLiveProposal(
  target: SqlTarget,
  challengeId: string,
  smeId: string,
  options: { prepared: boolean },
): Promise<ProposalState | undefined> {
  const toState = (r: SqlRow): ProposalState => ({
    id: str(r, 'id'),
    status: oneOf(r, 'status', PROPOSAL_STATUSES),
  });
  return options.prepared
    ? preparedOne(target, LIVE_PROPOSAL_SQL, [challengeId, smeId], toState)
    : queryOne(target, LIVE_PROPOSAL_SQL, [challengeId, smeId], toState);
}

export function updateDraftContent(
  target: SqlTarget,
  proposalId: string,
  content: ProposalContent,
): Promise<void> {
  return execute(
    target,
    `UPDATE proposals SET draft_content = $2, updated_at = now() WHERE id = $1`,
    [proposalId, JSON.stringify(content)],
  );
}

/** Creates the SME's DRAFT proposal for the challenge; its id. */
export async function insertDraft(
  target: SqlTarget,
  challengeId: string,
  smeId: string,
  content: ProposalContent,
  userId: string,
): Promise<string> {
  const id = await queryOne(
    target,
    `INSERT INTO proposals (challenge_id, organization_id, status, draft_content, created_by) VALUES ($1, $2, 'DRAFT', $3, $4) RETURNING id`,
    [challengeId, smeId, JSON.stringify(content), userId],
    (r) => str(r, 'id'),
  );
  return id!;
}

export interface NewSubmission {
  challengeId: string;
  smeId: string;
  submittedAt: Date;
  sha256: string;
  idempotencyKey: string;
  payloadHash: string;
  userId: string;
}

/**
 * Creates a proposal submitted without a draft, directly in the state SUBMIT leads to (the only status
 * written outside the lifecycle mechanism: see proposal-transitions.ts); its id.
 */
export async function insertSubmittedProposal(
  target: SqlTarget,
  s: NewSubmission,
): Promise<string> {
  const id = await preparedOne(
    target,
    `INSERT INTO proposals (challenge_id, organization_id, status, current_revision, submitted_at, receipt_sha256,
                                    idempotency_key, idempotency_payload_hash, created_by)
             VALUES ($1, $2, 'SUBMITTED', 1, $3, $4, $5, $6, $7) RETURNING id`,
    [s.challengeId, s.smeId, s.submittedAt, s.sha256, s.idempotencyKey, s.payloadHash, s.userId],
    (r) => str(r, 'id'),
  );
  return id!;
}

/** Keeps a submitted content as revision `revision` of the proposal, stamped `at`. */
export async function insertRevision(
  target: SqlTarget,
  proposalId: string,
  revision: number,
  content: ProposalContent,
  sha256: string,
  userId: string,
  at: Date,
): Promise<void> {
  await preparedQuery(
    target,
    `INSERT INTO proposal_revisions (proposal_id, revision, content, content_sha256, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [proposalId, revision, JSON.stringify(content), sha256, userId, at],
  );
}

/** The SME's proposal submitted with the idempotency key, and the hash of the payload it was submitted with. */
export function submissionByIdempotencyKey(
  target: SqlTarget,
  smeId: string,
  key: string,
): Promise<{ id: string; payloadHash: string | null } | undefined> {
  return preparedOne(
    target,
    `SELECT id, idempotency_payload_hash FROM proposals WHERE organization_id = $1 AND idempotency_key = $2`,
    [smeId, key],
    (r) => ({
      id: str(r, 'id'),
      payloadHash: strOrNull(r, 'idempotency_payload_hash'),
    }),
  );
}

/** Makes `revision` (with its receipt hash) the proposal's current one. */
export function setCurrentRevision(
  target: SqlTarget,
  proposalId: string,
  revision: number,
  sha256: string,
): Promise<void> {
  return execute(
    target,
    `UPDATE proposals SET current_revision = $2, receipt_sha256 = $3, updated_at = now() WHERE id = $1`,
    [proposalId, revision, sha256],
  );
}

/** Those of `ids` that are SME organisations. */
export function smeOrganizationIds(target: SqlTarget, ids: readonly string[]): Promise<string[]> {
  return queryRows(
    target,
    `SELECT id FROM organizations WHERE id = ANY($1::uuid[]) AND kind = 'SME'`,
    [ids],
    (r) => str(r, 'id'),
  );
}

/** The challenge of the SME's own proposal. */
export function ownProposalChallengeId(
  target: SqlTarget,
  proposalId: string,
  smeId: string,
): Promise<string | undefined> {
  return queryOne(
    target,
    `SELECT challenge_id FROM proposals WHERE id = $1 AND organization_id = $2`,
    [proposalId, smeId],
    (r) => str(r, 'challenge_id'),
  );
}

export interface OwnProposal extends ProposalState {
  challengeId: string;
  currentRevision: number;
}

/** The SME's own proposal, its row locked FOR UPDATE until the transaction ends. */
export function lockOwnProposal(
  target: SqlTarget,
  proposalId: string,
  smeId: string,
): Promise<OwnProposal | undefined> {
  return queryOne(
    target,
    `SELECT id, challenge_id, status, current_revision FROM proposals WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
    [proposalId, smeId],
    (r) => ({
      id: str(r, 'id'),
      challengeId: str(r, 'challenge_id'),
      status: oneOf(r, 'status', PROPOSAL_STATUSES),
      currentRevision: int(r, 'current_revision'),
    }),
  );
}
