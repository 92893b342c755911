import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { UserInputError } from '../errors.js';
import { isUuid } from '../uuid.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when omitted.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

/**
 * Lists page forward only (`first`, `after`): each list is keyset-paged by its own statement, whose order and
 * cursor comparison are written for one direction; a backward page would need each statement written a second
 * time, reversed, so `last`/`before` are not offered.
 */
@ObjectType({
  description:
    'Where a page sits in its list. Lists page forward only (first/after): each is keyset-paged by its own ' +
    'statement in one direction, so last/before are not offered.',
})
export class PageInfo {
  @Field({
    description: 'Whether rows follow this page (the statement fetched one row more than `first`).',
  })
  hasNextPage: boolean;

  @Field({
    description:
      'True exactly when `after` was given: the page then starts after the row that cursor names, which ' +
      'precedes it. Whether that row is still in the list is not checked again. False on the first page.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the first edge; null when the page is empty.',
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The cursor of the last edge, to pass as `after` for the next page; null when the page is empty.',
  })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/**
 * A Relay-style connection type for `T`:
 * `{ edges { cursor node } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }`.
 */
export function Connection<T>(node: Type<T>, name = node.name) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class EdgeType {
    @Field({
      description:
        'Opaque position of this row in its list: pass it as `after` to read what follows.',
    })
    cursor: string;

    @Field(() => node, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], {
      description: 'This page, in the order of the list; empty at its end.',
    })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/** Cursors carry the sort key of the last row, opaque to clients (base64url JSON). */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * What each position of a cursor must hold: an instant as written by `toISOString()`, a UUID, a
 * non-negative integer (as a string of digits), a string matching a pattern (a code), or one of a fixed set of
 * values (an enum).
 */
export type CursorKey = 'timestamp' | 'uuid' | 'bigint' | RegExp | readonly string[];

const CURSOR_CHECKS: Record<
  Exclude<CursorKey, RegExp | readonly string[]>,
  (v: unknown) => boolean
> = {
  // Years 1 to 9999 only: PostgreSQL refuses some instants JavaScript accepts (e.g. before 4713 BC).
  timestamp: (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(v) &&
    !Number.isNaN(Date.parse(v)) &&
    !v.startsWith('0000'),
  uuid: isUuid,
  bigint: (v) => typeof v === 'string' && /^\d{1,18}$/.test(v),
};

/**
 * Decodes a cursor of this list. With `shape` as a list of keys, every position is checked too, so a
 * tampered cursor is BAD_USER_INPUT rather than a database error; a number is only the arity.
 */
export function decodeCursor(
  cursor: string,
  shape: number | readonly CursorKey[],
  field = 'after',
): (string | number | null)[] {
  const arity = typeof shape === 'number' ? shape : shape.length;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number') &&
      (typeof shape === 'number' ||
        shape.every((key, i) =>
          typeof key === 'string'
            ? CURSOR_CHECKS[key as keyof typeof CURSOR_CHECKS](values[i])
            : key instanceof RegExp
              ? typeof values[i] === 'string' && key.test(values[i])
              : key.includes(values[i] as string),
        ))
    ) {
      return values as (string | number | null)[];
    }
  } catch {
    // fall through
  }
  throw UserInputError.field(field, 'is not a cursor returned by this list');
}

/**
 * Builds a connection from rows fetched with `LIMIT first + 1` (the extra row only says whether
 * another page exists); `after` is the cursor the page was asked for with (hasPreviousPage).
 */
export function toConnection<R, T>(
  rows: R[],
  first: number,
  cursorOf: (row: R) => string,
  map: (row: R) => T,
  after: string | null | undefined,
): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: cursorOf(row), node: map(row) }));
  return { edges, pageInfo: pageInfoOf(edges, rows.length > first, after) };
}

/** The PageInfo of a page of edges (see PageInfo for what each field means). */
export function pageInfoOf(
  edges: readonly Edge<unknown>[],
  hasNextPage: boolean,
  after: string | null | undefined,
): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage: Boolean(after),
    startCursor: edges.length ? edges[0].cursor : null,
    endCursor: edges.length ? edges[edges.length - 1].cursor : null,
  };
}

export function pageSize(args: ConnectionArgs): number {
  return args.first ?? DEFAULT_PAGE_SIZE;
}

/** The position of a row in a list keyset-paged on (a time, an id): `[ISO instant, uuid]`. */
export type TimeIdKey = [string, string];

/**
 * One page of a list keyset-paged on (a time, an id), the common shape: decodes `after` (BAD_USER_INPUT when it
 * is not such a cursor), lets `fetch` read `first + 1` rows after that key in the list's own order, and builds
 * the connection with each row's cursor from `keyOf`.
 */
export async function timeIdPage<R, T = R>(
  args: ConnectionArgs,
  fetch: (limit: number, after: TimeIdKey | null) => Promise<R[]>,
  keyOf: (row: R) => readonly [Date, string],
  map: (row: R) => T = (row) => row as unknown as T,
): Promise<ConnectionShape<T>> {
  const first = pageSize(args);
  const after = args.after ? (decodeCursor(args.after, ['timestamp', 'uuid']) as TimeIdKey) : null;
  const rows = await fetch(first + 1, after);
  return toConnection(
    rows,
    first,
    (row) => {
      const [at, id] = keyOf(row);
      return encodeCursor([at.toISOString(), id]);
    },
    map,
    args.after,
  );
}
