import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';

/**
 * GraphQL errors go back to Apollo untouched: formatError masks the unexpected ones and the request
 * plugin logs them once, with the request id. (Nest's default handler would log every expected
 * refusal as an error.) HTTP routes keep Nest's default handling.
 */
@Catch()
export class AllExceptionsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
