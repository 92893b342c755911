import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { Persona } from './support/factories/index.js';
import { operationDocument, type RootOperation, schemaWalk } from './support/schema-walk.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { dummy } from './support/schema-values.js';

// Each walk sends hundreds of requests: on a loaded 2-core machine that outlasts the default 30 s (no timing is asserted).
jest.setTimeout(180_000);

/**
 * Abusive input, table-driven over the whole schema: every argument and every input field (nested too) of
 * every query and mutation gets very long strings, NUL bytes, malformed ids, absurd numbers and dates, and
 * malformed cursors. None may ever answer INTERNAL_SERVER_ERROR; long text and NUL bytes must be
 * BAD_USER_INPUT naming the field.
 */

interface Leaf {
  /** Path from the argument: [argName, field, field, ...]; a list level is entered through its first element. */
  path: { name: string; type: GraphQLInputType }[];
  scalar: string;
}

function leaves(
  name: string,
  type: GraphQLInputType,
  prefix: Leaf['path'],
  depth: number,
  out: Leaf[],
): void {
  const path = [...prefix, { name, type }];
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    if (depth > 3) return;
    for (const f of Object.values(named.getFields())) leaves(f.name, f.type, path, depth + 1, out);
  } else if (isScalarType(named)) {
    out.push({ path, scalar: named.name });
  }
}

/** Builds the arguments: required ones as dummies, then `value` placed at the leaf (lists get one element). */
function argsWith(
  args: readonly GraphQLArgument[],
  leaf: Leaf,
  value: unknown,
): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const a of args) if (isNonNullType(a.type)) root[a.name] = dummy(a.type);
  let holder: Record<string, unknown> = root;
  leaf.path.forEach((step, i) => {
    const last = i === leaf.path.length - 1;
    const isList = isListType(isNonNullType(step.type) ? step.type.ofType : step.type);
    if (last) {
      holder[step.name] = isList ? [value] : value;
      return;
    }
    const named = getNamedType(step.type) as GraphQLInputType;
    const existing = holder[step.name];
    const next = (isList ? Array.isArray(existing) && existing[0] : existing) as
      Record<string, unknown> | undefined;
    const obj = next && typeof next === 'object' ? next : (dummy(named) as Record<string, unknown>);
    holder[step.name] = isList ? [obj] : obj;
    holder = obj;
  });
  return root;
}

const LONG = 'x'.repeat(100_001);
const NUL = 'a\u0000b';

/** Free text that is not limited on purpose: secrets whose length says nothing (refused otherwise), and search input. */
const LONG_TEXT_NOT_BAD_INPUT = new Set<string>([]);

interface Probe {
  op: string;
  where: string;
  variant: string;
  code: string | undefined;
  fields: string[];
  message: string;
}

describe('abusive input never causes a server error', () => {
  let t: TestApp;
  let persona: Persona;
  let ops: RootOperation[];

  beforeAll(async () => {
    t = await startTestApp();
    ({ persona, ops } = await schemaWalk(t, '输入测试企业'));
  });
  afterAll(() => t.close());

  async function probe(
    kind: 'query' | 'mutation',
    field: GraphQLField<unknown, unknown>,
    variables: Record<string, unknown>,
    where: string,
    variant: string,
  ): Promise<Probe> {
    const res = await t.gql
      .as(persona.token)
      .send(operationDocument(kind, field, variables), variables);
    const error = res.errors?.[0];
    return {
      op: field.name,
      where,
      variant,
      code: error?.extensions?.code ?? (res.status >= 500 ? `HTTP ${res.status}` : undefined),
      fields: (error?.extensions?.fields ?? []).map((f) => f.field),
      message: error?.message ?? '',
    };
  }

  async function run(
    variants: (leaf: Leaf) => { name: string; value: unknown }[],
  ): Promise<Probe[]> {
    const probes: Probe[] = [];
    for (const { kind, field } of ops) {
      const all: Leaf[] = [];
      for (const a of field.args) leaves(a.name, a.type, [], 0, all);
      for (const leaf of all) {
        for (const v of variants(leaf)) {
          const where = leaf.path.map((s) => s.name).join('.');
          probes.push(await probe(kind, field, argsWith(field.args, leaf, v.value), where, v.name));
        }
      }
    }
    return probes;
  }

  const serverErrors = (probes: Probe[]) =>
    probes.filter((p) => p.code === 'INTERNAL_SERVER_ERROR' || p.code?.startsWith('HTTP 5'));

  it('very long strings in every text field: BAD_USER_INPUT naming the field', async () => {
    const probes = await run((leaf) =>
      leaf.scalar === 'String' ? [{ name: 'long', value: LONG }] : [],
    );
    expect(probes.length).toBeGreaterThan(100);
    // nested input fields are reached too
    for (const where of [
      'submitProposal:input.content.title',
      'submitProposal:input.content.milestones.deliverable',
      'createChallenge:input.requirements.name',
      'challenges:filter.search',
    ]) {
      expect(probes.map((p) => `${p.op}:${p.where}`)).toContain(where);
    }
    expect(serverErrors(probes)).toEqual([]);
    const leaf = (p: Probe) => p.where.split('.').pop()!;
    const notRefused = probes.filter(
      (p) =>
        !LONG_TEXT_NOT_BAD_INPUT.has(`${p.op}.${p.where}`) &&
        !(p.code === 'BAD_USER_INPUT' && p.fields.some((f) => f.split('.').includes(leaf(p)))),
    );
    expect(notRefused).toEqual([]);
  });

  it('NUL bytes in every text field: BAD_USER_INPUT naming the field, never a database error', async () => {
    const probes = await run((leaf) =>
      leaf.scalar === 'String' ? [{ name: 'nul', value: NUL }] : [],
    );
    expect(serverErrors(probes)).toEqual([]);
    const leaf = (p: Probe) => p.where.split('.').pop()!;
    expect(
      probes.filter(
        (p) =>
          !(p.code === 'BAD_USER_INPUT' && p.fields.some((f) => f.split('.').includes(leaf(p)))),
      ),
    ).toEqual([]);
  });

  it('malformed and unknown ids in every ID argument and field: NOT_FOUND or BAD_USER_INPUT (or a refusal), never a server error', async () => {
    const probes = await run((leaf) =>
      leaf.scalar === 'ID'
        ? [
            { name: 'not-a-uuid', value: 'not-a-uuid' },
            { name: 'bad hex', value: '00000000-0000-4000-8000-00000000000g' },
            { name: 'sql', value: "1' OR '1'='1" },
            { name: 'empty', value: '' },
            { name: 'unknown uuid', value: 'ffffffff-ffff-4fff-bfff-ffffffffffff' },
          ]
        : [],
    );
    expect(probes.length).toBeGreaterThan(50);
    expect(serverErrors(probes)).toEqual([]);
    const malformed = probes.filter((p) => p.variant !== 'unknown uuid' && p.code !== undefined);
    expect(
      malformed.filter(
        (p) => !['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'].includes(p.code!),
      ),
    ).toEqual([]);
    // a malformed id never succeeds
    expect(
      probes.filter(
        (p) =>
          p.variant !== 'unknown uuid' &&
          p.code === undefined &&
          p.op !== 'challenges' &&
          p.op !== 'challengeFacets',
      ),
    ).toEqual([]);
  });

  it('negative, huge and fractional money and counts: refused as input, never a server error', async () => {
    const probes = await run((leaf) => {
      if (leaf.scalar === 'Fen') {
        return [
          { name: 'negative', value: '-1' },
          { name: 'beyond bigint', value: '99999999999999999999999999' },
          { name: 'fraction', value: '1.5' },
          { name: 'exponent', value: '1e9' },
          { name: 'number beyond 2^53', value: 2 ** 60 },
          { name: 'text', value: 'ten yuan' },
        ];
      }
      if (leaf.scalar === 'Int') {
        return [
          { name: 'negative', value: -1 },
          { name: 'max int', value: 2147483647 },
          { name: 'min int', value: -2147483648 },
          { name: 'zero', value: 0 },
        ];
      }
      return [];
    });
    expect(probes.length).toBeGreaterThan(30);
    expect(serverErrors(probes)).toEqual([]);
    expect(
      probes.filter(
        (p) =>
          p.variant !== 'zero' &&
          p.variant !== 'max int' &&
          p.code === undefined &&
          /Fen$/.test(p.where),
      ),
    ).toEqual([]);
  });

  it('dates far in the past and the future: refused or handled, never a server error', async () => {
    const probes = await run((leaf) =>
      leaf.scalar === 'DateTime'
        ? [
            { name: 'year 1', value: '0001-01-01T00:00:00Z' },
            { name: 'before 4713 BC', value: '-271821-04-20T00:00:00Z' },
            { name: 'year 9999', value: '9999-12-31T23:59:59Z' },
            { name: 'beyond PostgreSQL', value: '+275760-09-13T00:00:00Z' },
            { name: 'not a date', value: '2027-02-30T00:00:00Z' },
          ]
        : [],
    );
    expect(probes.length).toBeGreaterThan(5);
    expect(serverErrors(probes)).toEqual([]);
  });

  it('malformed cursors in every list: BAD_USER_INPUT', async () => {
    const cursors = [
      'garbage',
      Buffer.from('["x"]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[1,2,3,4,5,6,7,8,9,10]').toString('base64url'),
      Buffer.from('["2027-01-01T00:00:00Z","not-a-uuid"]').toString('base64url'),
      Buffer.from('["99999999999999999999999","00000000-0000-4000-8000-000000000000"]').toString(
        'base64url',
      ),
      Buffer.from(`["${'9'.repeat(400)}"]`).toString('base64url'),
      Buffer.from('[null,null]').toString('base64url'),
      '\u0000',
    ];
    const probes: Probe[] = [];
    for (const { kind, field } of ops) {
      const after = field.args.find((a) => a.name === 'after');
      if (!after) continue;
      for (const cursor of cursors) {
        const leaf: Leaf = { path: [{ name: 'after', type: after.type }], scalar: 'String' };
        probes.push(
          await probe(
            kind,
            field,
            argsWith(field.args, leaf, cursor),
            'after',
            cursor.slice(0, 30),
          ),
        );
        const search = field.args.find((a) => a.name === 'filter')
          ? { ...argsWith(field.args, leaf, cursor), orderBy: undefined }
          : null;
        if (search && field.args.find((a) => a.name === 'orderBy')) {
          for (const orderBy of ['NEWEST', 'DEADLINE_SOONEST', 'BUDGET_HIGHEST']) {
            const variables = { ...argsWith(field.args, leaf, cursor), orderBy };
            const res = await t.gql
              .as(persona.token)
              .send(
                `query($after: String, $orderBy: ChallengeOrderBy) { ${field.name}(after: $after, orderBy: $orderBy) { __typename } }`,
                variables,
              );
            probes.push({
              op: field.name,
              where: `after/${orderBy}`,
              variant: cursor.slice(0, 30),
              code: res.errors?.[0]?.extensions?.code,
              fields: [],
              message: res.errors?.[0]?.message ?? '',
            });
          }
        }
      }
    }
    expect(probes.length).toBeGreaterThan(50);
    // myChallenges refuses a caller outside an enterprise before it reads the cursor
    expect(
      probes.filter(
        (p) => p.code !== 'BAD_USER_INPUT' && !(p.op === 'myChallenges' && p.code === 'FORBIDDEN'),
      ),
    ).toEqual([]);
  });
});
