import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { ConnectionArgs } from '../common/pagination/connection.js';
import { AuditQueriesService } from './audit-queries.service.js';
import { AuditChainReportType, AuditEventConnection, AuditEventsArgs } from './dto/audit.types.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly service: AuditQueriesService) {}

  @Query(() => AuditEventConnection, {
    description: 'The audit trail, newest first, with filters (platform admins).',
  })
  @Access(AccessRule.ADMIN)
  auditEvents(@CurrentActor() actor: Actor, @Args() args: AuditEventsArgs) {
    return this.service.list(actor, args);
  }

  @Query(() => AuditEventConnection, {
    description: 'The audit events about the caller’s organisation, newest first.',
  })
  @Access(AccessRule.AUTHENTICATED)
  myOrganizationAuditEvents(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs) {
    return this.service.mine(actor, args);
  }

  @Query(() => AuditChainReportType, {
    description:
      'Checks the hash chain of the whole trail and names the first broken link (platform admins).',
  })
  @Access(AccessRule.ADMIN)
  verifyAuditChain(): Promise<AuditChainReportType> {
    return this.service.verify();
  }
}
