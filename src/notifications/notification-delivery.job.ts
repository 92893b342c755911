import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { defineJob, emptyPayload, JobsService } from '../jobs/index.js';
import { UnsubscribeKinds } from '../mail/index.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { NotificationEmailChannel } from './notification-email.channel.js';
import {
  NOTIFICATION_KINDS,
  NotificationChannelSetting,
  NotificationKind,
} from './notification-kinds.js';
import { upsertPreference } from './notifications.queries.js';

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

/** Deliveries per transaction, and transactions per run (the rest waits for the next run). */
const BATCH = 50;
const MAX_BATCHES = 40;

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
    await this.jobs.register(NOTIFICATION_DELIVERY_JOB, () => this.run());
  }

  /** Asks for a delivery run once `manager`'s transaction commits. */
  wake(manager: EntityManager): Promise<string> {
    return this.jobs.enqueue(NOTIFICATION_DELIVERY_JOB, {}, { manager });
  }

  async run(): Promise<void> {
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const outcome = await this.delivery.deliverPending(this.email, BATCH);
      if (outcome.sent + outcome.skipped + outcome.failed + outcome.retried < BATCH) return;
    }
  }
}
