import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReasonWithCode } from '../error-catalogue.js';
import type { ServerResponse } from 'node:http';
import { contentLanguage, requestLocale } from '../error-locale.js';
import { ErrorCode } from '../errors.js';
import { httpErrorBody } from './error-body.js';

/** What a refused client is told to wait (seconds). */
export const OVERLOAD_RETRY_AFTER_SECONDS = 1;

/** Health checks are never refused: an overloaded or stopping instance must still say how it is. */
function exempt(url: string): boolean {
  return url.startsWith('/health/');
}

export interface Admission {
  /** Requests in flight now (health checks aside). */
  inFlight(): number;
  /**
   * The instance is stopping: from now on every response closes its connection (so no client sends another
   * request on a connection about to be closed) and new requests are answered 503 SHUTTING_DOWN at once.
   */
  startDraining(): void;
}

const admissions = new WeakMap<object, Admission>();

/** The admission control installed on this Fastify instance. */
export function admissionOf(fastify: FastifyInstance): Admission | undefined {
  return admissions.get(fastify);
}

/**
 * Admission control, the first hook of every request:
 * - load shedding: at most `maxInFlight` requests (health checks aside) are in flight in this instance; one
 *   more is answered at once with 503 SERVICE_UNAVAILABLE (reason OVERLOADED) and `Retry-After`, before its
 *   body is read, rather than queued for a database connection behind all the others (where every request
 *   gets slow and none is refused). A request counts from its arrival until its response is finished or its
 *   connection closes.
 * - draining on shutdown (see Admission.startDraining).
 */
export function installAdmission(fastify: FastifyInstance, maxInFlight: number): Admission {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const refuse = (
    reply: FastifyReply,
    reason: ReasonWithCode<'SERVICE_UNAVAILABLE'>,
    message: string,
    req: FastifyRequest,
  ) => {
    const locale = requestLocale(req);
    reply
      .code(503)
      .header('retry-after', String(OVERLOAD_RETRY_AFTER_SECONDS))
      .header('content-language', contentLanguage(locale))
      .send(
        httpErrorBody(
          ErrorCode.SERVICE_UNAVAILABLE,
          reason,
          message,
          req.id,
          { retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS },
          locale,
        ),
      );
  };
  fastify.addHook('onRequest', (req, reply, done) => {
    if (exempt(req.url)) {
      if (draining) reply.header('connection', 'close');
      return done();
    }
    if (draining) {
      reply.header('connection', 'close');
      return refuse(reply, 'SHUTTING_DOWN', 'The service is shutting down; try again shortly', req);
    }
    if (inFlight.size >= maxInFlight)
      return refuse(reply, 'OVERLOADED', 'The service is overloaded; try again shortly', req);
    const res = reply.raw;
    inFlight.add(res);
    // 'close' comes once for every response: after it was sent, or when the client went away first.
    res.once('close', () => inFlight.delete(res));
    done();
  });
  const admission: Admission = {
    inFlight: () => inFlight.size,
    startDraining() {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    },
  };
  admissions.set(fastify, admission);
  return admission;
}
