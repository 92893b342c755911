/** The alliance module's public surface: other modules import from here only. */
export { AllianceModule } from './alliance.module.js';
export { AllianceMembershipEntity } from './alliance-membership.entity.js';
export { AllianceErrorReason } from './alliance-errors.js';
