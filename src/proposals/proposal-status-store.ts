import type {
  AuditRecorder,
  LifecycleBinding,
  StatusStore,
} from '../common/lifecycle/status-writer.js';
import { constant } from '../common/lifecycle/status-writer.js';
import {
  PROPOSAL_LIFECYCLE,
  ProposalAction,
  ProposalActorKind,
  ProposalStatusName,
} from './proposal-transitions.js';

/** Where proposals keep their status, for the lifecycle mechanism (common/lifecycle). */
export const PROPOSAL_STATUS_STORE: StatusStore = {
  table: 'proposals',
  statusType: 'proposal_status',
  stamps: { updated_at: constant`now()` },
  organizationColumn: 'organization_id',
};

export type ProposalMoves = LifecycleBinding<ProposalStatusName, ProposalAction, ProposalActorKind>;

/** The proposal lifecycle wired to its table and the audit trail. */
export function proposalMoves(audit: AuditRecorder): ProposalMoves {
  return { lifecycle: PROPOSAL_LIFECYCLE, store: PROPOSAL_STATUS_STORE, audit };
}
