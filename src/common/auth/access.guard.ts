import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { databaseUnavailableError, isDatabaseUnavailable } from '../../database/db-unavailable.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import { ACCESS_RULE, AccessRule } from './access.decorator.js';
import { Actor, isAdmin, isExpert } from './actor.js';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: Actor;
  /** Set once the bearer token of this request has been checked, so several root fields check it once. */
  authChecked?: 'ok' | 'failed';
  authError?: unknown;
}

/**
 * The global guard: deny by default. An operation without an @Access rule is refused; a protected
 * one needs a valid bearer token whose session and user are still active (checked against the
 * database on every request, so suspending a user or ending a session takes effect at once).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext): AuthRequest {
    return context.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<{ req: AuthRequest }>().req
      : context.switchToHttp().getRequest<AuthRequest>();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} states no access rule; refused`,
      );
      throw new ForbiddenError('NO_ACCESS_RULE');
    }
    const req = this.getRequest(context);
    const hasToken =
      typeof req.headers.authorization === 'string' && req.headers.authorization.length > 0;
    if (rule === AccessRule.PUBLIC) {
      // A stale token does not stop a public operation; it is served as to an anonymous caller. A session
      // check that could not be made (the database failed) is not a stale token: that is refused.
      if (hasToken) {
        await this.authenticate(context, req).catch((error: unknown) => {
          if (!(error instanceof UnauthenticatedError)) throw error;
        });
      }
      return true;
    }
    if (!hasToken) throw new UnauthenticatedError();
    await this.authenticate(context, req);
    const actor = req.user as Actor;
    if (rule === AccessRule.ADMIN && !isAdmin(actor)) {
      throw new ForbiddenError('ADMIN_ONLY', 'Only platform administrators may do this');
    }
    if (rule === AccessRule.EXPERT && !isExpert(actor) && !isAdmin(actor)) {
      throw new ForbiddenError('EXPERT_ONLY', 'Only platform experts may do this');
    }
    return true;
  }

  private async authenticate(context: ExecutionContext, req: AuthRequest): Promise<void> {
    if (req.authChecked === 'ok') return;
    if (req.authChecked === 'failed') throw req.authError;
    try {
      await super.canActivate(context);
      req.authChecked = 'ok';
    } catch (error) {
      req.user = undefined;
      req.authChecked = 'failed';
      req.authError = error;
      throw error;
    }
  }

  override handleRequest<T = Actor>(error: unknown, user: T | false, info: unknown): T {
    if (error instanceof UnauthenticatedError) throw error;
    if (error) {
      // Only a failed authentication is an authentication error. A session check that failed for another
      // reason says nothing about the session: telling the client it ended would sign its user out.
      if (isDatabaseUnavailable(error)) {
        this.logger.warn({
          msg: 'session check failed: database unavailable',
          err: { message: (error as Error)?.message },
        });
        throw databaseUnavailableError();
      }
      this.logger.error({
        msg: 'session check failed',
        err: { message: (error as Error)?.message, stack: (error as Error)?.stack },
      });
      throw error;
    }
    if (!user) {
      const name = (info as { name?: string } | undefined)?.name;
      if (name === 'TokenExpiredError')
        throw new UnauthenticatedError('TOKEN_EXPIRED', 'The access token has expired');
      if (info) throw new UnauthenticatedError('INVALID_TOKEN', 'The access token is not valid');
      throw new UnauthenticatedError('SESSION_ENDED', 'The session has ended; sign in again');
    }
    return user;
  }
}
