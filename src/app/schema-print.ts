import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  GRAPHQL_SDL_FILE_HEADER,
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
} from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { DOMAIN_MODULES } from './app.module.js';

/**
 * `npm run schema:print [file]`: writes the GraphQL schema the service serves (schema.graphql by default)
 * without a database: the resolvers of the product's modules, built and printed as the running service
 * prints it in development (sorted, with Nest's header). CI compares the result with the committed file.
 */
type Resolvers = Parameters<GraphQLSchemaFactory['create']>[0];
type Class = Resolvers[number];
type ModuleLike =
  | Class
  | { module?: Class; imports?: unknown[]; providers?: unknown[] }
  | Promise<unknown>
  | undefined;

function providersOf(
  modules: readonly ModuleLike[],
  seen = new Set<unknown>(),
  out = new Set<Class>(),
): Set<Class> {
  for (const entry of modules) {
    if (!entry || entry instanceof Promise || seen.has(entry)) continue;
    seen.add(entry);
    const cls = typeof entry === 'function' ? entry : entry.module;
    const imports = [
      ...(cls ? ((Reflect.getMetadata('imports', cls) as ModuleLike[] | undefined) ?? []) : []),
      ...((typeof entry === 'object' && (entry.imports as ModuleLike[])) || []),
    ];
    const providers = [
      ...(cls ? ((Reflect.getMetadata('providers', cls) as unknown[] | undefined) ?? []) : []),
      ...((typeof entry === 'object' && entry.providers) || []),
    ];
    for (const provider of providers) {
      // Every class provider: the schema factory keeps the queries, mutations and fields declared on them.
      if (typeof provider === 'function') out.add(provider);
    }
    providersOf(imports, seen, out);
  }
  return out;
}

@Module({ imports: [GraphQLSchemaBuilderModule] })
class SchemaPrintModule {}

async function main(): Promise<void> {
  const file = process.argv[2] ?? 'schema.graphql';
  const app = await NestFactory.createApplicationContext(SchemaPrintModule, { logger: false });
  const schema = await app.get(GraphQLSchemaFactory).create([...providersOf(DOMAIN_MODULES)]);
  writeFileSync(file, GRAPHQL_SDL_FILE_HEADER + printSchema(lexicographicSortSchema(schema)));
  await app.close();
  process.stdout.write(`wrote ${file}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
