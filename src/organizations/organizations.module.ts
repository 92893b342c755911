import { Module } from '@nestjs/common';
import { EnterprisesResolver } from '../enterprises/enterprises.resolver.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { SmesResolver } from '../smes/smes.resolver.js';
import { SmesService } from '../smes/smes.service.js';
import { TechnicalFieldsModule } from '../technical-fields/technical-fields.module.js';
import { OrganizationsResolver } from './organizations.resolver.js';
import { OrganizationsService } from './organizations.service.js';

/**
 * Organisations: the shared membership and verification (src/organizations), enterprises
 * (src/enterprises) and SMEs (src/smes). One Nest module because `myOrganization` needs both kinds
 * and both kinds need the shared service.
 */
@Module({
  imports: [TechnicalFieldsModule],
  providers: [OrganizationsService, OrganizationsResolver, EnterprisesService, EnterprisesResolver, SmesService, SmesResolver],
  exports: [OrganizationsService, EnterprisesService, SmesService],
})
export class OrganizationsModule {}
