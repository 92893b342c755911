import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode } from '../common/errors.js';
import { contentLanguage, requestLocale } from '../common/error-locale.js';
import { httpErrorBody } from '../common/http/error-body.js';
import { clientIpOf } from './rate-budget.decorator.js';
import { RateLimitService } from './rate-limit.service.js';

/**
 * The general budget per client address, on every request but the health checks (a load balancer's probes
 * come from a few addresses), before the body is read: 429 with `Retry-After` and the one error shape.
 */
export function installRateLimits(app: NestFastifyApplication): void {
  const limits = app.get(RateLimitService);
  if (!limits.enabled) return;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (req, reply) => {
      if (req.url.startsWith('/health')) return;
      const wait = await limits.consumeRequest(clientIpOf(req));
      if (wait === null) return;
      const locale = requestLocale(req);
      return reply
        .code(429)
        .header('retry-after', String(wait))
        .header('content-language', contentLanguage(locale))
        .send(
          httpErrorBody(
            ErrorCode.RATE_LIMITED,
            'REQUEST_LIMIT',
            'Too many requests from this address; try again later',
            req.id,
            { retryAfterSeconds: wait },
            locale,
          ),
        );
    });
}
