import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from './access.decorator.js';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

export interface OperationAccess {
  /** `Query.me`, `Mutation.login`, ... */
  operation: string;
  rule: AccessRule | undefined;
}

/**
 * Lists every root operation of the schema with its access rule, and refuses to start the service
 * when one states none: the guard would refuse it anyway, but a missing rule is a bug to catch early.
 */
@Injectable()
export class AccessRegistry implements OnApplicationBootstrap {
  private operations: OperationAccess[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const found: OperationAccess[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[method] as (
          ...args: unknown[]
        ) => unknown;
        const type = Reflect.getMetadata(RESOLVER_TYPE, handler) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation' && type !== 'Subscription') continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME, handler) as string | undefined) ?? method;
        const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
          handler,
          instance.constructor as new () => unknown,
        ]);
        found.push({ operation: `${type}.${name}`, rule });
      }
    }
    const missing = found.filter((o) => !o.rule).map((o) => o.operation);
    if (missing.length) throw new Error(`operations without an access rule: ${missing.join(', ')}`);
    this.operations = found.sort((a, b) => a.operation.localeCompare(b.operation));
  }

  list(): readonly OperationAccess[] {
    return this.operations;
  }
}
