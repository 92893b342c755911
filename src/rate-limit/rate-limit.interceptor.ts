import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import type { Actor } from '../common/auth/actor.js';
import { RATE_BUDGET, clientIpOf, requestOf } from './rate-budget.decorator.js';
import type { BudgetName } from '../config/rate-limit.config.js';
import { RateLimitService } from './rate-limit.service.js';

interface LimitedRequest {
  ip?: string;
  user?: Actor;
  /** The signed-in user's general budget is spent once per request, however many root fields it has. */
  userBudget?: Promise<void>;
}

/**
 * After the access guard (so the user is known): the signed-in user's general budget, once per request,
 * and the operation's budget when it names one with @RateBudget.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (!this.limits.enabled) return next.handle();
    const req = requestOf<LimitedRequest>(context);
    if (!req) return next.handle();
    const userId = req.user?.userId;
    if (userId) {
      req.userBudget ??= this.limits.consumeUser(userId);
      await req.userBudget;
    }
    const budget = this.reflector.get<BudgetName | undefined>(RATE_BUDGET, context.getHandler());
    if (budget) {
      const per = this.limits.budgetPer(budget);
      await this.limits.consumeBudget(
        budget,
        per === 'user' && userId ? `u:${userId}` : `ip:${clientIpOf(req)}`,
      );
    }
    return next.handle();
  }
}
