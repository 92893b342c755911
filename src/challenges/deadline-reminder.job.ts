import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { challengesClosingWithin } from './challenges.queries.js';
import { defineJob, emptyPayload, JobsService } from '../jobs/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';

/**
 * Deadline reminders: every five minutes (once for all instances), each PUBLISHED challenge whose deadline is less
 * than 72 hours away is announced to the organisations taking part in it (a draft or a submitted proposal, or its
 * terms accepted: the audience groups of an amendment, without the followers), once; and again once it is less than
 * 24 hours away. A challenge published or found inside 24 hours gets only the 24-hour reminder.
 */
export const DEADLINE_REMINDER_JOB = defineJob({
  name: 'deadline-reminders',
  parse: emptyPayload,
  cron: '*/5 * * * *',
  scheduledPayload: {},
});

/** The reminders, the earlier first: hours before the deadline. */
export const REMINDER_HOURS: readonly number[] = [72, 24];

/** Challenges looked at per window and run (the rest waits for the next run). */
const BATCH = 1000;

@Injectable()
export class DeadlineReminderJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register(DEADLINE_REMINDER_JOB, async () => {
      await this.run();
    });
  }

  /** One pass; idempotent. How many notifications were written. */
  async run(): Promise<number> {
    let written = 0;
    for (const [i, hours] of REMINDER_HOURS.entries()) {
      const after = REMINDER_HOURS[i + 1] ?? 0;
      const due = await challengesClosingWithin(this.dataSource, after, hours, BATCH);
      for (const id of due) written += await this.remind(id, hours);
    }
    return written;
  }

  private remind(challengeId: string, hours: number): Promise<number> {
    const about = { CHALLENGE: challengeId };
    return this.dataSource.transaction((manager) =>
      this.notifications.notifyOnce(
        manager,
        {
          kind: NotificationKind.DEADLINE_REMINDER,
          to: {
            groups: [
              { group: 'CHALLENGE_PROPOSERS', id: challengeId },
              { group: 'CHALLENGE_TERMS_ACCEPTED', id: challengeId },
            ],
          },
          about,
          params: { hours },
        },
        { about, params: { hours } },
      ),
    );
  }
}
