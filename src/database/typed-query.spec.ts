import { describe, expect, it } from '@jest/globals';
import {
  bool,
  date,
  dateOrNull,
  execute,
  int,
  intOrNull,
  jsonObject,
  jsonRows,
  num,
  oneOf,
  oneOfArray,
  oneOfOrNull,
  queryOne,
  queryRows,
  RowShapeError,
  SqlTarget,
  str,
  strArray,
  strOrNull,
} from './typed-query.js';

/** A stand-in for TypeORM's `query`: answers as its PostgreSQL driver does (rows, or [rows, count] for UPDATE/DELETE). */
function target(answer: unknown): SqlTarget & { calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  return {
    calls,
    query: (sql: string, params: unknown[]) => {
      calls.push([sql, params]);
      return Promise.resolve(answer);
    },
  } as unknown as SqlTarget & { calls: [string, unknown[]][] };
}

describe('queryRows / queryOne', () => {
  it('maps every row of a SELECT through the mapper, passing the SQL and parameters unchanged', async () => {
    const t = target([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
    const rows = await queryRows(t, 'SELECT id, n FROM x WHERE y = $1', [7], (r) => ({
      id: str(r, 'id'),
      n: int(r, 'n'),
    }));
    expect(rows).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
    expect(t.calls).toEqual([['SELECT id, n FROM x WHERE y = $1', [7]]]);
  });

  it('reads the rows of an UPDATE ... RETURNING, which TypeORM answers as [rows, rowCount]', async () => {
    const rows = await queryRows(
      target([[{ id: 'a' }], 1]),
      'UPDATE x SET y = 1 RETURNING id',
      [],
      (r) => str(r, 'id'),
    );
    expect(rows).toEqual(['a']);
    expect(
      await queryRows(target([[], 0]), 'UPDATE x SET y = 1 RETURNING id', [], (r) => str(r, 'id')),
    ).toEqual([]);
  });

  it('does not take a SELECT of two rows for [rows, rowCount]', async () => {
    const rows = await queryRows(target([{ id: 'a' }, { id: 'b' }]), 'SELECT id FROM x', [], (r) =>
      str(r, 'id'),
    );
    expect(rows).toEqual(['a', 'b']);
  });

  it('queryOne gives the first row mapped, or undefined', async () => {
    expect(
      await queryOne(target([{ id: 'a' }, { id: 'b' }]), 'SELECT', [], (r) => str(r, 'id')),
    ).toBe('a');
    expect(await queryOne(target([]), 'SELECT', [], (r) => str(r, 'id'))).toBeUndefined();
    expect(await queryOne(target([[], 0]), 'UPDATE', [], (r) => str(r, 'id'))).toBeUndefined();
  });

  it('refuses an answer that is not rows', async () => {
    await expect(queryRows(target(undefined), 'SELECT', [], (r) => r)).rejects.toThrow(
      RowShapeError,
    );
  });

  it('execute runs the statement and ignores its answer', async () => {
    const t = target([[], 3]);
    await expect(execute(t, 'DELETE FROM x WHERE id = $1', ['a'])).resolves.toBeUndefined();
    expect(t.calls).toEqual([['DELETE FROM x WHERE id = $1', ['a']]]);
  });
});

describe('column accessors', () => {
  const when = new Date('2026-01-02T03:04:05.678Z');
  const row = {
    s: 'text',
    n: null,
    i: 42,
    big: '9007199254740991',
    f: 1.5,
    numeric: '12.50',
    b: false,
    d: when,
    arr: ['ADMIN', 'EXPERT'],
    obj: { a: 1 },
    list: [{ code: 'X' }],
  };

  it('return the value when the column has the expected type', () => {
    expect(str(row, 's')).toBe('text');
    expect(strOrNull(row, 'n')).toBeNull();
    expect(strOrNull(row, 's')).toBe('text');
    expect(int(row, 'i')).toBe(42);
    expect(int(row, 'big')).toBe(9007199254740991);
    expect(intOrNull(row, 'n')).toBeNull();
    expect(num(row, 'f')).toBe(1.5);
    expect(num(row, 'numeric')).toBe(12.5);
    expect(bool(row, 'b')).toBe(false);
    expect(date(row, 'd')).toBe(when);
    expect(dateOrNull(row, 'n')).toBeNull();
    expect(strArray(row, 'arr')).toEqual(['ADMIN', 'EXPERT']);
    expect(oneOfArray(row, 'arr', ['ADMIN', 'EXPERT'] as const)).toEqual(['ADMIN', 'EXPERT']);
    expect(jsonObject(row, 'obj')).toEqual({ a: 1 });
    expect(jsonRows(row, 'list').map((r) => str(r, 'code'))).toEqual(['X']);
  });

  it('oneOf accepts a TypeScript enum object or a list, and nothing else', () => {
    enum Tier {
      FOUNDING = 'FOUNDING',
      GENERAL = 'GENERAL',
    }
    expect(oneOf({ t: 'GENERAL' }, 't', Tier)).toBe(Tier.GENERAL);
    expect(oneOf({ t: 'SME' }, 't', ['ENTERPRISE', 'SME'] as const)).toBe('SME');
    expect(oneOfOrNull({ t: null }, 't', Tier)).toBeNull();
    expect(() => oneOf({ t: 'OTHER' }, 't', Tier)).toThrow(
      'Column "t" is a string, expected one of FOUNDING, GENERAL',
    );
    expect(() => oneOfArray(row, 'arr', ['ADMIN'] as const)).toThrow(RowShapeError);
  });

  it('name the column and the types when a value has the wrong type', () => {
    expect(() => str(row, 'i')).toThrow('Column "i" is a number, expected a string');
    expect(() => str(row, 'n')).toThrow('Column "n" is null, expected a string');
    expect(() => int(row, 'f')).toThrow('Column "f" is a number, expected an integer');
    expect(() => int(row, 'numeric')).toThrow('Column "numeric" is a string, expected an integer');
    expect(() => int({ x: '9007199254740993' }, 'x')).toThrow(RowShapeError);
    expect(() => num(row, 's')).toThrow('Column "s" is a string, expected a number');
    expect(() => bool(row, 's')).toThrow('Column "s" is a string, expected a boolean');
    expect(() => date(row, 's')).toThrow('Column "s" is a string, expected a valid Date');
    expect(() => date({ d: new Date(NaN) }, 'd')).toThrow(RowShapeError);
    expect(() => strArray({ a: '{ADMIN}' }, 'a')).toThrow(
      'Column "a" is a string, expected an array of strings',
    );
    expect(() => jsonObject(row, 'arr')).toThrow(
      'Column "arr" is an array, expected a JSON object',
    );
    expect(() => jsonRows(row, 'obj')).toThrow(
      'Column "obj" is an object, expected a JSON array of objects',
    );
  });

  it('name a missing column (a typo in the SQL or the mapper) with the columns the row has', () => {
    expect(() => str({ id: 'a', name_zh: 'x' }, 'nameZh')).toThrow(
      'The row has no column "nameZh" (columns: id, name_zh)',
    );
    expect(() => strOrNull({ id: 'a' }, 'missing')).toThrow(RowShapeError);
  });
});
