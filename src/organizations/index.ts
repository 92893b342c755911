/**
 * The organizations module's public surface (organisations, enterprises, SMEs): other modules import
 * from here only.
 */
export { OrganizationsModule } from './organizations.module.js';
export { OrganizationEntity, OrganizationKind, VerificationStatus } from './organization.entity.js';
export { OrganizationMemberEntity } from './organization-member.entity.js';
export { OrganizationInvitationEntity } from './organization-invitation.entity.js';
export { EnterpriseEntity } from './enterprises/enterprise.entity.js';
export { EnterpriseType } from './enterprises/dto/enterprise.types.js';
export { SmeEntity, SmeQualification } from './smes/sme.entity.js';
export { SmeType } from './smes/dto/sme.types.js';
export { SmesService } from './smes/smes.service.js';
export { SmeTechnicalFieldEntity } from './smes/sme-technical-field.entity.js';
/** The one eligibility rule: may this SME answer this challenge (smes/eligibility.ts). */
export {
  ELIGIBILITY_REASONS,
  eligibilityProblemsSql,
  regionAllowedSql,
} from './smes/eligibility.js';
export { effectiveQualificationSql, QUALIFICATION_ORDER } from './smes/qualification.js';
export { verifiedSql } from './organization-sql.js';
export { EligibilityReason } from './smes/eligibility.js';
export { OrganizationErrorReason } from './organization-errors.js';
/** Province names (GB/T 2260), for messages that name a region. */
export { PROVINCES } from './regions.js';
