import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { defineJob, emptyPayload, JobsService } from '../../jobs/index.js';
import { NotificationKind, NotificationsService } from '../../notifications/index.js';
import { IntroductionDirection } from './introduction-transitions.js';
import { introductionsExpiringWithin } from './introduction.queries.js';

/**
 * Expiring introductions: every ten minutes (once for all instances), the side that was asked for an introduction
 * still REQUESTED that expires within EXPIRING_WITHIN_HOURS is told, once per introduction.
 */
export const INTRODUCTION_EXPIRING_JOB = defineJob({
  name: 'introduction-expiring',
  parse: emptyPayload,
  cron: '*/10 * * * *',
  scheduledPayload: {},
});

export const EXPIRING_WITHIN_HOURS = 48;
const BATCH = 1000;

@Injectable()
export class IntroductionExpiringJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(INTRODUCTION_EXPIRING_JOB, async () => {
      await this.run();
    });
  }

  /** One pass; idempotent. How many notifications were written. */
  async run(): Promise<number> {
    const due = await introductionsExpiringWithin(this.dataSource, EXPIRING_WITHIN_HOURS, BATCH);
    let written = 0;
    for (const d of due) {
      const marker = { INTRODUCTION: d.id };
      written += await this.dataSource.transaction((manager) =>
        this.notifications.notifyOnce(
          manager,
          {
            kind: NotificationKind.INTRODUCTION_EXPIRING,
            to: { organizationIds: [d.askedOrganizationId] },
            // As when it was requested: an invitation is about the introduction alone (the issuer stays unnamed).
            about:
              d.direction === IntroductionDirection.INVITE
                ? marker
                : { CHALLENGE: d.challengeId, INTRODUCTION: d.id },
          },
          { about: marker },
        ),
      );
    }
    return written;
  }
}
