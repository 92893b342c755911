import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { ReadinessState } from './readiness-state.js';
import { admissionOf } from './load-shedding.js';

export interface ShutdownOptions {
  /** How long requests on open connections are still answered before the listener closes. */
  drainMs: number;
  logger: {
    info(obj: object, msg?: string): void;
    error(obj: object | string, msg?: string): void;
  };
}

/**
 * Stops the service without resetting a request it could have answered:
 * 1. readiness answers 503 at once (the load balancer stops sending), every response from now on closes its
 *    connection, and new requests get 503 SHUTTING_DOWN with `Connection: close`;
 * 2. for `drainMs` the listener stays open, so the connections a client opened meanwhile (waiting in the
 *    listen backlog under load) are answered rather than reset when it closes;
 * 3. then the listener closes and the requests in flight finish (Nest's close: Fastify, then the database
 *    pool); idle keep-alive connections are closed as soon as they are idle.
 * The caller bounds the whole with SHUTDOWN_TIMEOUT_MS.
 */
export async function shutdownGracefully(
  app: NestFastifyApplication,
  options: ShutdownOptions,
): Promise<void> {
  app.get(ReadinessState, { strict: false }).accepting = false;
  admissionOf(app.getHttpAdapter().getInstance())?.startDraining();
  if (options.drainMs > 0) {
    options.logger.info({ drainMs: options.drainMs }, 'shutting down: draining');
    await sleep(options.drainMs);
  }
  options.logger.info({}, 'shutting down: finishing requests in flight');
  // Keep-alive connections that finish a request after the close began would hold the server open
  // until their idle timeout: close each as soon as it is idle.
  const http = app.getHttpServer();
  const reaper = setInterval(() => http.closeIdleConnections(), 50);
  try {
    // Stops accepting connections, waits for requests in flight, then closes the database pool.
    await app.close();
  } finally {
    clearInterval(reaper);
  }
}
