import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { ProposalDecisionService } from './proposal-decision.service.js';
import { ProposalQueryService } from './proposal-query.service.js';
import { ProposalReviewService } from './proposal-review.service.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import {
  AssignReviewersInput,
  ChallengeObjectionsArgs,
  LockScoringInput,
  CloseChallengeAsFailedInput,
  DeclineReviewAssignmentInput,
  DecideObjectionInput,
  FileObjectionInput,
  MarkNotSelectedInput,
  ProposalRankingArgs,
  ReviewAssignmentIdInput,
  SelectWinnersInput,
  ShortlistProposalsInput,
  SubmitScoresInput,
} from './dto/proposal.inputs.js';
import {
  AcceptReviewAssignmentPayload,
  AssignReviewersPayload,
  CloseChallengeAsFailedPayload,
  DeclineReviewAssignmentPayload,
  DismissObjectionPayload,
  FileObjectionPayload,
  LockScoringPayload,
  MarkNotSelectedPayload,
  Objection,
  ObjectionConnection,
  ProposalRankingConnection,
  ReviewAssignment,
  ReviewAssignmentConnection,
  SelectWinnersPayload,
  ShortlistProposalsPayload,
  SubmitScoresPayload,
  UpholdObjectionPayload,
} from './dto/proposal.types.js';
import { MutationInput } from '../common/graphql/mutation-input.js';

/** Evaluation (专家评审), decisions, 公示 and objections. Finer rules (issuer role, assignment) are the services'. */
@Resolver()
export class EvaluationResolver {
  constructor(
    private readonly review: ProposalReviewService,
    private readonly decision: ProposalDecisionService,
    private readonly query: ProposalQueryService,
  ) {}

  @Mutation(() => AssignReviewersPayload, {
    description:
      'Issuer OWNER/ADMIN invites reviewers after the deadline; conflicts of interest are recused automatically.',
  })
  @Access(AccessRule.AUTHENTICATED)
  assignReviewers(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AssignReviewersInput,
  ): Promise<AssignReviewersPayload> {
    return this.review.assignReviewers(actor, input);
  }

  @Mutation(() => AcceptReviewAssignmentPayload, {
    description:
      "The invited reviewer accepts a review assignment; from then on they may read and score the challenge's proposals once its deadline has passed.",
  })
  @Access(AccessRule.AUTHENTICATED)
  async acceptReviewAssignment(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ReviewAssignmentIdInput,
  ): Promise<AcceptReviewAssignmentPayload> {
    return { reviewAssignment: await this.review.accept(actor, input) };
  }

  @Mutation(() => DeclineReviewAssignmentPayload, {
    description: 'The invited reviewer declines a review assignment, giving a reason.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async declineReviewAssignment(
    @CurrentActor() actor: Actor,
    @MutationInput() input: DeclineReviewAssignmentInput,
  ): Promise<DeclineReviewAssignmentPayload> {
    return { reviewAssignment: await this.review.decline(actor, input) };
  }

  @Mutation(() => SubmitScoresPayload, {
    description:
      'Scores 0-10 per criterion; re-submitting a criterion edits it until scoring is locked.',
  })
  @Access(AccessRule.AUTHENTICATED)
  submitScores(
    @CurrentActor() actor: Actor,
    @MutationInput() input: SubmitScoresInput,
  ): Promise<SubmitScoresPayload> {
    return this.review.submitScores(actor, input);
  }

  @Mutation(() => LockScoringPayload, {
    description:
      'The issuer ends scoring: reviewers can no longer change their scores and the ranking is final.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async lockScoring(
    @CurrentActor() actor: Actor,
    @MutationInput() input: LockScoringInput,
  ): Promise<LockScoringPayload> {
    return { scoringLock: await this.review.lockScoring(actor, input.challengeId) };
  }

  @Mutation(() => ShortlistProposalsPayload, {
    description: 'The issuer shortlists proposals of a CLOSED challenge from its ranking (入围).',
  })
  @Access(AccessRule.AUTHENTICATED)
  shortlistProposals(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ShortlistProposalsInput,
  ): Promise<ShortlistProposalsPayload> {
    return this.decision.shortlist(actor, input);
  }

  @Mutation(() => SelectWinnersPayload, {
    description:
      'Selects the winners (awards within the budget) and starts the publicity period (公示).',
  })
  @Access(AccessRule.AUTHENTICATED)
  selectWinners(
    @CurrentActor() actor: Actor,
    @MutationInput() input: SelectWinnersInput,
  ): Promise<SelectWinnersPayload> {
    return this.decision.selectWinners(actor, input);
  }

  @Mutation(() => MarkNotSelectedPayload, {
    description:
      'The issuer marks a proposal as not selected, with a reason and feedback the SME sees.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async markNotSelected(
    @CurrentActor() actor: Actor,
    @MutationInput() input: MarkNotSelectedInput,
  ): Promise<MarkNotSelectedPayload> {
    return { proposal: await this.decision.markNotSelected(actor, input) };
  }

  @Mutation(() => FileObjectionPayload, {
    description: 'Any verified organisation objects to a winner during the publicity period.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async fileObjection(
    @CurrentActor() actor: Actor,
    @MutationInput() input: FileObjectionInput,
  ): Promise<FileObjectionPayload> {
    return { objection: await this.decision.fileObjection(actor, input) };
  }

  @Mutation(() => UpholdObjectionPayload, {
    description:
      'Issuer OWNER/ADMIN or platform admin: the winner is disqualified, evaluation resumes.',
  })
  @Access(AccessRule.AUTHENTICATED)
  upholdObjection(
    @CurrentActor() actor: Actor,
    @MutationInput() input: DecideObjectionInput,
  ): Promise<UpholdObjectionPayload> {
    return this.decision.upholdObjection(actor, input);
  }

  @Mutation(() => DismissObjectionPayload, {
    description:
      'Issuer OWNER/ADMIN or platform admin: the objection is dismissed and the selection stands.',
  })
  @Access(AccessRule.AUTHENTICATED)
  dismissObjection(
    @CurrentActor() actor: Actor,
    @MutationInput() input: DecideObjectionInput,
  ): Promise<DismissObjectionPayload> {
    return this.decision.dismissObjection(actor, input);
  }

  @Mutation(() => CloseChallengeAsFailedPayload, {
    description: '流榜: closes a CLOSED challenge without a winner.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async closeChallengeAsFailed(
    @CurrentActor() actor: Actor,
    @MutationInput() input: CloseChallengeAsFailedInput,
  ): Promise<CloseChallengeAsFailedPayload> {
    return { challenge: await this.decision.closeAsFailed(actor, input) };
  }

  @Query(() => ProposalRankingConnection, {
    description: 'The issuer’s ranked proposals with weighted scores, vetoes and reviewer spread.',
  })
  @Access(AccessRule.AUTHENTICATED)
  proposalRanking(
    @CurrentActor() actor: Actor,
    @Args() args: ProposalRankingArgs,
  ): Promise<ProposalRankingConnection> {
    return this.query.ranking(actor, args);
  }

  @Query(() => ReviewAssignmentConnection, {
    description: 'The caller’s review invitations and recusals, newest first.',
  })
  @Access(AccessRule.AUTHENTICATED)
  myReviewAssignments(
    @CurrentActor() actor: Actor,
    @Args() args: ConnectionArgs,
  ): Promise<ConnectionShape<ReviewAssignment>> {
    return this.query.myReviewAssignments(actor, args);
  }

  @Query(() => ObjectionConnection, {
    description:
      'Objections to a challenge’s winners, oldest first (its issuer and platform admins; empty for others).',
  })
  @Access(AccessRule.AUTHENTICATED)
  challengeObjections(
    @CurrentActor() actor: Actor,
    @Args() args: ChallengeObjectionsArgs,
  ): Promise<ConnectionShape<Objection>> {
    return this.decision.challengeObjections(actor, args);
  }
}
