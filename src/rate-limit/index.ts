/** The rate-limit module's public surface: other modules import from here only. */
export { RateLimitModule } from './rate-limit.module.js';
export { RateLimitService } from './rate-limit.service.js';
export { ClientIp, RateBudget } from './rate-budget.decorator.js';
export { installRateLimits } from './rate-limit.hook.js';
export { RateLimitErrorReason } from './rate-limit-errors.js';
