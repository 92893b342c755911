import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  type GraphQLField,
  type GraphQLSchema,
  isEnumType,
  isScalarType,
} from 'graphql';
import { PlatformRole } from '../../src/common/auth/actor.js';
import { createUser, creditCode, type Persona } from './factories/index.js';
import type { TestApp } from './test-app.js';

/** One root operation of the schema, for the tests that walk every query and mutation. */
export interface RootOperation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

/**
 * What the schema walks need: the served schema, every query and mutation (but logout and changePassword, which
 * would end the session the probes run with), and a persona that passes every access rule, an admin and expert
 * who owns a verified SME (so that each operation reaches its input validation and service, and the SME's own
 * lists read their cursors).
 */
export async function schemaWalk(
  t: TestApp,
  smeName: string,
): Promise<{ schema: GraphQLSchema; persona: Persona; ops: RootOperation[] }> {
  const schema = t.app.get(GraphQLSchemaHost).schema;
  const persona = await createUser(t, { roles: [PlatformRole.ADMIN, PlatformRole.EXPERT] });
  const { rows } = await t.sql.query(
    `INSERT INTO organizations (kind, name_zh, credit_code, region_code, verification_status) VALUES ('SME', $1, $2, '320000', 'VERIFIED') RETURNING id`,
    [smeName, creditCode('320000')],
  );
  await t.sql.query(
    `INSERT INTO smes (organization_id, size_class, qualification) VALUES ($1, 'SMALL', 'NONE')`,
    [rows[0].id],
  );
  await t.sql.query(
    `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`,
    [persona.id, rows[0].id],
  );
  const ops: RootOperation[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (['logout', 'changePassword'].includes(field.name)) continue;
      ops.push({ kind, field });
    }
  }
  return { schema, persona, ops };
}

/** The document calling `field` with the given variables (each declared with its argument's type) and the least selection. */
export function operationDocument(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown>,
): string {
  const used = field.args.filter((a) => a.name in variables);
  const defs = used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
  return `${kind}${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
}
