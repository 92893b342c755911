import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { defineJob, emptyPayload, JobsService } from '../jobs/index.js';
import { UnsubscribeKinds } from '../mail/index.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { DIGEST_MAIL_KIND, NotificationEmailChannel } from './notification-email.channel.js';
import {
  DEFAULT_CHANNEL,
  NOTIFICATION_KINDS,
  NotificationChannelSetting,
  NotificationKind,
} from './notification-kinds.js';
import { preferencesOf, upsertPreference } from './notifications.queries.js';

/**
 * Sends the pending notification e-mails: enqueued in the transaction that writes notifications with an e-mail
 * delivery (so it runs once they are committed, at least once, on whichever instance), and every minute as well
 * (deliveries a crash or an outage left pending). Each delivery is claimed FOR UPDATE SKIP LOCKED and marked in the
 * same transaction, so two runs never send the same one (NotificationDeliveryService).
 */
export const NOTIFICATION_DELIVERY_JOB = defineJob({
  name: 'notification-delivery',
  parse: emptyPayload,
  cron: '* * * * *',
  scheduledPayload: {},
});

/**
 * The daily digest (DIGEST deliveries: one mail per recipient with what accumulated), at 01:00 UTC (09:00 in China),
 * once for all instances.
 */
export const NOTIFICATION_DIGEST_JOB = defineJob({
  name: 'notification-digest',
  parse: emptyPayload,
  cron: '0 1 * * *',
  scheduledPayload: {},
});

/** Deliveries per transaction, and transactions per run (the rest waits for the next run). */
const BATCH = 50;
const MAX_BATCHES = 40;
/** Digest rows claimed per transaction. */
const DIGEST_BATCH = 500;

@Injectable()
export class NotificationDeliveryJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly delivery: NotificationDeliveryService,
    private readonly email: NotificationEmailChannel,
    private readonly unsubscribeKinds: UnsubscribeKinds,
  ) {}

  async onModuleInit(): Promise<void> {
    // A notification e-mail's one-click unsubscribe stops that kind's e-mails: its preference becomes IN_APP.
    this.unsubscribeKinds.register(NOTIFICATION_KINDS, (manager, userId, kind) =>
      upsertPreference(
        manager,
        userId,
        kind as NotificationKind,
        NotificationChannelSetting.IN_APP,
      ),
    );
    // The digest's unsubscribe moves every kind the user receives as a digest (chosen or by default) to IN_APP.
    this.unsubscribeKinds.register([DIGEST_MAIL_KIND], async (manager, userId) => {
      const chosen = new Map(
        (await preferencesOf(manager, userId)).map((p) => [p.kind, p.channel]),
      );
      for (const kind of NOTIFICATION_KINDS)
        if ((chosen.get(kind) ?? DEFAULT_CHANNEL[kind]) === NotificationChannelSetting.DIGEST)
          await upsertPreference(manager, userId, kind, NotificationChannelSetting.IN_APP);
    });
    await this.jobs.register(NOTIFICATION_DELIVERY_JOB, () => this.run());
    await this.jobs.register(NOTIFICATION_DIGEST_JOB, () => this.runDigests());
  }

  /** Asks for a delivery run once `manager`'s transaction commits. */
  wake(manager: EntityManager): Promise<string> {
    return this.jobs.enqueue(NOTIFICATION_DELIVERY_JOB, {}, { manager });
  }

  /** Sends the pending digests, batch after batch. */
  async runDigests(): Promise<void> {
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const outcome = await this.delivery.deliverDigests(
        (userId, items) => this.email.sendDigest(userId, items),
        DIGEST_BATCH,
      );
      if (outcome.sent + outcome.skipped + outcome.failed + outcome.retried < DIGEST_BATCH) return;
    }
  }

  async run(): Promise<void> {
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const outcome = await this.delivery.deliverPending(this.email, BATCH);
      if (outcome.sent + outcome.skipped + outcome.failed + outcome.retried < BATCH) return;
    }
  }
}
