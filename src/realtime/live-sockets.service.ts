import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { AuthService, tokenOfAuthorization } from '../auth/index.js';
import type { Actor } from '../common/auth/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { isDatabaseUnavailable } from '../database/db-unavailable.js';
import { LiveSubscriptionsLimitError, SubscriptionsOnlyError } from './live-errors.js';

/** Close codes of a live socket (graphql-ws's own 44xx plus ours). */
export const LiveClose = {
  /** No valid token in connection_init, or the token expired, or its session ended, or the user was suspended. */
  UNAUTHORIZED: 4401,
  /** More open sockets for this user than LIVE_MAX_CONNECTIONS_PER_USER on this instance. */
  TOO_MANY_CONNECTIONS: 4429,
  /** The database failed while the socket was being authenticated: try again later. */
  TRY_AGAIN_LATER: 1013,
} as const;

/** What an open, authenticated socket holds. */
export interface LiveSocket {
  actor: Actor;
  token: string;
  /** The ids of the socket's running subscriptions. */
  subscriptions: Set<string>;
  timers: NodeJS.Timeout[];
}

type Extra = { socket: WebSocket; live?: LiveSocket };

/**
 * The sockets of GraphQL subscriptions (graphql-ws on /graphql): authenticated in connection_init with the
 * access token (`{ "authorization": "Bearer <token>" }`), closed with 4401 when the token expires, when its
 * session ends (sign-out) or when the user is suspended (checked every LIVE_SESSION_CHECK_SECONDS), limited per
 * user and per socket, and carrying subscriptions only (queries and mutations go over HTTP, where every limit
 * and plugin applies). A document is checked by the HTTP endpoint's validation rules and token limit.
 */
@Injectable()
export class LiveSocketsService {
  private readonly logger = new Logger(LiveSocketsService.name);
  private readonly perUser = new Map<string, number>();

  constructor(
    private readonly auth: AuthService,
    // The schema is GraphQLModule's, which is built after this service: looked up when a socket subscribes.
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** graphql-ws's options, with the endpoint's validation rules and error format. */
  options(
    rules: readonly ValidationRule[],
    format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  ): ServerOptions<Record<string, unknown>, Extra> {
    const formatAll = (errors: readonly GraphQLError[]) => errors.map((e) => format(e.toJSON(), e));
    return {
      connectionInitWaitTimeout: 10_000,
      onConnect: (ctx) => this.connect(ctx.extra, ctx.connectionParams),
      onClose: (ctx) => this.disconnect(ctx.extra),
      onSubscribe: (ctx, id, payload) => this.subscribe(ctx.extra, id, payload, rules),
      onComplete: (ctx, id) => {
        ctx.extra.live?.subscriptions.delete(id);
      },
      onError: (ctx, id, _payload, errors) => {
        ctx.extra.live?.subscriptions.delete(id);
        return formatAll(errors);
      },
      onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) =>
        result.errors ? { ...result, errors: formatAll(result.errors) } : undefined,
    };
  }

  private async connect(
    extra: Extra,
    params: Readonly<Record<string, unknown>> | undefined,
  ): Promise<boolean> {
    const close = (code: number, reason: string) => {
      extra.socket.close(code, reason);
      return false;
    };
    const token = tokenOfAuthorization(params?.authorization);
    if (!token) return close(LiveClose.UNAUTHORIZED, 'Unauthorized');
    let found: Awaited<ReturnType<AuthService['actorOfToken']>>;
    try {
      found = await this.auth.actorOfToken(token);
    } catch (error) {
      if (!isDatabaseUnavailable(error))
        this.logger.error(`socket not authenticated: ${String(error)}`);
      return close(LiveClose.TRY_AGAIN_LATER, 'Service unavailable');
    }
    if (!found) return close(LiveClose.UNAUTHORIZED, 'Unauthorized');
    const userId = found.actor.userId;
    const open = this.perUser.get(userId) ?? 0;
    if (open >= this.config.live.maxConnectionsPerUser)
      return close(LiveClose.TOO_MANY_CONNECTIONS, 'Too many connections');
    this.perUser.set(userId, open + 1);
    const live: LiveSocket = {
      actor: found.actor,
      token,
      subscriptions: new Set(),
      timers: [],
    };
    extra.live = live;
    const expiry = setTimeout(
      () => extra.socket.close(LiveClose.UNAUTHORIZED, 'Token expired'),
      Math.max(0, found.expiresAt - Date.now()),
    );
    const check = setInterval(() => {
      this.auth
        .actorOfToken(token)
        .then((now: { actor: Actor } | null) => {
          if (now) live.actor = now.actor;
          else extra.socket.close(LiveClose.UNAUTHORIZED, 'Session ended');
        })
        // A failing database ends no socket: the next check decides.
        .catch(() => undefined);
    }, this.config.live.sessionCheckSeconds * 1000);
    expiry.unref();
    check.unref();
    live.timers.push(expiry, check);
    return true;
  }

  private disconnect(extra: Extra): void {
    const live = extra.live;
    if (!live) return;
    extra.live = undefined;
    for (const t of live.timers) clearTimeout(t);
    const open = (this.perUser.get(live.actor.userId) ?? 1) - 1;
    if (open > 0) this.perUser.set(live.actor.userId, open);
    else this.perUser.delete(live.actor.userId);
  }

  private subscribe(
    extra: Extra,
    id: string,
    payload: {
      query: string;
      variables?: Record<string, unknown> | null;
      operationName?: string | null;
    },
    rules: readonly ValidationRule[],
  ): ExecutionArgs | readonly GraphQLError[] {
    const live = extra.live;
    if (!live)
      return [new GraphQLError('Unauthorized', { extensions: { code: 'UNAUTHENTICATED' } })];
    if (live.subscriptions.size >= this.config.live.maxSubscriptionsPerSocket)
      return [new LiveSubscriptionsLimitError(this.config.live.maxSubscriptionsPerSocket)];
    let document;
    try {
      document = parse(payload.query, { maxTokens: this.config.graphql.maxTokens });
    } catch (error) {
      return [
        error instanceof GraphQLError
          ? new GraphQLError(error.message, {
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            })
          : new GraphQLError('The document could not be parsed'),
      ];
    }
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    const errors = validate(schema, document, [...specifiedRules, ...rules]);
    if (errors.length)
      return errors.map(
        (e) =>
          new GraphQLError(e.message, {
            nodes: e.nodes,
            extensions: { ...e.extensions, code: e.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED' },
          }),
      );
    const operation = getOperationAST(document, payload.operationName);
    if (operation?.operation !== 'subscription') return [new SubscriptionsOnlyError()];
    live.subscriptions.add(id);
    return {
      schema,
      document,
      variableValues: payload.variables ?? undefined,
      operationName: payload.operationName ?? undefined,
      // What the guard and the resolvers read: the socket's token as a request's header, and the socket.
      contextValue: {
        req: { headers: { authorization: `Bearer ${live.token}` }, id: randomUUID() },
        live,
      },
    };
  }
}
