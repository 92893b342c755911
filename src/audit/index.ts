/** The audit module's public surface: other modules import from here only. */
export { AuditModule } from './audit.module.js';
export { AuditQueriesModule } from './audit-queries.module.js';
export { AuditService } from './audit.service.js';
export type { AuditEventInput, RecordedAuditEvent } from './audit.service.js';
export { AuditEventEntity } from './audit-event.entity.js';
