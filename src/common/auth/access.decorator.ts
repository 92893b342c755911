import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from './actor.js';

/**
 * Who may call an operation. Every query, mutation, subscription and HTTP route states one;
 * the global AccessGuard refuses whatever states none (deny by default).
 * Finer rules (ownership, organisation role) are checked by the services against the actor.
 */
export enum AccessRule {
  /** Anyone, signed in or not. */
  PUBLIC = 'PUBLIC',
  /** Any signed-in, active user. */
  AUTHENTICATED = 'AUTHENTICATED',
  /** Platform administrators only. */
  ADMIN = 'ADMIN',
  /** Experts of the platform's pool (and administrators). */
  EXPERT = 'EXPERT',
}

export const ACCESS_RULE = 'access:rule';

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_RULE, rule);

/** The acting user, or null on a public operation called anonymously. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor | null => {
    const req =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: { user?: Actor } }>().req
        : context.switchToHttp().getRequest<{ user?: Actor }>();
    return req.user ?? null;
  },
);
