/** The jobs module's public surface: other modules import from here only. */
export { JobsModule } from './jobs.module.js';
export { JobsService } from './jobs.service.js';
export { defineJob, emptyPayload } from './job-definition.js';
export type { EnqueueOptions, JobContext, JobDefinition, JobHandler } from './job-definition.js';
export type { SystemMoveEvent, SystemMoveEvents, SystemMoveListener } from './system-moves.js';
export { installJobSchema, JOBS_SCHEMA } from './job-schema.js';
export { JobErrorReason } from './job-errors.js';
