import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import type { JsonValue } from '../common/graphql/json.scalar.js';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
} from '../common/pagination/connection.js';
import { type FailedJobType, JobStateName, type JobType } from './dto/job.types.js';
import { failedJobPage, jobById, lockJob } from './jobs.queries.js';
import { JobsService } from './jobs.service.js';

/** What platform admins see of the queue and may do with it: the failed jobs, and running one again. */
@Injectable()
export class JobAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  /** Failed jobs, most recently failed first (the caller is a platform admin: the resolver's rule). */
  async failed(_actor: Actor, args: ConnectionArgs): Promise<ConnectionShape<FailedJobType>> {
    const first = pageSize(args);
    const after = args.after
      ? (decodeCursor(args.after, ['timestamp', 'uuid']) as [string, string])
      : null;
    const rows = await failedJobPage(this.dataSource, first + 1, after);
    return toConnection(
      rows,
      first,
      (r) => encodeCursor([r.cursorAt, r.id]),
      (r) => ({ ...r, payload: r.payload as JsonValue | null }),
      args.after,
    );
  }

  /**
   * Runs a failed job again: it goes back to the queue (state retry, one more attempt allowed) and the decision
   * is audited. NOT_FOUND for an unknown id, CONFLICT JOB_NOT_FAILED for a job in any other state.
   */
  async retry(actor: Actor, jobId: string): Promise<JobType> {
    await this.dataSource.transaction(async (manager) => {
      const job = await lockJob(manager, jobId);
      if (!job) throw new NotFoundError('Job');
      if (job.state !== 'failed')
        throw new ConflictError('JOB_NOT_FAILED', `The job is ${job.state}, not failed`, {
          jobState: job.state,
        });
      await this.jobs.retryFailed(manager, job.kind, jobId);
      await this.audit.record(manager, {
        actor,
        action: 'JOB_RETRIED',
        entityType: 'Job',
        entityId: jobId,
        from: 'failed',
        to: 'retry',
        data: { kind: job.kind },
      });
    });
    const job = await jobById(this.dataSource, jobId);
    if (!job) throw new NotFoundError('Job');
    return { ...job, state: job.state.toUpperCase() as JobStateName };
  }
}
