import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
} from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { sha256 } from '../common/crypto.js';
import type { ReasonWithCode } from '../common/error-catalogue.js';
import { RateLimitedError } from '../common/errors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import {
  BUDGET_NAMES,
  type BudgetName,
  type RateLimitConfig,
} from '../config/rate-limit.config.js';

/** The table of the shared counters in PostgreSQL (created by migration RateLimits1795900100000). */
export const RATE_LIMIT_TABLE = 'rate_limits';
/** A store that does not answer within this bound counts as failed (the in-memory insurance answers). */
const STORE_TIMEOUT_MS = 1500;
/** At most one "store failed" log line per this many milliseconds. */
const LOG_EVERY_MS = 10_000;

/** Seconds a client is told to wait: `Retry-After` (at least 1). */
/** The reason of a spent operation budget: `LOGIN_LIMIT`, `INVITATIONS_LIMIT`, ... (each catalogued). */
function budgetReason<N extends BudgetName>(name: N): `${Uppercase<N>}_LIMIT` {
  return `${name.toUpperCase() as Uppercase<N>}_LIMIT`;
}

export function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * The in-memory stand-in the library uses when the shared store fails (rate-limiter-flexible's
 * `insuranceLimiter`): the request is limited per instance instead of failing, and the failure is logged.
 */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    opts: IRateLimiterOptions,
    private readonly onUse: () => void,
  ) {
    super(opts);
  }
  override consume(
    key: string | number,
    points?: number,
    options?: Record<string, unknown>,
  ): Promise<RateLimiterRes> {
    this.onUse();
    return super.consume(key, points, options);
  }
  override get(
    key: string | number,
    options?: Record<string, unknown>,
  ): Promise<RateLimiterRes | null> {
    this.onUse();
    return super.get(key, options);
  }
  override block(
    key: string | number,
    secDuration: number,
    options?: Record<string, unknown>,
  ): Promise<RateLimiterRes> {
    this.onUse();
    return super.block(key, secDuration, options);
  }
  override delete(key: string | number, options?: Record<string, unknown>): Promise<boolean> {
    this.onUse();
    return super.delete(key, options);
  }
}

/** One sign-in attempt admitted by RateLimitService.beginLogin: report its outcome once. */
export interface LoginAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
}

interface FailureCounter {
  limiter: RateLimiterAbstract;
  max: number;
  lockSeconds: number;
  reason: ReasonWithCode<'RATE_LIMITED'>;
  message: string;
}

/**
 * Rate limits and sign-in throttling.
 *
 * - General budgets (every request): per client address (Fastify hook) and per signed-in user
 *   (RateLimitInterceptor), counted in memory by each instance: checking a shared store on every request
 *   would put an upsert of one hot row in front of each of them. With N instances behind a balancer, a
 *   client may therefore make up to N times the budget.
 * - Operation budgets (register, login, refresh, invitations, uploads) and sign-in throttling: counted in
 *   the store shared by every instance, PostgreSQL (table rate_limits) or Redis when REDIS_URL is set.
 *   If the store fails, an in-memory limiter per instance takes over and the failure is logged.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly settings: RateLimitConfig;
  private readonly pool?: pg.Pool;
  /** The pool as the library sees it: its failures are logged (with their cause) before the insurance answers. */
  private readonly pgClient?: { query: (query: pg.QueryConfig) => Promise<pg.QueryResult> };
  private readonly redis?: Redis;
  private readonly ipRequests: RateLimiterMemory;
  private readonly userRequests: RateLimiterMemory;
  private readonly budgets = new Map<BudgetName, RateLimiterAbstract>();
  private readonly loginPair: FailureCounter;
  private readonly loginIp: FailureCounter;
  private readonly loginAccount: FailureCounter;
  private lastStoreLog = 0;
  private clearsExpired = true;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectDataSource() dataSource: DataSource) {
    this.settings = config.rateLimit;
    const { redisUrl } = this.settings;
    if (redisUrl) {
      this.redis = new Redis(redisUrl, {
        lazyConnect: true,
        // A command while disconnected fails at once (and the insurance answers) rather than queueing.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: STORE_TIMEOUT_MS,
        connectTimeout: STORE_TIMEOUT_MS,
      });
      this.redis.on('error', (error: Error) => this.storeFailed(error));
    } else {
      const url = (dataSource.options as { url?: string }).url;
      this.pool = new pg.Pool({
        connectionString: url,
        max: 3,
        application_name: 'marketplace-rate-limits',
        connectionTimeoutMillis: STORE_TIMEOUT_MS,
        // A frozen server cannot enforce statement_timeout: the client gives up on its own.
        query_timeout: STORE_TIMEOUT_MS,
        statement_timeout: STORE_TIMEOUT_MS,
        idleTimeoutMillis: 30_000,
      });
      this.pool.on('error', (error) => this.storeFailed(error));
      const pool = this.pool;
      this.pgClient = {
        query: (query) =>
          pool.query(query).catch((error: Error) => {
            this.storeFailed(error);
            throw error;
          }),
      };
    }

    this.ipRequests = new RateLimiterMemory({
      keyPrefix: 'ip',
      points: this.settings.ipPerMinute,
      duration: 60,
    });
    this.userRequests = new RateLimiterMemory({
      keyPrefix: 'user',
      points: this.settings.userPerMinute,
      duration: 60,
    });
    for (const name of BUDGET_NAMES) {
      const budget = this.settings.budgets[name];
      this.budgets.set(name, this.shared(`budget-${name}`, budget.points, budget.durationSeconds));
    }
    const login = this.settings.login;
    this.loginPair = {
      limiter: this.shared('login-pair', login.pairMaxFailures, login.pairLockSeconds),
      max: login.pairMaxFailures,
      lockSeconds: login.pairLockSeconds,
      reason: 'TOO_MANY_ATTEMPTS',
      message: 'Too many failed sign-ins for this account from this address; try again later',
    };
    this.loginIp = {
      limiter: this.shared('login-ip', login.ipMaxFailures, login.ipWindowSeconds),
      max: login.ipMaxFailures,
      lockSeconds: login.ipWindowSeconds,
      reason: 'TOO_MANY_FAILURES_FROM_ADDRESS',
      message: 'Too many failed sign-ins from this address; try again later',
    };
    this.loginAccount = {
      limiter: this.shared('login-account', login.accountMaxFailures, login.accountWindowSeconds),
      max: login.accountMaxFailures,
      lockSeconds: login.accountWindowSeconds,
      reason: 'TOO_MANY_FAILURES_FOR_ACCOUNT',
      message: 'Too many failed sign-ins for this account; try again later',
    };
  }

  get enabled(): boolean {
    return this.settings.enabled;
  }

  budgetPer(name: BudgetName): 'ip' | 'user' {
    return this.settings.budgets[name].per;
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.connect();
    } catch (error) {
      // The service never needs Redis: until it answers, the in-memory insurance counts.
      this.storeFailed(error as Error);
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis) this.redis.disconnect();
    await this.pool?.end();
  }

  /** The general budget of a client address; the seconds to wait when it is spent, else null. */
  async consumeRequest(ip: string): Promise<number | null> {
    return this.consumeMemory(this.ipRequests, ip);
  }

  /** The general budget of a signed-in user; throws RATE_LIMITED when it is spent. */
  async consumeUser(userId: string): Promise<void> {
    const wait = await this.consumeMemory(this.userRequests, userId);
    if (wait !== null) throw new RateLimitedError('USER_REQUEST_LIMIT', wait);
  }

  /** One use of an operation budget, by address or user; throws RATE_LIMITED when it is spent. */
  async consumeBudget(name: BudgetName, key: string): Promise<void> {
    try {
      await this.budgets.get(name)!.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new RateLimitedError(budgetReason(name), retryAfterSeconds(error));
      }
      this.storeFailed(error as Error);
    }
  }

  /**
   * Before a password is checked: refused (RATE_LIMITED) while the address has failed too often over all
   * accounts, the account has failed too often over all addresses, or the (e-mail, address) pair is locked.
   * The pair's attempt is counted here, before the check, so parallel guesses cannot overrun its limit;
   * the returned attempt reports the outcome.
   */
  async beginLogin(email: string, ip: string): Promise<LoginAttempt> {
    const account = accountKey(email);
    const pairKey = `${account}|${ip}`;
    const states = await Promise.all([
      this.read(this.loginIp.limiter, ip),
      this.read(this.loginAccount.limiter, account),
    ]);
    for (const [i, counter] of [this.loginIp, this.loginAccount].entries()) {
      const state = states[i];
      if (state && state.consumedPoints >= counter.max && state.msBeforeNext !== 0) {
        throw new RateLimitedError(counter.reason, retryAfterSeconds(state), counter.message);
      }
    }
    let pairCount = 0;
    try {
      pairCount = (await this.loginPair.limiter.consume(pairKey)).consumedPoints;
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new RateLimitedError(
          this.loginPair.reason,
          retryAfterSeconds(error),
          this.loginPair.message,
        );
      }
      this.storeFailed(error as Error);
    }
    return {
      // A failure counts for the address and the account; the pair's limit locks it for a full period.
      failed: async () => {
        await Promise.all([
          pairCount >= this.loginPair.max ? this.lock(this.loginPair, pairKey) : undefined,
          this.countFailure(this.loginIp, ip),
          this.countFailure(this.loginAccount, account),
        ]);
      },
      // A success clears the pair's consecutive failures.
      succeeded: async () => {
        try {
          await this.loginPair.limiter.delete(pairKey);
        } catch (error) {
          this.storeFailed(error as Error);
        }
      },
    };
  }

  private async consumeMemory(limiter: RateLimiterMemory, key: string): Promise<number | null> {
    try {
      await limiter.consume(key);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return retryAfterSeconds(error);
      throw error;
    }
  }

  private async read(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
    try {
      return await limiter.get(key);
    } catch (error) {
      this.storeFailed(error as Error);
      return null;
    }
  }

  private async countFailure(counter: FailureCounter, key: string): Promise<void> {
    try {
      const res = await counter.limiter.consume(key);
      if (res.consumedPoints >= counter.max) await this.lock(counter, key);
    } catch (error) {
      if (error instanceof RateLimiterRes) return; // already locked
      this.storeFailed(error as Error);
    }
  }

  /** At the limit the lock runs a full period from this failure (not from the first one of the window). */
  private async lock(counter: FailureCounter, key: string): Promise<void> {
    try {
      await counter.limiter.block(key, counter.lockSeconds);
    } catch (error) {
      this.storeFailed(error as Error);
    }
  }

  /** A limiter on the shared store, with an in-memory insurance limiter for when the store fails. */
  private shared(name: string, points: number, durationSeconds: number): RateLimiterAbstract {
    const options: IRateLimiterOptions = {
      keyPrefix: `${this.settings.keyPrefix}:${name}`,
      points,
      duration: durationSeconds,
    };
    const insuranceLimiter = new InsuranceLimiter(options, () => this.storeFailed());
    if (this.redis) {
      return new RateLimiterRedis({
        ...options,
        storeClient: this.redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter,
      });
    }
    // Every limiter shares the one table; one of them deletes expired rows (every five minutes).
    const clearExpiredByTimeout = this.clearsExpired;
    this.clearsExpired = false;
    return new RateLimiterPostgres({
      ...options,
      storeClient: this.pgClient,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout,
      insuranceLimiter,
    });
  }

  private storeFailed(error?: Error): void {
    const now = Date.now();
    if (now - this.lastStoreLog < LOG_EVERY_MS) return;
    this.lastStoreLog = now;
    this.logger.error({
      msg: 'rate-limit store failed: counting in memory on this instance until it is back',
      store: this.redis ? 'redis' : 'postgresql',
      ...(error ? { err: { message: error.message } } : {}),
    });
  }
}

/** Accounts are keyed by a hash of the e-mail (the counters do not hold addresses in clear). */
function accountKey(email: string): string {
  return sha256(email.trim().toLowerCase()).slice(0, 32);
}
