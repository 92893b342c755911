/** The health module's public surface: other modules import from here only. */
export { HealthModule } from './health.module.js';
