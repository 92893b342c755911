import type { ApolloServerPlugin } from '@apollo/server';
import type { LiveEventsService } from './live-events.service.js';

/** After a mutation is answered (its transaction committed), live readers look for new events at once. */
export function wakeAfterMutationsPlugin(events: LiveEventsService): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ operation }) => {
          if (operation?.operation === 'mutation') events.wake();
          return Promise.resolve();
        },
      }),
  };
}
