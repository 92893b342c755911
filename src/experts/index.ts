/** The experts module's public surface: other modules import from here only. */
export { ExpertsModule } from './experts.module.js';
export { ExpertProfileEntity } from './expert-profile.entity.js';
export { ExpertTechnicalFieldEntity } from './expert-technical-field.entity.js';
export { ExpertErrorReason } from './expert-errors.js';
