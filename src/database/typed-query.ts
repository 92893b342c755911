import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from './prepared-query.js';

/**
 * Typed rows from hand-written SQL (see docs/architecture.md, "The SQL layer"). A module's statements live
 * in its `<module>.queries.ts`; each returns values built by a row mapper, a function that reads every
 * column through the accessors below (`str`, `int`, `date`, `bool`, `oneOf`, ... and their `...OrNull`
 * forms). An accessor checks the column is present and of the expected JavaScript type (as node-postgres
 * returns it) and throws a RowShapeError naming the column otherwise, so a renamed column or a changed
 * type fails loudly at the mapper instead of travelling on as `undefined` behind an `as Row[]` cast.
 */

/** One result row as node-postgres returns it: column name → value. */
export type SqlRow = Readonly<Record<string, unknown>>;
/** Builds one typed value from one row; reads columns only through the accessors of this file. */
export type RowMapper<T> = (row: SqlRow) => T;
/** Where a statement runs: the data source (its own connection) or a transaction's entity manager. */
export type SqlTarget = EntityManager | DataSource;

/** The database answered rows of another shape than the code expects: a bug, never a user's error. */
export class RowShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowShapeError';
  }
}

/**
 * TypeORM's PostgreSQL driver answers UPDATE and DELETE with `[rows, rowCount]` and every other command
 * with the rows; a row is always an object (never an array), so the two shapes cannot be confused.
 */
function rowsOf(result: unknown): SqlRow[] {
  if (!Array.isArray(result))
    throw new RowShapeError(`A query answered ${describe(result)} instead of rows`);
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as SqlRow[];
  return result as SqlRow[];
}

function mapRows<T>(rows: readonly SqlRow[], map: RowMapper<T>): T[] {
  const out = new Array<T>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = map(rows[i]);
  return out;
}

/** Runs `sql` with its `$n` parameters and maps every row it returns (SELECT, or any statement with RETURNING). */
export async function queryRows<T>(
  target: SqlTarget,
  sql: string,
  params: readonly unknown[],
  map: RowMapper<T>,
): Promise<T[]> {
  return mapRows(rowsOf(await target.query(sql, params as unknown[])), map);
}

/** The first row mapped, or undefined when there is none. */
export async function queryOne<T>(
  target: SqlTarget,
  sql: string,
  params: readonly unknown[],
  map: RowMapper<T>,
): Promise<T | undefined> {
  const rows = rowsOf(await target.query(sql, params as unknown[]));
  return rows.length ? map(rows[0]) : undefined;
}

/** Runs a statement whose rows (if any) are not read. */
export async function execute(
  target: SqlTarget,
  sql: string,
  params: readonly unknown[],
): Promise<void> {
  await target.query(sql, params as unknown[]);
}

/** `queryRows` as a named prepared statement (prepared-query.ts): for the hot paths only, see its comment. */
export async function preparedRows<T>(
  target: SqlTarget,
  sql: string,
  params: readonly unknown[],
  map: RowMapper<T>,
): Promise<T[]> {
  return mapRows(await preparedQuery<SqlRow>(target, sql, params as unknown[]), map);
}

/** `queryOne` as a named prepared statement. */
export async function preparedOne<T>(
  target: SqlTarget,
  sql: string,
  params: readonly unknown[],
  map: RowMapper<T>,
): Promise<T | undefined> {
  const rows = await preparedQuery<SqlRow>(target, sql, params as unknown[]);
  return rows.length ? map(rows[0]) : undefined;
}

// ---- Column accessors ----------------------------------------------------------------------------------

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function column(row: SqlRow, name: string): unknown {
  const value = row[name];
  if (value === undefined) {
    throw new RowShapeError(
      `The row has no column "${name}" (columns: ${Object.keys(row).join(', ') || 'none'})`,
    );
  }
  return value;
}

function wrong(name: string, value: unknown, expected: string): RowShapeError {
  return new RowShapeError(`Column "${name}" is ${describe(value)}, expected ${expected}`);
}

/** `get` applied to the column, or null when the column is SQL NULL. */
export function orNull<T>(
  row: SqlRow,
  name: string,
  get: (row: SqlRow, name: string) => T,
): T | null {
  return column(row, name) === null ? null : get(row, name);
}

/** text, varchar, uuid, and anything cast to ::text (bigint and numeric arrive as strings from node-postgres). */
export function str(row: SqlRow, name: string): string {
  const value = column(row, name);
  if (typeof value !== 'string') throw wrong(name, value, 'a string');
  return value;
}

export function strOrNull(row: SqlRow, name: string): string | null {
  return orNull(row, name, str);
}

/** An integer: int2/int4 (numbers) or int8 such as count(*) (a decimal string), within JavaScript's safe range. */
export function int(row: SqlRow, name: string): number {
  const value = column(row, name);
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw wrong(name, value, 'an integer');
  return n;
}

export function intOrNull(row: SqlRow, name: string): number | null {
  return orNull(row, name, int);
}

/** A float (float4/float8 arrive as numbers; numeric as a string, converted). */
export function num(row: SqlRow, name: string): number {
  const value = column(row, name);
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) throw wrong(name, value, 'a number');
  return n;
}

export function numOrNull(row: SqlRow, name: string): number | null {
  return orNull(row, name, num);
}

export function bool(row: SqlRow, name: string): boolean {
  const value = column(row, name);
  if (typeof value !== 'boolean') throw wrong(name, value, 'a boolean');
  return value;
}

/** timestamptz / timestamp (node-postgres gives a Date). */
export function date(row: SqlRow, name: string): Date {
  const value = column(row, name);
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw wrong(name, value, 'a valid Date');
  return value;
}

export function dateOrNull(row: SqlRow, name: string): Date | null {
  return orNull(row, name, date);
}

/** One of the allowed strings: a PostgreSQL enum or a checked varchar, given as the TypeScript enum object or a list. */
export function oneOf<T extends string>(
  row: SqlRow,
  name: string,
  allowed: readonly T[] | Readonly<Record<string, T>>,
): T {
  const value = column(row, name);
  const values: readonly string[] = Array.isArray(allowed) ? allowed : Object.values(allowed);
  if (typeof value !== 'string' || !values.includes(value))
    throw wrong(name, value, `one of ${values.join(', ')}`);
  return value as T;
}

export function oneOfOrNull<T extends string>(
  row: SqlRow,
  name: string,
  allowed: readonly T[] | Readonly<Record<string, T>>,
): T | null {
  return column(row, name) === null ? null : oneOf(row, name, allowed);
}

/** text[] / varchar[] (node-postgres parses arrays of built-in types; arrays of enum types need a ::text[] cast). */
export function strArray(row: SqlRow, name: string): string[] {
  const value = column(row, name);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw wrong(name, value, 'an array of strings');
  return value as string[];
}

/** An array each of whose elements is one of the allowed strings. */
export function oneOfArray<T extends string>(
  row: SqlRow,
  name: string,
  allowed: readonly T[] | Readonly<Record<string, T>>,
): T[] {
  const list = strArray(row, name);
  const values: readonly string[] = Array.isArray(allowed) ? allowed : Object.values(allowed);
  if (!list.every((v) => values.includes(v)))
    throw wrong(name, list, `an array of ${values.join(', ')}`);
  return list as T[];
}

/** A json/jsonb object (not an array, not a scalar). */
export function jsonObject(row: SqlRow, name: string): Record<string, unknown> {
  const value = column(row, name);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date)
    throw wrong(name, value, 'a JSON object');
  return value as Record<string, unknown>;
}

/** A json/jsonb array of objects (json_agg of json_build_object), each readable with the accessors as a row. */
export function jsonRows(row: SqlRow, name: string): SqlRow[] {
  const value = column(row, name);
  if (
    !Array.isArray(value) ||
    !value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
  ) {
    throw wrong(name, value, 'a JSON array of objects');
  }
  return value as SqlRow[];
}

/** Any json/jsonb value, unchecked: for code that must take whatever is stored (the audit chain's verifier). */
export function jsonValue(row: SqlRow, name: string): unknown {
  return column(row, name);
}
