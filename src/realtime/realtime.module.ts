import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { ChallengesModule } from '../challenges/index.js';
import { ChallengeActivityResolver } from './challenge-activity.resolver.js';
import { LiveEventsService } from './live-events.service.js';
import { LiveSocketsService } from './live-sockets.service.js';
import { NotificationAddedResolver } from './notification-added.resolver.js';

/** Live updates: GraphQL subscriptions over graphql-ws, fed from the audit trail (see LiveEventsService). */
@Module({
  imports: [AuthModule, ChallengesModule],
  providers: [
    LiveEventsService,
    LiveSocketsService,
    ChallengeActivityResolver,
    NotificationAddedResolver,
  ],
  exports: [LiveEventsService, LiveSocketsService],
})
export class RealtimeModule {}
