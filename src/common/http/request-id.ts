import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A client's X-Request-Id is kept as a correlation value only when it is sane. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's own request id (its `x-request-id` header), when sane; never the server's id. */
export function clientRequestId(req: IncomingMessage): string | undefined {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : undefined;
}

/**
 * The server generates every request id: the one it logs, stores in the audit trail (`Actor.requestId`) and
 * returns in `x-request-id` and `extensions.requestId`. A client's `x-request-id` is only a labelled correlation
 * value: logged as `clientRequestId` with each line of the request, and echoed in `x-correlation-id`.
 */
export function requestIdOptions(): Pick<
  FastifyServerOptions,
  'requestIdHeader' | 'genReqId' | 'childLoggerFactory'
> {
  return {
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    childLoggerFactory(logger, bindings, options, rawReq) {
      const client = clientRequestId(rawReq as IncomingMessage);
      return logger.child(client ? { ...bindings, clientRequestId: client } : bindings, options);
    },
  };
}

/**
 * Sends the request id with every response (`x-request-id`, and the client's own as `x-correlation-id`), and
 * puts it in every error of an error response that lacks it (Apollo's refusals made before its request pipeline
 * starts, such as the CSRF check, never reach the plugin that adds it).
 */
export function installRequestIdHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    const client = clientRequestId(req.raw);
    if (client) reply.header('x-correlation-id', client);
    if (
      reply.statusCode < 400 ||
      typeof payload !== 'string' ||
      payload.includes('"requestId"') ||
      !payload.startsWith('{"errors":')
    )
      return payload;
    try {
      const body = JSON.parse(payload) as { errors?: { extensions?: Record<string, unknown> }[] };
      if (!Array.isArray(body.errors)) return payload;
      body.errors = body.errors.map((e) => ({
        ...e,
        extensions: { ...e.extensions, requestId: req.id },
      }));
      return JSON.stringify(body);
    } catch {
      return payload;
    }
  });
}
