import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { MutationInput } from '../common/graphql/mutation-input.js';
import { ConnectionArgs } from '../common/pagination/connection.js';
import { FailedJobConnection, RetryJobInput, RetryJobPayload } from './dto/job.types.js';
import { JobAdminService } from './job-admin.service.js';

@Resolver()
export class JobsResolver {
  constructor(private readonly service: JobAdminService) {}

  @Query(() => FailedJobConnection, {
    description:
      'Background jobs that failed after their retries, most recently failed first (platform admins).',
  })
  @Access(AccessRule.ADMIN)
  failedJobs(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs) {
    return this.service.failed(actor, args);
  }

  @Mutation(() => RetryJobPayload, {
    description: 'Runs a failed background job again (platform admins); audited.',
  })
  @Access(AccessRule.ADMIN)
  async retryJob(
    @CurrentActor() actor: Actor,
    @MutationInput() input: RetryJobInput,
  ): Promise<RetryJobPayload> {
    return { job: await this.service.retry(actor, input.jobId) };
  }
}
