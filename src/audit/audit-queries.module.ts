import { Module } from '@nestjs/common';
import { AuditQueriesService } from './audit-queries.service.js';
import { AuditResolver } from './audit.resolver.js';

/** The read side of the audit trail (AuditModule, global, holds the write side). */
@Module({
  providers: [AuditQueriesService, AuditResolver],
})
export class AuditQueriesModule {}
