import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { contentLanguage, requestLocale } from '../error-locale.js';
import { httpErrorAnswer } from '../http/http-error.js';

interface HttpRequestLike {
  id?: string;
  url?: string;
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * GraphQL errors go back to Apollo untouched: formatError masks the unexpected ones and the request
 * plugin logs them once, with the request id. (Nest's default handler would log every expected
 * refusal as an error.) Errors of the HTTP layer (Fastify's body parsing, unknown routes, through Nest's
 * error and not-found handlers) are answered in the GraphQL error shape with the request id
 * (httpErrorAnswer); the health endpoints keep their own shape (Terminus's report).
 */
@Catch()
export class AllExceptionsFilter extends BaseExceptionFilter {
  private readonly log = new Logger('HTTP');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const http = host.switchToHttp();
    const req = http.getRequest<HttpRequestLike>();
    if (req?.url?.startsWith('/health/')) return super.catch(exception, host);
    const adapter = this.httpAdapterHost?.httpAdapter ?? this.applicationRef;
    if (!adapter) return super.catch(exception, host);
    const locale = requestLocale(req);
    const answer = httpErrorAnswer(exception, req?.id, locale);
    if (answer.unexpected) {
      const error = exception as Error;
      this.log.error({
        msg: 'unexpected error',
        requestId: req?.id,
        err: { message: error?.message, stack: error?.stack },
      });
    }
    const res = http.getResponse<{ header?: (name: string, value: string) => unknown }>();
    res.header?.('content-language', contentLanguage(locale));
    adapter.reply(res, answer.body, answer.status);
    return undefined;
  }
}
