import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSub } from 'graphql-subscriptions';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import {
  eventsAfter,
  lastEventSeq,
  type LiveEventRow,
  type LiveNotificationRow,
  type NotificationCursor,
  notificationStart,
  notificationsAfter,
} from './live-events.queries.js';

/** What a live topic carries: trail events (`challenge:<id>`) or notifications (`user:<id>`). */
export type LivePayload = LiveEventRow | LiveNotificationRow;

/** The PostgreSQL channel instances wake each other on (the payload is empty: each reads the trail itself). */
export const LIVE_CHANNEL = 'mp_live';
/** Events read per statement. */
const BATCH = 500;

/**
 * Live events for subscriptions, on one instance or many with nothing but PostgreSQL. The audit trail is the
 * outbox: a change and its event commit together, and `seq` grows in commit order. While this instance has
 * subscribers it reads the events after the last it saw: at once when woken (a mutation answered here, or a
 * NOTIFY from another instance on LIVE_CHANNEL, sent after commit from outside any transaction), and every
 * LIVE_POLL_MS otherwise, so a lost wake-up only delays an event. Events are handed to this instance's
 * subscribers through an in-process PubSub by topic; each subscription applies the viewer's rules to every event.
 * Notifications are read the same way from their table, in (txid, id) order up to the oldest running transaction.
 */
@Injectable()
export class LiveEventsService implements OnModuleDestroy {
  private readonly logger = new Logger(LiveEventsService.name);
  private readonly pubsub = new PubSub<Record<string, LivePayload>>();
  private subscribers = 0;
  private lastSeq: string | null = null;
  private notificationCursor: NotificationCursor | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private again = false;
  private listener: pg.Client | null = null;
  private notifyPending = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The events of `topic` (live topics: `challenge:<id>` for the trail's events about a challenge, `user:<id>` for
   * the notifications written to a user) from now on, until `return()`. The first subscriber of
   * the instance starts the reading, the last one's return stops it.
   */
  async events<T extends LivePayload>(topic: string): Promise<AsyncIterableIterator<T>> {
    if (this.subscribers++ === 0) await this.start();
    const inner = this.pubsub.asyncIterableIterator<T>(topic);
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      if (--this.subscribers === 0) this.stop();
    };
    const it: AsyncIterableIterator<T> = {
      next: async () => {
        const r = await inner.next();
        if (r.done) close();
        return r;
      },
      return: async () => {
        close();
        return inner.return ? inner.return() : { done: true, value: undefined };
      },
      throw: async (error: unknown) => {
        close();
        return inner.throw ? inner.throw(error) : Promise.reject(error);
      },
      [Symbol.asyncIterator]: () => it,
    };
    return it;
  }

  /**
   * Something may have been written (a mutation was answered): read now here, and wake the other instances
   * (one NOTIFY at a time, outside any transaction: a NOTIFY in the writing transaction serialises commits).
   */
  wake(): void {
    if (this.subscribers > 0) this.read();
    if (this.notifyPending || this.stopped) return;
    this.notifyPending = true;
    setImmediate(() => {
      this.dataSource
        .query(`SELECT pg_notify($1, '')`, [LIVE_CHANNEL])
        .catch((error: unknown) => this.logger.debug(`live wake-up not sent: ${String(error)}`))
        .finally(() => (this.notifyPending = false));
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.stop();
    await this.reading?.catch(() => undefined);
  }

  private async start(): Promise<void> {
    this.lastSeq ??= await lastEventSeq(this.dataSource);
    this.notificationCursor ??= await notificationStart(this.dataSource);
    this.timer = setInterval(() => this.read(), this.config.live.pollMs);
    this.timer.unref();
    void this.listen();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const listener = this.listener;
    this.listener = null;
    // Started afresh, a reader begins at the end of the trail (nobody was listening meanwhile).
    this.lastSeq = null;
    this.notificationCursor = null;
    void listener?.end().catch(() => undefined);
  }

  /** LISTEN on a connection of its own (wake-ups only: polling alone stays correct if it fails). */
  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url || this.listener) return;
    const client = new pg.Client({ connectionString: url, application_name: 'live-listener' });
    client.on('error', () => {
      if (this.listener === client) this.listener = null;
    });
    client.on('notification', () => this.read());
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      if (this.timer) this.listener = client;
      else await client.end();
    } catch (error) {
      this.logger.debug(`live listener not connected: ${String(error)}`);
      await client.end().catch(() => undefined);
    }
  }

  /** Reads what is new, once at a time (a wake-up during a read reads again after it). */
  private read(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readAll()
      .catch((error: unknown) => this.logger.warn(`live events not read: ${String(error)}`))
      .finally(() => {
        this.reading = null;
        if (this.again && this.timer) {
          this.again = false;
          this.read();
        }
      });
  }

  private async readAll(): Promise<void> {
    await this.readEvents();
    await this.readNotifications();
  }

  private async readEvents(): Promise<void> {
    for (;;) {
      const after = this.lastSeq;
      if (after === null) return;
      const rows = await eventsAfter(this.dataSource, after, BATCH);
      if (this.lastSeq !== after) return;
      for (const row of rows) {
        this.lastSeq = row.seq;
        if (row.challengeId) await this.pubsub.publish(`challenge:${row.challengeId}`, row);
      }
      if (rows.length < BATCH) return;
    }
  }

  private async readNotifications(): Promise<void> {
    for (;;) {
      const after = this.notificationCursor;
      if (after === null) return;
      const rows = await notificationsAfter(this.dataSource, after, BATCH);
      if (this.notificationCursor !== after) return;
      for (const row of rows) {
        this.notificationCursor = row.cursor;
        await this.pubsub.publish(`user:${row.recipientId}`, row);
      }
      if (rows.length < BATCH) return;
    }
  }
}
