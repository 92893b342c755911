import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { sha256 } from '../common/crypto.js';
import type { BudgetName } from '../config/rate-limit.config.js';

export const RATE_BUDGET = 'rateBudget';

/**
 * The operation spends one unit of a stricter budget (rate-limit.config.ts) on each call, checked in the
 * shared store after the access rule: `@RateBudget('uploads')` on an upload mutation is all it takes.
 */
export const RateBudget = (name: BudgetName) => SetMetadata(RATE_BUDGET, name);

interface IpRequest {
  ip?: string;
  socket?: { remoteAddress?: string };
}

/** The request of a GraphQL resolver or an HTTP controller. */
export function requestOf<T>(context: ExecutionContext): T | undefined {
  if (context.getType<string>() === 'graphql')
    return GqlExecutionContext.create(context).getContext<{ req?: T }>().req;
  if (context.getType() === 'http') return context.switchToHttp().getRequest<T>();
  return undefined;
}

/**
 * The client's address (Fastify's `request.ip`: the socket address, or X-Forwarded-For under TRUST_PROXY).
 * Anything longer than an IPv6 address (a forwarded header is free text) is kept as a hash of it.
 */
export function clientIpOf(req: IpRequest | undefined): string {
  const ip = req?.ip ?? req?.socket?.remoteAddress ?? 'unknown';
  return ip.length <= 45 ? ip : `h:${sha256(ip).slice(0, 32)}`;
}

/** Resolver parameter: the client's address. */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  clientIpOf(requestOf<IpRequest>(context)),
);
