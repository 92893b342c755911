import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  parseTrustProxy,
  rateLimitConfig,
  type RateLimitConfig,
  type TrustProxy,
} from './rate-limit.config.js';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^(?:\d+(?:\.\d+)?|\.\d+)$/.test(value.trim())
    ? Number(value)
    : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};

/**
 * Every setting of the service, read from the environment once at boot.
 * Each property is one environment variable of the same name (documented in README.md).
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  MIGRATIONS_RUN?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120000)
  DB_CONNECTION_TIMEOUT_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  DB_STATEMENT_TIMEOUT_MS = 15000;

  /** Client-side bound of one statement (the server cannot enforce its own when frozen); default statement timeout + 2000. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(610000)
  DB_QUERY_TIMEOUT_MS?: number;

  @ValidateIf(
    (env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined,
  )
  @IsString({ message: 'is required when NODE_ENV=production' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_LOCK_SECONDS = 900;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_ALIASES = 15;

  /**
   * The budget of an operation's cost, priced with its variables (common/graphql/query-cost.ts): every
   * documented selection at the largest page passes (the ranking's 200 proposals with every field: about
   * 24,400); lists nested in lists at large pages do not. Over it: QUERY_TOO_COMPLEX, HTTP 400.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(10000000)
  GRAPHQL_MAX_COST = 30000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(100000)
  GRAPHQL_MAX_TOKENS = 2000;

  /** Field selections in one selection set (inline fragments count into their set); see document-limits.ts. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(10000)
  GRAPHQL_MAX_SELECTIONS = 100;

  /** Field selections in a whole document. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(100000)
  GRAPHQL_MAX_FIELDS = 1000;

  @Transform(toBool)
  @IsBoolean()
  GRAPHQL_COMPILED_EXECUTION = true;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  GRAPHQL_COMPILE_AFTER_RUNS = 1;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(10485760)
  BODY_LIMIT_BYTES = 1048576;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120000)
  SHUTDOWN_TIMEOUT_MS = 10000;

  /** On SIGTERM, how long requests on open connections are still answered before the listener closes. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  SHUTDOWN_DRAIN_MS = 1500;

  /** Requests in flight per instance beyond which new ones are refused (503); default 20 × DB_POOL_SIZE. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  MAX_REQUESTS_IN_FLIGHT?: number;

  @Transform(toBool)
  @IsBoolean()
  BENCH_SQL_COUNT = false;

  /**
   * Matchmaking weights that differ from the documented defaults, as `name=value` pairs separated by commas
   * (`text=0.6,application=0.2`); each value a number from 0 to 10. The names are checked by the matchmaking
   * module when the service starts (README, "How matching works").
   */
  @IsOptional()
  @Matches(
    /^[a-zA-Z][a-zA-Z0-9]*=(?:\d+(?:\.\d+)?|\.\d+)(?:,[a-zA-Z][a-zA-Z0-9]*=(?:\d+(?:\.\d+)?|\.\d+))*$/,
    {
      message: 'must be name=number pairs separated by commas',
    },
  )
  MATCH_WEIGHTS?: string;

  /**
   * Duplicate demands: the least similarity (0 to 1) at which another enterprise's challenge is listed by
   * similarChallenges (README, "Duplicate demands": the measured precision and recall at each threshold).
   */
  @Transform(toNumber)
  @IsNumber({}, { message: 'must be a number from 0 to 1' })
  @Min(0)
  @Max(1)
  SIMILAR_CHALLENGES_MIN_SIMILARITY = 0.4;

  /**
   * A newly published challenge is announced (CHALLENGE_RECOMMENDED) to the SMEs the recommender ranks at least this
   * well for it (the recommendation's score, 0 to 1), the rules of recommendations applied.
   */
  @Transform(toNumber)
  @IsNumber({}, { message: 'must be a number from 0 to 1' })
  @Min(0)
  @Max(1)
  PUBLISHED_NOTICE_MIN_SCORE = 0.25;

  /** At most this many SMEs are told of one newly published challenge (the best ranked); 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  PUBLISHED_NOTICE_MAX_SMES = 50;

  /** 公示: how many days selected winners are shown publicly (and objections accepted) before the award. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  PUBLICITY_DAYS = 7;

  /** Live updates (GraphQL subscriptions): how often an instance with subscribers reads new events (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(20)
  @Max(10000)
  LIVE_POLL_MS = 250;

  /** Live updates: open sockets one user may hold on one instance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LIVE_MAX_CONNECTIONS_PER_USER = 5;

  /** Live updates: subscriptions one socket may hold at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET = 10;

  /** Live updates: how often each socket's session and user are checked again (seconds). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LIVE_SESSION_CHECK_SECONDS = 30;

  /** 对接: days after which an unanswered introduction request reads as EXPIRED. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  INTRODUCTION_EXPIRY_DAYS = 14;

  /** 对接: new introductions (requests and invitations) one organisation may start per day. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  INTRODUCTIONS_PER_DAY = 50;

  /** 对接: days during which a declined (challenge, SME) pair cannot be introduced again. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  INTRODUCTION_COOLDOWN_DAYS = 30;

  /** Notifications: failed attempts after which a delivery (e-mail, digest) is given up as FAILED. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  NOTIFICATION_DELIVERY_MAX_ATTEMPTS = 5;
  /** Durable jobs (src/jobs): this instance works jobs and runs the schedules; off, it only enqueues. */
  @Transform(toBool)
  @IsBoolean()
  JOBS_ENABLED = true;

  /** Jobs of one kind this instance runs at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  JOBS_CONCURRENCY = 2;

  /** How often an idle worker asks the queue for a job (seconds, 0.5 to 60). */
  @Transform(toNumber)
  @IsNumber({}, { message: 'must be a number of seconds from 0.5 to 60' })
  @Min(0.5)
  @Max(60)
  JOBS_POLL_INTERVAL_SECONDS = 2;

  /**
   * How long a job may stay claimed before it counts as lost (its instance died or hung) and is retried by
   * another instance; a running handler past it is abandoned as failed.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  JOBS_EXPIRE_SECONDS = 300;

  /** How often one of the instances looks for lost (expired) jobs and archives old ones (seconds). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  JOBS_MAINTENANCE_INTERVAL_SECONDS = 30;

  /** Retries of a failed job before it is listed in failedJobs. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100)
  JOBS_RETRY_LIMIT = 5;

  /** Seconds before the first retry; each further retry waits about twice as long (backoff). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  JOBS_RETRY_DELAY_SECONDS = 30;

  /** How often one of the instances checks the schedules (seconds); a scheduled job runs at most once a minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  JOBS_SCHEDULE_CHECK_SECONDS = 30;

  /** Rate limits (src/rate-limit): the request budgets on or off; sign-in throttling is always on. */
  @Transform(toBool)
  @IsBoolean()
  RATE_LIMIT_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(10000000)
  RATE_LIMIT_IP_PER_MINUTE = 1200;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(10000000)
  RATE_LIMIT_USER_PER_MINUTE = 600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  RATE_LIMIT_REGISTER_PER_HOUR = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  RATE_LIMIT_LOGIN_PER_MINUTE = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  RATE_LIMIT_REFRESH_PER_MINUTE = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  RATE_LIMIT_INVITATIONS_PER_HOUR = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  RATE_LIMIT_UPLOADS_PER_HOUR = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  LOGIN_IP_MAX_FAILURES = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_IP_WINDOW_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(10000000)
  LOGIN_ACCOUNT_MAX_FAILURES = 100;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_ACCOUNT_WINDOW_SECONDS = 3600;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string = undefined;

  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be 1-40 letters, digits, _ or -' })
  RATE_LIMIT_KEY_PREFIX = 'rl';

  /**
   * E-mail (src/mail): the SMTP server, `smtp://user:pass@host:587` or `smtps://…:465`. Unset: every message is
   * written as an .eml file under DATA_DIR/mail and logged (development; in production a warning says so at boot).
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string = undefined;

  /** The sender of every e-mail: `address` or `Name <address>` (one line). */
  @Matches(/^(?:[^\r\n<>"]{1,100} <[^\s<>@,;"]+@[^\s<>@,;"]+>|[^\s<>@,;"]+@[^\s<>@,;"]+)$/, {
    message: 'must be an address or Name <address>, on one line',
  })
  MAIL_FROM = 'Marketplace <no-reply@localhost>';

  /** The service's public address, for the links it mails (one-click unsubscribe); default http://localhost:PORT. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, { message: 'must be an http(s):// URL' })
  PUBLIC_URL?: string = undefined;

  /**
   * The web application's address: mails link to `<WEB_APP_URL>/verify-email#token=…`, `/reset-password#token=…`
   * and `/invitations/accept#token=…`. Unset: the mails carry the token alone.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, { message: 'must be an http(s):// URL' })
  WEB_APP_URL?: string = undefined;

  /** How long an e-mail address verification link works. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  EMAIL_VERIFICATION_TTL_HOURS = 48;

  /** How long a password reset link works. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** Mails asked for from one address (password resets, verification links) per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  RATE_LIMIT_MAIL_PER_HOUR = 10;

  /** Fastify trustProxy: false (socket address), true, a hop count, or a comma list of proxy addresses / CIDRs. */
  @Matches(/^(true|false|yes|no|\d{1,2}|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/i, {
    message: 'must be true, false, a hop count or a comma-separated list of proxy addresses',
  })
  TRUST_PROXY = 'false';
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  http: {
    host: string;
    port: number;
    bodyLimit: number;
    shutdownTimeoutMs: number;
    /** Drain period on SIGTERM (at most half of shutdownTimeoutMs). */
    shutdownDrainMs: number;
    /** Load shedding: requests in flight (health checks aside) beyond which new ones get 503. */
    maxRequestsInFlight: number;
  };
  dataDir: string;
  database: {
    /** Set when the operator points the service at a server; unset means the embedded one. */
    url?: string;
    embeddedPort: number;
    runMigrations: boolean;
    poolSize: number;
    connectionTimeoutMs: number;
    statementTimeoutMs: number;
    /** Client-side bound of one statement. */
    queryTimeoutMs: number;
  };
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlDays: number;
    loginMaxFailures: number;
    loginLockSeconds: number;
  };
  logLevel: string;
  graphql: {
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    maxTokens: number;
    /** Field selections in one selection set, and in the whole document (document-limits.ts). */
    maxSelections: number;
    maxFields: number;
    /** Compiled execution (CompiledExecution): off, or on from a document's (compileAfterRuns + 1)th execution. */
    compiledExecution: boolean;
    compileAfterRuns: number;
  };
  benchSqlCount: boolean;
  /** Matchmaking weights overridden (name → value, each 0 to 10); empty for the defaults. */
  matchWeights: Record<string, number>;
  /** similarChallenges lists challenges at least this similar (0 to 1). */
  similarChallengesMinSimilarity: number;
  /** Who hears of a newly published challenge: SMEs ranked at least `minScore`, at most `maxSmes` of them. */
  publishedNotice: { minScore: number; maxSmes: number };
  proposals: { publicityDays: number };
  /** Introductions (对接): expiry of a request, daily limit per organisation, cooldown after a decline. */
  introductions: { expiryDays: number; perDay: number; cooldownDays: number };
  /** Live updates (GraphQL subscriptions over graphql-ws): polling, limits, session checks. */
  live: {
    pollMs: number;
    maxConnectionsPerUser: number;
    maxSubscriptionsPerSocket: number;
    sessionCheckSeconds: number;
  };
  /** Notifications: how many failed attempts a delivery gets before it is FAILED. */
  notifications: { deliveryMaxAttempts: number };
  /** Durable jobs (src/jobs). */
  jobs: JobsConfig;
  rateLimit: RateLimitConfig;
  /** Where the client address comes from (TRUST_PROXY): Fastify's trustProxy. */
  trustProxy: TrustProxy;
  mail: MailConfig;
}

export interface MailConfig {
  /** SMTP_URL; unset: messages are written to `fileDir` (development). */
  smtpUrl?: string;
  /** Where messages are written when there is no SMTP server: DATA_DIR/mail. */
  fileDir: string;
  from: string;
  /** The service's public base URL, without a trailing slash. */
  publicUrl: string;
  /** The web application's base URL, without a trailing slash; unset: mails carry tokens alone. */
  webAppUrl?: string;
  verificationTtlHours: number;
  resetTtlMinutes: number;
}

export interface JobsConfig {
  /** This instance works jobs and runs the schedules (else it only enqueues). */
  enabled: boolean;
  /** Jobs of one kind run at once by this instance. */
  concurrency: number;
  pollIntervalSeconds: number;
  /** A job claimed longer than this is lost and retried elsewhere. */
  expireSeconds: number;
  maintenanceIntervalSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
  scheduleCheckSeconds: number;
}

export class ConfigError extends Error {}

export interface LoadConfigOptions {
  /**
   * The process signs tokens (the service, the default): JWT_SECRET is required in production, and outside
   * production a generated one is kept under DATA_DIR. Command-line tools sign none and pass false: no
   * JWT_SECRET is asked for, and reading the configuration creates nothing under DATA_DIR.
   */
  signsTokens?: boolean;
}

/** Reads and validates the environment; throws one ConfigError whose message names each bad variable. */
export function loadConfig(
  source: NodeJS.ProcessEnv = process.env,
  options: LoadConfigOptions = {},
): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const raw: Record<string, string> = {};
  for (const key of [
    ...known,
    'JWT_SECRET',
    'DATABASE_URL',
    'MIGRATIONS_RUN',
    'DB_QUERY_TIMEOUT_MS',
    'MAX_REQUESTS_IN_FLIGHT',
    'MATCH_WEIGHTS',
  ]) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  // A throwaway secret for a process that signs nothing (checked like any other, never written).
  if (options.signsTokens === false) raw.JWT_SECRET ??= randomBytes(48).toString('base64url');
  const env = plainToInstance(EnvironmentVariables, raw);
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const parts = errors.map((e) => {
      // class-validator lists constraints innermost decorator last: the type check, the most telling.
      const reason = Object.values(e.constraints ?? {}).at(-1) ?? 'is invalid';
      return `${e.property} ${reason.replace(new RegExp(`^${e.property} `), '')}`;
    });
    throw new ConfigError(`Invalid configuration: ${parts.join('; ')}`);
  }
  const rateLimit = rateLimitConfig(env);
  if (typeof rateLimit === 'string') throw new ConfigError(`Invalid configuration: ${rateLimit}`);
  const dataDir = resolve(env.DATA_DIR);
  const jwtSecret = env.JWT_SECRET ?? developmentSecret(dataDir);
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    http: {
      host: env.HOST,
      port: env.PORT,
      bodyLimit: env.BODY_LIMIT_BYTES,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      shutdownDrainMs: Math.min(env.SHUTDOWN_DRAIN_MS, Math.floor(env.SHUTDOWN_TIMEOUT_MS / 2)),
      maxRequestsInFlight: env.MAX_REQUESTS_IN_FLIGHT ?? 20 * env.DB_POOL_SIZE,
    },
    dataDir,
    database: {
      url: env.DATABASE_URL,
      embeddedPort: env.EMBEDDED_PG_PORT,
      // The embedded database is ours alone, so it is always brought up to date.
      runMigrations: env.DATABASE_URL ? (env.MIGRATIONS_RUN ?? false) : true,
      poolSize: env.DB_POOL_SIZE,
      connectionTimeoutMs: env.DB_CONNECTION_TIMEOUT_MS,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      queryTimeoutMs: env.DB_QUERY_TIMEOUT_MS ?? env.DB_STATEMENT_TIMEOUT_MS + 2000,
    },
    auth: {
      jwtSecret,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginLockSeconds: env.LOGIN_LOCK_SECONDS,
    },
    logLevel: env.LOG_LEVEL,
    graphql: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxCost: env.GRAPHQL_MAX_COST,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxSelections: env.GRAPHQL_MAX_SELECTIONS,
      maxFields: env.GRAPHQL_MAX_FIELDS,
      compiledExecution: env.GRAPHQL_COMPILED_EXECUTION,
      compileAfterRuns: env.GRAPHQL_COMPILE_AFTER_RUNS,
    },
    benchSqlCount: env.BENCH_SQL_COUNT,
    matchWeights: Object.fromEntries(
      (env.MATCH_WEIGHTS ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => [pair.split('=')[0], Math.min(10, Number(pair.split('=')[1]))]),
    ),
    similarChallengesMinSimilarity: env.SIMILAR_CHALLENGES_MIN_SIMILARITY,
    publishedNotice: {
      minScore: env.PUBLISHED_NOTICE_MIN_SCORE,
      maxSmes: env.PUBLISHED_NOTICE_MAX_SMES,
    },
    proposals: { publicityDays: env.PUBLICITY_DAYS },
    live: {
      pollMs: env.LIVE_POLL_MS,
      maxConnectionsPerUser: env.LIVE_MAX_CONNECTIONS_PER_USER,
      maxSubscriptionsPerSocket: env.LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET,
      sessionCheckSeconds: env.LIVE_SESSION_CHECK_SECONDS,
    },
    introductions: {
      expiryDays: env.INTRODUCTION_EXPIRY_DAYS,
      perDay: env.INTRODUCTIONS_PER_DAY,
      cooldownDays: env.INTRODUCTION_COOLDOWN_DAYS,
    },
    notifications: { deliveryMaxAttempts: env.NOTIFICATION_DELIVERY_MAX_ATTEMPTS },
    jobs: {
      enabled: env.JOBS_ENABLED,
      concurrency: env.JOBS_CONCURRENCY,
      pollIntervalSeconds: env.JOBS_POLL_INTERVAL_SECONDS,
      expireSeconds: env.JOBS_EXPIRE_SECONDS,
      maintenanceIntervalSeconds: env.JOBS_MAINTENANCE_INTERVAL_SECONDS,
      retryLimit: env.JOBS_RETRY_LIMIT,
      retryDelaySeconds: env.JOBS_RETRY_DELAY_SECONDS,
      scheduleCheckSeconds: env.JOBS_SCHEDULE_CHECK_SECONDS,
    },
    rateLimit,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    mail: {
      smtpUrl: env.SMTP_URL,
      fileDir: join(dataDir, 'mail'),
      from: env.MAIL_FROM,
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
      webAppUrl: env.WEB_APP_URL?.replace(/\/+$/, ''),
      verificationTtlHours: env.EMAIL_VERIFICATION_TTL_HOURS,
      resetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
    },
  };
}

/** Outside production a secret is generated once and kept under the data folder, so tokens survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
