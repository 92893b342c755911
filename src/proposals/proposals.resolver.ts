import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { ConnectionArgs } from '../common/pagination/connection.js';
import { UserInputError } from '../common/errors.js';
import { ProposalQueryService } from './proposal-query.service.js';
import { ProposalSubmissionService } from './proposal-submission.service.js';
import {
  ChallengeProposalsArgs,
  OpenProposalForAdminReviewInput,
  ReviseProposalInput,
  SaveProposalDraftInput,
  SubmitProposalInput,
  WithdrawProposalInput,
} from './dto/proposal.inputs.js';
import {
  ChallengeResult,
  MyProposalConnection,
  OpenProposalForAdminReviewPayload,
  Proposal,
  ProposalConnection,
  ReviseProposalPayload,
  SaveProposalDraftPayload,
  SubmitProposalPayload,
  WithdrawProposalPayload,
} from './dto/proposal.types.js';
import { MutationInput } from '../common/graphql/mutation-input.js';

/** An id argument that is not a uuid is bad input, not a database error. */
export const uuidArg = (field: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => UserInputError.field(field, 'must be a UUID') });

@Resolver(() => Proposal)
export class ProposalsResolver {
  constructor(
    private readonly submission: ProposalSubmissionService,
    private readonly query: ProposalQueryService,
  ) {}

  @Mutation(() => SaveProposalDraftPayload, {
    description: 'Creates or updates the SME’s draft for a challenge (not visible to anyone else).',
  })
  @Access(AccessRule.AUTHENTICATED)
  async saveProposalDraft(
    @CurrentActor() actor: Actor,
    @MutationInput() input: SaveProposalDraftInput,
  ): Promise<SaveProposalDraftPayload> {
    return { proposal: await this.submission.saveDraft(actor, input) };
  }

  @Mutation(() => SubmitProposalPayload, {
    description:
      'Submits the SME’s proposal before the deadline; idempotent per key. Returns the receipt.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async submitProposal(
    @CurrentActor() actor: Actor,
    @MutationInput() input: SubmitProposalInput,
  ): Promise<SubmitProposalPayload> {
    return { proposal: await this.submission.submit(actor, input) };
  }

  @Mutation(() => ReviseProposalPayload, {
    description:
      'A new revision of a submitted proposal before the deadline (every revision is kept); new receipt.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async reviseProposal(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ReviseProposalInput,
  ): Promise<ReviseProposalPayload> {
    return { proposal: await this.submission.revise(actor, input) };
  }

  @Mutation(() => WithdrawProposalPayload, {
    description: 'Withdraws a draft or submitted proposal before the deadline.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async withdrawProposal(
    @CurrentActor() actor: Actor,
    @MutationInput() input: WithdrawProposalInput,
  ): Promise<WithdrawProposalPayload> {
    return { proposal: await this.submission.withdraw(actor, input) };
  }

  @Mutation(() => OpenProposalForAdminReviewPayload, {
    description:
      'Break-glass: a platform admin reads one proposal, with a reason; audited, valid 24 hours.',
  })
  @Access(AccessRule.ADMIN)
  async openProposalForAdminReview(
    @CurrentActor() actor: Actor,
    @MutationInput() input: OpenProposalForAdminReviewInput,
  ): Promise<OpenProposalForAdminReviewPayload> {
    return { proposal: await this.query.openForAdminReview(actor, input) };
  }

  @Query(() => Proposal, {
    description:
      'One proposal, if the caller may read it (every read by others than its SME is audited).',
  })
  @Access(AccessRule.AUTHENTICATED)
  proposal(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The proposal.' }, uuidArg('id')) id: string,
  ): Promise<Proposal> {
    return this.query.proposal(actor, id);
  }

  @Query(() => ProposalConnection, {
    description:
      'The proposals of a challenge for its issuer and accepted reviewers, after the deadline.',
  })
  @Access(AccessRule.AUTHENTICATED)
  challengeProposals(@CurrentActor() actor: Actor, @Args() args: ChallengeProposalsArgs) {
    return this.query.challengeProposals(actor, args);
  }

  @Query(() => Int, {
    description:
      'How many proposals a challenge has received: for its issuer and admins, and for everyone who sees the challenge when its proposalCountVisibility is PUBLIC (else FORBIDDEN PROPOSAL_COUNT_ISSUER_ONLY). All the issuer sees before the deadline.',
  })
  @Access(AccessRule.PUBLIC)
  proposalCount(
    @CurrentActor() actor: Actor | null,
    @Args('challengeId', { type: () => ID, description: 'The challenge.' }, uuidArg('challengeId'))
    challengeId: string,
  ): Promise<number> {
    return this.query.proposalCount(actor, challengeId);
  }

  @Query(() => MyProposalConnection, {
    description: 'The proposals of the caller’s SME, newest first.',
  })
  @Access(AccessRule.AUTHENTICATED)
  myProposals(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs) {
    return this.query.myProposals(actor, args);
  }

  @Query(() => ChallengeResult, {
    description: '公示: winners and proposal titles of a challenge in publicity or awarded.',
  })
  @Access(AccessRule.PUBLIC)
  challengeResult(
    @CurrentActor() actor: Actor | null,
    @Args('challengeId', { type: () => ID, description: 'The challenge.' }, uuidArg('challengeId'))
    challengeId: string,
  ): Promise<ChallengeResult> {
    return this.query.challengeResult(actor, challengeId);
  }
}
