import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { Access, AccessRule } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { requestLocale } from '../common/error-locale.js';
import { NotificationsService, NotificationType } from '../notifications/index.js';
import type { LiveNotificationRow } from './live-events.queries.js';
import { LiveEventsService } from './live-events.service.js';
import type { LiveSocket } from './live-sockets.service.js';
import { keepMapped } from './keep-mapped.js';

interface Ctx {
  req: { user?: Actor; headers: Record<string, string | string[] | undefined> };
  live?: LiveSocket;
}

/** The subscriber's own notifications as they are written (the inbox's rules applied to each). */
@Resolver()
export class NotificationAddedResolver {
  constructor(
    private readonly live: LiveEventsService,
    private readonly notifications: NotificationsService,
  ) {}

  @Subscription(() => NotificationType, {
    description:
      'Your notifications as they are written, each in your language and only while you may see what it is ' +
      'about (the same rule as `notifications`). Over graphql-ws on /graphql, with the access token in ' +
      'connection_init.',
    resolve: (payload: NotificationType) => payload,
  })
  @Access(AccessRule.AUTHENTICATED)
  async notificationAdded(@Context() ctx: Ctx): Promise<AsyncIterableIterator<NotificationType>> {
    const reader = () => ctx.live?.actor ?? ctx.req.user!;
    const rows = await this.live.events<LiveNotificationRow>(`user:${reader().userId}`);
    return keepMapped(rows, async (row) => {
      const actor = reader();
      const shown = await this.notifications
        .one(actor, row.cursor.id, requestLocale({ ...ctx.req, user: actor }))
        .catch(() => undefined);
      return shown ?? null;
    });
  }
}
