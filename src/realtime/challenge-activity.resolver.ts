import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import { type ChallengeNode, ChallengeQueryService, viewerOf } from '../challenges/index.js';
import { Access, AccessRule } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { NotFoundError } from '../common/errors.js';
import {
  ChallengeActivity,
  ChallengeActivityArgs,
  activityKindOf,
} from './challenge-activity.types.js';
import { keepMapped } from './keep-mapped.js';
import type { LiveEventRow } from './live-events.queries.js';
import { LiveEventsService } from './live-events.service.js';
import type { LiveSocket } from './live-sockets.service.js';

interface Ctx {
  req: { user?: Actor };
  live?: LiveSocket;
}

/** Live updates of one challenge, for those who may see it (the visibility rule applied to every event). */
@Resolver()
export class ChallengeActivityResolver {
  constructor(
    private readonly live: LiveEventsService,
    private readonly challenges: ChallengeQueryService,
  ) {}

  @Subscription(() => ChallengeActivity, {
    description:
      'What happens to a challenge from now on: status changes, amendments, answers, announcements. Over ' +
      'graphql-ws on /graphql, with the access token in connection_init. Each event is sent only if the ' +
      'subscriber may see the challenge when it happens, with the challenge as the subscriber may see it then. ' +
      'A challenge the subscriber may not see: NOT_FOUND.',
    resolve: (payload: ChallengeActivity) => payload,
  })
  @Access(AccessRule.AUTHENTICATED)
  async challengeActivity(
    @Args() args: ChallengeActivityArgs,
    @Context() ctx: Ctx,
  ): Promise<AsyncIterableIterator<ChallengeActivity>> {
    // The socket's actor is checked again while it is open (LiveSocketsService); the guard's at subscribe time.
    const viewer = () => ctx.live?.actor ?? ctx.req.user ?? null;
    const [visible] = await this.challenges.summaries(viewer(), [args.challengeId]);
    if (!visible) throw new NotFoundError('Challenge');
    const events = await this.live.events<LiveEventRow>(`challenge:${args.challengeId}`);
    return keepMapped(events, async (row) => {
      const kind = activityKindOf(row);
      if (!kind) return null;
      const challenge = await this.seenBy(row, viewer(), args.challengeId);
      return challenge ? { kind, challenge } : null;
    });
  }

  /**
   * The challenge as `actor` may see it when `row` happened. What a viewer sees depends only on its viewer
   * facts (viewerOf): the subscribers of one instance with the same facts share one read per event.
   */
  private seenBy(
    row: LiveEventRow,
    actor: Actor | null,
    challengeId: string,
  ): Promise<ChallengeNode | undefined> {
    let reads = readsOfEvent.get(row);
    if (!reads) readsOfEvent.set(row, (reads = new Map()));
    const key = JSON.stringify(viewerOf(actor));
    let read = reads.get(key);
    if (!read) {
      // A read that fails (the database) skips the event for these subscribers; the subscription goes on.
      read = this.challenges
        .summaries(actor, [challengeId])
        .then(([c]) => c)
        .catch(() => undefined);
      reads.set(key, read);
    }
    return read;
  }
}

/** The reads made for each event (by viewer facts), while the event is being delivered. */
const readsOfEvent = new WeakMap<LiveEventRow, Map<string, Promise<ChallengeNode | undefined>>>();
