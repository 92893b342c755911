import { describe, expect, it } from '@jest/globals';
import { constant, StatusStore, statusWriteSql } from './status-writer.js';

const STORE: StatusStore = {
  table: 'proposals',
  statusType: 'proposal_status',
  stamps: { updated_at: constant`now()` },
  organizationColumn: 'organization_id',
};

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('statusWriteSql', () => {
  it('moves one row from the allowed states, locking it and reading the state it leaves', () => {
    const { sql, params } = statusWriteSql(STORE, {
      from: ['DRAFT', 'SUBMITTED'],
      to: 'WITHDRAWN',
      scope: { id: 'p1' },
      match: { organization_id: 'o1' },
    });
    expect(squash(sql)).toBe(
      squash(`UPDATE proposals t SET status = $1::proposal_status, updated_at = now()
        FROM (SELECT t.id, t.status AS from_status FROM proposals t
               WHERE t.id = $3::uuid AND t.organization_id = $4 AND t.status = ANY($2::proposal_status[])
               ORDER BY t.id FOR UPDATE OF t) prev
       WHERE t.id = prev.id
       RETURNING prev.*, t.organization_id::text AS organization_id`),
    );
    expect(params).toEqual(['WITHDRAWN', ['DRAFT', 'SUBMITTED'], 'p1', 'o1']);
  });

  it('moves a list of rows, with parameters for every value and constants only where given', () => {
    const { sql, params } = statusWriteSql(STORE, {
      from: ['UNDER_REVIEW'],
      to: 'NOT_SELECTED',
      scope: { ids: ['p1', 'p2'] },
      set: {
        feedback: { param: "it's '; DROP TABLE proposals; --", cast: 'text' },
        decided_at: constant`now()`,
      },
      previous: ['feedback'],
    });
    expect(squash(sql)).toContain(
      'SET status = $1::proposal_status, updated_at = now(), feedback = $3::text, decided_at = now()',
    );
    expect(squash(sql)).toContain(
      'SELECT t.id, t.status AS from_status, t.feedback AS previous_feedback FROM proposals t WHERE t.id = ANY($4::uuid[]) AND t.status = ANY($2::proposal_status[])',
    );
    expect(sql).not.toContain('DROP');
    expect(params).toEqual([
      'NOT_SELECTED',
      ['UNDER_REVIEW'],
      "it's '; DROP TABLE proposals; --",
      ['p1', 'p2'],
    ]);
  });

  it('moves every row of a scope that satisfies a constant condition (a set-based system move)', () => {
    const { sql, params } = statusWriteSql(STORE, {
      from: ['SUBMITTED'],
      to: 'UNDER_REVIEW',
      scope: { column: 'challenge_id', equals: 'c1', cast: 'uuid' },
      condition: constant`EXISTS (SELECT 1 FROM challenges c WHERE c.id = t.challenge_id AND c.deadline <= now())`,
    });
    expect(squash(sql)).toContain(
      'WHERE t.challenge_id = $3::uuid AND t.status = ANY($2::proposal_status[]) AND (EXISTS (SELECT 1 FROM challenges c WHERE c.id = t.challenge_id AND c.deadline <= now())) ORDER BY t.id FOR UPDATE OF t',
    );
    expect(params).toEqual(['UNDER_REVIEW', ['SUBMITTED'], 'c1']);
  });

  it('refuses a column or type name that is not a plain identifier, and a second status', () => {
    const move = { from: ['DRAFT'], to: 'SUBMITTED', scope: { id: 'p1' } } as const;
    expect(() =>
      statusWriteSql(STORE, { ...move, set: { 'feedback = NULL, status': constant`NULL` } }),
    ).toThrow('Not a column name');
    expect(() =>
      statusWriteSql(STORE, { ...move, set: { feedback: { param: 'x', cast: 'text; DROP' } } }),
    ).toThrow('Not a type name');
    expect(() => statusWriteSql(STORE, { ...move, match: { 'id = id OR TRUE --': 1 } })).toThrow(
      'Not a column name',
    );
    expect(() =>
      statusWriteSql(STORE, { ...move, scope: { column: 'Challenge Id', equals: 'c1' } }),
    ).toThrow('Not a column name');
    expect(() => statusWriteSql(STORE, { ...move, previous: ['tier, password_hash'] })).toThrow(
      'Not a column name',
    );
    expect(() => statusWriteSql(STORE, { ...move, set: { status: constant`'SELECTED'` } })).toThrow(
      'The status is set by the move itself',
    );
  });
});

describe('constant', () => {
  it('keeps the text of a template without values', () => {
    expect(constant`COALESCE(t.published_at, now())`).toEqual({
      text: 'COALESCE(t.published_at, now())',
    });
  });

  it('refuses interpolated values (they must be parameters)', () => {
    const tag = constant as unknown as (s: TemplateStringsArray, ...v: unknown[]) => unknown;
    const value = "x'; DROP TABLE challenges; --";
    expect(() => tag(Object.assign(['a = ', ''], { raw: ['a = ', ''] }), value)).toThrow(
      'constant SQL takes no interpolated values',
    );
  });
});
