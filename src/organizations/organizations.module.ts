import { OrganizationNotificationSubject } from './organization-notification-subject.js';
import { Module } from '@nestjs/common';
import { EnterprisesResolver } from './enterprises/enterprises.resolver.js';
import { EnterprisesService } from './enterprises/enterprises.service.js';
import { SmesResolver } from './smes/smes.resolver.js';
import { SmesService } from './smes/smes.service.js';
import { TechnicalFieldsModule } from '../technical-fields/index.js';
import { MailModule } from '../mail/index.js';
import { InvitationMailService } from './invitation-mail.service.js';
import { OrganizationsResolver } from './organizations.resolver.js';
import { OrganizationsService } from './organizations.service.js';
import { OrganizationProfiles } from './organization-profiles.js';

/**
 * Organisations: the shared profile, membership and verification (this folder), and the two kinds,
 * enterprises (./enterprises) and SMEs (./smes, with the one eligibility rule). One Nest module because
 * `myOrganization` needs both kinds and both kinds build on the shared profile (OrganizationProfiles).
 */
@Module({
  imports: [TechnicalFieldsModule, MailModule],
  providers: [
    OrganizationsService,
    InvitationMailService,
    OrganizationProfiles,
    OrganizationsResolver,
    EnterprisesService,
    EnterprisesResolver,
    SmesService,
    SmesResolver,
    OrganizationNotificationSubject,
  ],
  exports: [OrganizationsService, EnterprisesService, SmesService],
})
export class OrganizationsModule {}
