import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { JsonScalar, type JsonValue } from '../../common/graphql/json.scalar.js';
import { Connection } from '../../common/pagination/connection.js';

/** A job's state in the queue (pg-boss's states, upper-cased). */
export enum JobStateName {
  CREATED = 'CREATED',
  RETRY = 'RETRY',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}

registerEnumType(JobStateName, {
  name: 'JobState',
  description: "A background job's state in the queue.",
  valuesMap: {
    CREATED: { description: 'Waiting for its first run.' },
    RETRY: {
      description: 'Waiting for its next attempt (after a failure, a lost claim or retryJob).',
    },
    ACTIVE: { description: 'Claimed by an instance, running.' },
    COMPLETED: { description: 'Done.' },
    CANCELLED: { description: 'Cancelled before it ran.' },
    FAILED: { description: 'Failed after its retries; listed by failedJobs.' },
  },
});

@ObjectType('FailedJob', {
  description:
    'A background job that failed after its retries (or was lost with none left): kept 30 days, retryable.',
})
export class FailedJobType {
  @Field(() => ID, { description: 'The job id.' })
  id: string;

  @Field({ description: 'The kind of job (its queue), e.g. challenge-clock.' })
  kind: string;

  @Field(() => JsonScalar, {
    nullable: true,
    description: 'The payload the job was enqueued with.',
  })
  payload: JsonValue | null;

  @Field(() => Int, { description: 'Runs made: the first plus each retry.' })
  attempts: number;

  @Field({ description: 'When the job was enqueued.' })
  createdAt: Date;

  @Field({ description: 'When its last attempt failed.' })
  failedAt: Date;

  @Field(() => String, {
    nullable: true,
    description:
      "The last failure's message (at most 2,000 characters): the handler's error, or a timeout for a job " +
      'whose instance died or hung.',
  })
  error: string | null;
}

@ObjectType({ description: 'Failed jobs, most recently failed first.' })
export class FailedJobConnection extends Connection(FailedJobType, 'FailedJob') {}

@ObjectType('Job', { description: 'A background job, as retryJob leaves it.' })
export class JobType {
  @Field(() => ID, { description: 'The job id.' })
  id: string;

  @Field({ description: 'The kind of job (its queue).' })
  kind: string;

  @Field(() => JobStateName, { description: 'Its state in the queue.' })
  state: JobStateName;

  @Field({ description: 'When the job was enqueued.' })
  createdAt: Date;
}

@InputType({ description: 'Which failed job to run again.' })
export class RetryJobInput {
  @Field(() => ID, { description: 'The failed job (FailedJob.id).' })
  @IsUUID('all', { message: 'jobId must be a UUID' })
  jobId: string;
}

@ObjectType({ description: 'The result of retryJob: the job, waiting for its next attempt.' })
export class RetryJobPayload {
  @Field(() => JobType, { description: 'The job, now in state retry.' })
  job: JobType;
}
