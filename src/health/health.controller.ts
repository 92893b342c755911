import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Access, AccessRule } from '../common/auth/access.decorator.js';
import { DatabaseProbe, READINESS_TIMEOUT_MS } from './database-probe.js';
import { ReadinessState } from '../common/http/readiness-state.js';

@Controller('health')
@Access(AccessRule.PUBLIC)
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly probe: DatabaseProbe,
    private readonly state: ReadinessState,
  ) {}

  /** The process is up (no dependency is checked: restarting would not fix them). */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Ready to serve: the instance is not shutting down and the database answers on the check's own
   * connection (not the pool, which may be busy with requests) within 1.5 s. 503 while it does not;
   * recovers by itself.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () =>
        this.state.accepting
          ? this.indicators.check('instance').up()
          : this.indicators.check('instance').down({ message: 'shutting down' }),
      () =>
        this.indicators
          .check('database')
          .attempt(() => this.probe.ping())
          .withTimeout(READINESS_TIMEOUT_MS * 2),
    ]);
  }
}
