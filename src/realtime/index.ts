/** The realtime module's public surface: other modules import from here only. */
export { RealtimeModule } from './realtime.module.js';
export { LiveEventsService } from './live-events.service.js';
export { LiveSocketsService } from './live-sockets.service.js';
export { wakeAfterMutationsPlugin } from './wake.plugin.js';
export { LiveErrorReason } from './live-errors.js';
