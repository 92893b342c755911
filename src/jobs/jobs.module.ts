import { Global, Module } from '@nestjs/common';
import { JobAdminService } from './job-admin.service.js';
import { JobsService } from './jobs.service.js';
import { JobsResolver } from './jobs.resolver.js';

/**
 * Durable background jobs (pg-boss in the service's PostgreSQL): the queue, its workers and schedules
 * (JobsService), and the admins' view of failures (failedJobs, retryJob). Global, like the audit trail: a
 * module registers its kinds of job with JobsService and enqueues them.
 */
@Global()
@Module({
  providers: [JobsService, JobAdminService, JobsResolver],
  exports: [JobsService],
})
export class JobsModule {}
