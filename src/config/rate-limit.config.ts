import type { EnvironmentVariables } from './app-config.js';

/**
 * The stricter budgets of sensitive operations, by name. An operation takes a budget with one line,
 * `@RateBudget('<name>')` on its resolver; a new budget is one entry here (and its setting).
 * `per: 'ip'` counts by client address (the operations anyone may call), `per: 'user'` by signed-in user.
 * `uploads` is ready for the upload mutations (there are none yet); `mail` counts the mails asked for from one
 * address (password resets, verification links).
 */
export const BUDGET_NAMES = [
  'register',
  'login',
  'refresh',
  'invitations',
  'uploads',
  'mail',
] as const;
export type BudgetName = (typeof BUDGET_NAMES)[number];

export interface Budget {
  points: number;
  durationSeconds: number;
  per: 'ip' | 'user';
}

export interface RateLimitConfig {
  /** The request budgets (general and per operation); sign-in throttling is always on. */
  enabled: boolean;
  /** General budget per client address, requests per minute, counted in memory by each instance. */
  ipPerMinute: number;
  /** General budget per signed-in user, requests per minute, counted in memory by each instance. */
  userPerMinute: number;
  budgets: Record<BudgetName, Budget>;
  login: {
    /** Consecutive failures of one (e-mail, address) pair before that pair is locked (LOGIN_MAX_FAILURES). */
    pairMaxFailures: number;
    /** How long the pair's lock lasts, and its counting window (LOGIN_LOCK_SECONDS). */
    pairLockSeconds: number;
    /** Failures from one address over all e-mails in a window: stops password spraying. */
    ipMaxFailures: number;
    ipWindowSeconds: number;
    /** Failures for one e-mail over all addresses in a window: stops a distributed guess of one password. */
    accountMaxFailures: number;
    accountWindowSeconds: number;
  };
  /** Redis for the shared counters; unset: the service's PostgreSQL (table rate_limits). */
  redisUrl?: string;
  /** Prefix of every key in the shared store (several deployments on one Redis). */
  keyPrefix: string;
}

/**
 * Fastify's `trustProxy`: false (the socket address), true (the left-most X-Forwarded-For), a hop count (the
 * address that many proxies back), or the proxies' addresses / CIDRs (the first untrusted address).
 */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

export function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim().toLowerCase();
  if (['false', '0', 'no', ''].includes(v)) return false;
  if (['true', 'yes'].includes(v)) return true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address: string, hop: number) => hop < hops;
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The rate-limit settings, or a message naming what is inconsistent. */
export function rateLimitConfig(env: EnvironmentVariables): RateLimitConfig | string {
  const login = {
    pairMaxFailures: env.LOGIN_MAX_FAILURES,
    pairLockSeconds: env.LOGIN_LOCK_SECONDS,
    ipMaxFailures: env.LOGIN_IP_MAX_FAILURES,
    ipWindowSeconds: env.LOGIN_IP_WINDOW_SECONDS,
    accountMaxFailures: env.LOGIN_ACCOUNT_MAX_FAILURES,
    accountWindowSeconds: env.LOGIN_ACCOUNT_WINDOW_SECONDS,
  };
  // One address alone must not be able to lock an account for everyone: at most LOGIN_MAX_FAILURES per
  // lock period (plus one window's worth at the edges) reach the account's budget from one address.
  const oneAddress =
    login.pairMaxFailures * (Math.ceil(login.accountWindowSeconds / login.pairLockSeconds) + 1);
  if (login.accountMaxFailures <= oneAddress) {
    return (
      `LOGIN_ACCOUNT_MAX_FAILURES must exceed what one address can reach in LOGIN_ACCOUNT_WINDOW_SECONDS ` +
      `(LOGIN_MAX_FAILURES × (⌈LOGIN_ACCOUNT_WINDOW_SECONDS / LOGIN_LOCK_SECONDS⌉ + 1) = ${oneAddress})`
    );
  }
  return {
    enabled: env.RATE_LIMIT_ENABLED,
    ipPerMinute: env.RATE_LIMIT_IP_PER_MINUTE,
    userPerMinute: env.RATE_LIMIT_USER_PER_MINUTE,
    budgets: {
      register: { points: env.RATE_LIMIT_REGISTER_PER_HOUR, durationSeconds: 3600, per: 'ip' },
      login: { points: env.RATE_LIMIT_LOGIN_PER_MINUTE, durationSeconds: 60, per: 'ip' },
      refresh: { points: env.RATE_LIMIT_REFRESH_PER_MINUTE, durationSeconds: 60, per: 'ip' },
      invitations: {
        points: env.RATE_LIMIT_INVITATIONS_PER_HOUR,
        durationSeconds: 3600,
        per: 'user',
      },
      uploads: { points: env.RATE_LIMIT_UPLOADS_PER_HOUR, durationSeconds: 3600, per: 'user' },
      mail: { points: env.RATE_LIMIT_MAIL_PER_HOUR, durationSeconds: 3600, per: 'ip' },
    },
    login,
    redisUrl: env.REDIS_URL,
    keyPrefix: env.RATE_LIMIT_KEY_PREFIX,
  };
}
