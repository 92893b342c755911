import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import type { AuditEventInput } from '../audit-event.js';
import type { NotFoundEntity } from '../error-catalogue.js';
import { NotFoundError } from '../errors.js';
import type { SqlRow, SqlTarget } from '../../database/typed-query.js';
import { queryOne, queryRows, str } from '../../database/typed-query.js';
import { checkMove, Lifecycle, MoveRequest, refusal, Transition } from './lifecycle.js';

/**
 * The only writer of the `status` of challenges, alliance memberships, proposals and introductions: one conditional
 * `UPDATE ... WHERE status = ANY(from)` per move (of one entity, of a list, or of every entity of a scope:
 * the system's set-based moves), followed by the move's audit event per entity, in the caller's transaction.
 *
 * No value is ever written into the SQL text: values are parameters. The only SQL text a caller gives is a
 * constant (the `constant` tag below refuses interpolation), and column names are checked.
 */

/** SQL text fixed in the source (a column expression or a condition), never built from values. */
export interface ConstantSql {
  readonly text: string;
}

/** `constant\`now()\``: SQL text with no interpolation (a `${...}` does not type-check and throws). */
export function constant(strings: TemplateStringsArray, ...values: never[]): ConstantSql {
  if (values.length || strings.length !== 1)
    throw new Error('constant SQL takes no interpolated values');
  return { text: strings[0] };
}

/** What a column is set to: a parameter (cast to `cast` when given) or a constant expression (the row is `t`). */
export type SetValue = ConstantSql | { param: unknown; cast?: string };

export type SetColumns = Readonly<Record<string, SetValue>>;

/** Where a lifecycle's status lives. */
export interface StatusStore {
  readonly table: 'challenges' | 'alliance_memberships' | 'proposals' | 'introductions';
  /** The PostgreSQL enum of the status column. */
  readonly statusType:
    'challenge_status' | 'alliance_membership_status' | 'proposal_status' | 'introduction_status';
  /** Columns every move sets besides the status (e.g. status_changed_at, updated_at). */
  readonly stamps: SetColumns;
  /** The column that keeps the reason of the last move, if the lifecycle keeps one (set on every move). */
  readonly reasonColumn?: string;
  /** The column naming the organisation an audit event is about. */
  readonly organizationColumn: string;
}

/** Which rows a move is about: one, a list, or every row whose `column` equals `equals` (a set-based move). */
export type MoveScope =
  { id: string } | { ids: readonly string[] } | { column: string; equals: unknown; cast?: string };

export interface StatusWrite<S extends string> {
  from: readonly S[];
  to: S;
  scope: MoveScope;
  /** Further equalities the rows must satisfy (e.g. the organisation of the member leaving). */
  match?: Readonly<Record<string, unknown>>;
  /** A further constant condition on the row `t` (e.g. a deadline passed). */
  condition?: ConstantSql;
  /** Other columns set by the same statement. */
  set?: SetColumns;
  /** Columns returned as they were before the move, as `previous_<column>`. */
  previous?: readonly string[];
}

/** A row moved: its id, the state it left, the organisation of its audit event, and any `previous_<column>`. */
export interface MovedRow<S extends string> {
  id: string;
  from: S;
  organizationId: string | null;
  row: SqlRow;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a column name: ${name}`);
  return name;
}

function castName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*(\[\])?$/.test(name)) throw new Error(`Not a type name: ${name}`);
  return name;
}

function isConstant(v: SetValue): v is ConstantSql {
  return typeof (v as ConstantSql).text === 'string' && !('param' in v);
}

/**
 * The statement of a move and its parameters. The rows are chosen and locked (FOR UPDATE, in id order) in a
 * sub-select that also reads the state each leaves, so that concurrent moves of one row serialise and the
 * second one finds it no longer in a `from` state (and moves nothing).
 */
export function statusWriteSql<S extends string>(
  store: StatusStore,
  write: StatusWrite<S>,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [write.to, write.from];
  const add = (value: unknown, cast?: string) => {
    params.push(value);
    return `$${params.length}${cast ? `::${castName(cast)}` : ''}`;
  };
  const set = { ...store.stamps, ...write.set };
  if ('status' in set) throw new Error('The status is set by the move itself');
  const assignments = Object.entries(set).map(
    ([column, v]) => `, ${identifier(column)} = ${isConstant(v) ? v.text : add(v.param, v.cast)}`,
  );
  const where: string[] = [];
  const scope = write.scope;
  if ('id' in scope) where.push(`t.id = ${add(scope.id, 'uuid')}`);
  else if ('ids' in scope) where.push(`t.id = ANY(${add(scope.ids, 'uuid[]')})`);
  else where.push(`t.${identifier(scope.column)} = ${add(scope.equals, scope.cast)}`);
  for (const [column, value] of Object.entries(write.match ?? {}))
    where.push(`t.${identifier(column)} = ${add(value)}`);
  where.push(`t.status = ANY($2::${store.statusType}[])`);
  if (write.condition) where.push(`(${write.condition.text})`);
  const previous = (write.previous ?? [])
    .map((c) => `, t.${identifier(c)} AS previous_${c}`)
    .join('');
  const organization = identifier(store.organizationColumn);
  const sql = `UPDATE ${store.table} t SET status = $1::${store.statusType}${assignments.join('')}
    FROM (SELECT t.id, t.status AS from_status${previous} FROM ${store.table} t
           WHERE ${where.join(' AND ')}
           ORDER BY t.id FOR UPDATE OF t) prev
   WHERE t.id = prev.id
   RETURNING prev.*, t.${organization}::text AS organization_id`;
  return { sql, params };
}

/** Writes a status move (no check of who asks: see `move`); the rows moved. */
export async function writeStatus<S extends string>(
  target: SqlTarget,
  store: StatusStore,
  write: StatusWrite<S>,
): Promise<MovedRow<S>[]> {
  const { sql, params } = statusWriteSql(store, write);
  return queryRows(target, sql, params, (row) => ({
    id: str(row, 'id'),
    from: str(row, 'from_status') as S,
    organizationId: row.organization_id === null ? null : str(row, 'organization_id'),
    row,
  }));
}

/** Where the audit events of moves go: AuditService.record (common/ does not import modules; the event type is shared). */
export interface AuditRecorder {
  record(manager: EntityManager, event: AuditEventInput): Promise<unknown>;
}

/** One lifecycle wired to its table and the audit trail. */
export interface LifecycleBinding<S extends string, A extends string, K extends string> {
  lifecycle: Lifecycle<S, A, K>;
  store: StatusStore;
  audit: AuditRecorder;
}

export interface MoveInput<A extends string, K extends string> extends MoveRequest<A, K> {
  actor: Actor | null;
  scope: MoveScope;
  match?: Readonly<Record<string, unknown>>;
  condition?: ConstantSql;
  set?: SetColumns;
  previous?: readonly string[];
  /** The audit event's data for a moved row. */
  data?: Record<string, unknown> | ((row: MovedRow<string>) => Record<string, unknown>);
}

/**
 * Checks a move (who, reason: `checkMove`) and writes it; the rows moved. The caller decides what fewer rows
 * than asked for means (`moveOne` refuses; a set-based move may move none), then calls `recordMoves`.
 */
export async function writeMove<S extends string, A extends string, K extends string>(
  manager: EntityManager,
  binding: LifecycleBinding<S, A, K>,
  input: MoveInput<A, K>,
): Promise<{ transition: Transition<S, K>; rows: MovedRow<S>[] }> {
  const t = checkMove(binding.lifecycle, input);
  const reasonColumn = binding.store.reasonColumn;
  const rows = await writeStatus<S>(manager, binding.store, {
    from: t.from,
    to: t.to,
    scope: input.scope,
    match: input.match,
    condition: input.condition,
    set: {
      ...(reasonColumn ? { [reasonColumn]: { param: input.reason ?? null, cast: 'text' } } : {}),
      ...input.set,
    },
    previous: input.previous,
  });
  return { transition: t, rows };
}

/** The move's audit event for each row moved (none when the move has no event of its own). */
export async function recordMoves<S extends string, A extends string, K extends string>(
  manager: EntityManager,
  binding: LifecycleBinding<S, A, K>,
  input: MoveInput<A, K>,
  transition: Transition<S, K>,
  rows: readonly MovedRow<S>[],
): Promise<void> {
  if (!transition.auditAction) return;
  for (const r of rows) {
    await binding.audit.record(manager, {
      actor: input.actor,
      action: transition.auditAction,
      entityType: binding.lifecycle.entityType,
      entityId: r.id,
      organizationId: r.organizationId,
      from: r.from,
      to: transition.to,
      reason: input.reason ?? null,
      data: typeof input.data === 'function' ? input.data(r) : input.data,
    });
  }
}

/** Moves rows and records them: for set-based moves, where any number of rows (even none) may move. */
export async function moveAll<S extends string, A extends string, K extends string>(
  manager: EntityManager,
  binding: LifecycleBinding<S, A, K>,
  input: MoveInput<A, K>,
): Promise<MovedRow<S>[]> {
  const { transition, rows } = await writeMove(manager, binding, input);
  await recordMoves(manager, binding, input, transition, rows);
  return rows;
}

/**
 * Moves one entity and records it. When it did not move: NOT_FOUND naming `notFound` when no row has that id (and `match`),
 * else CONFLICT INVALID_TRANSITION from its current state. `check` runs on the moved row before the event
 * (a refusal there rolls the move back with the transaction).
 */
export async function moveOne<S extends string, A extends string, K extends string>(
  manager: EntityManager,
  binding: LifecycleBinding<S, A, K>,
  input: MoveInput<A, K> & { scope: { id: string }; notFound: NotFoundEntity },
  check?: (row: MovedRow<S>) => void,
): Promise<MovedRow<S>> {
  const { transition, rows } = await writeMove(manager, binding, input);
  const [moved] = rows;
  if (!moved) {
    const params: unknown[] = [input.scope.id];
    const match = Object.entries(input.match ?? {}).map(([column, value]) => {
      params.push(value);
      return ` AND ${identifier(column)} = $${params.length}`;
    });
    const current = await queryOne(
      manager,
      `SELECT status FROM ${binding.store.table} WHERE id = $1::uuid${match.join('')}`,
      params,
      (r) => str(r, 'status') as S,
    );
    if (current === undefined) throw new NotFoundError(input.notFound);
    throw refusal(binding.lifecycle, input.action, current);
  }
  check?.(moved);
  await recordMoves(manager, binding, input, transition, rows);
  return moved;
}
