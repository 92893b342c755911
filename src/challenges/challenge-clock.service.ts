import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ChallengeLifecycleService } from './challenge-lifecycle.service.js';
import { ChallengeQueryService } from './challenge-query.service.js';
import type { ChallengeNode } from './challenge.mapper.js';
import {
  endPublicityNow,
  lockChallengeClock,
  moveDeadlineToNow,
} from './challenge-clock.queries.js';
import { ChallengeClockTarget } from './dto/challenge.inputs.js';

/**
 * Development only: moves one challenge's clock forward so that what time alone does (the deadline closing
 * it, the publicity period ending so the award is due) can be reached without waiting or editing the database.
 * Refused in production (FORBIDDEN DEV_ONLY) before anything is read. Only the time column moves; the status
 * follows as it does with the real clock (the deadline close is persisted at once, as the system, through the
 * lifecycle; the award is read at once and persisted by the next evaluation write or the challenge-clock job).
 * Every call is audited.
 */
@Injectable()
export class ChallengeClockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly lifecycle: ChallengeLifecycleService,
    private readonly query: ChallengeQueryService,
  ) {}

  async advance(
    actor: Actor,
    challengeId: string,
    to: ChallengeClockTarget,
  ): Promise<ChallengeNode> {
    if (this.config.env === 'production')
      throw new ForbiddenError('DEV_ONLY', 'Moving a challenge clock is for development only');
    await this.dataSource.transaction(async (manager) => {
      const clock = await lockChallengeClock(manager, challengeId);
      if (!clock) throw new NotFoundError('Challenge');
      const refuse = (why: string) =>
        new ConflictError('CLOCK_NOT_APPLICABLE', why, { challengeStatus: clock.status, to });
      let data: Record<string, unknown>;
      if (to === ChallengeClockTarget.DEADLINE_PASSED) {
        if (clock.status !== 'PUBLISHED' || !clock.open)
          throw refuse(
            'Only a published challenge before its deadline can have its deadline passed',
          );
        const deadline = await moveDeadlineToNow(manager, challengeId);
        data = {
          to,
          previousDeadline: clock.deadline.toISOString(),
          deadline: deadline.toISOString(),
        };
      } else {
        if (clock.status !== 'IN_PUBLICITY' || !clock.publicityEndsAt)
          throw refuse('Only a challenge whose publicity period is running can have it ended');
        const endsAt = await endPublicityNow(manager, challengeId);
        data = {
          to,
          previousPublicityEndsAt: clock.publicityEndsAt.toISOString(),
          publicityEndsAt: endsAt.toISOString(),
        };
      }
      await this.audit.record(manager, {
        actor,
        action: 'CHALLENGE_CLOCK_ADVANCED',
        entityType: 'Challenge',
        entityId: challengeId,
        organizationId: clock.issuerOrganizationId,
        data,
      });
      // The deadline close is persisted now, as the real clock would (audited as done by the system).
      if (to === ChallengeClockTarget.DEADLINE_PASSED)
        await this.lifecycle.closeIfDue(manager, challengeId);
    });
    return this.query.get(actor, challengeId);
  }
}
