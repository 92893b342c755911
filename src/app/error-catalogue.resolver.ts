import { Module } from '@nestjs/common';
import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule } from '../common/auth/access.decorator.js';
import { entryCodes, type ErrorReason } from '../common/error-catalogue.js';
import { ERROR_REASONS, ErrorReasonEnum } from './error-catalogue.js';

@ObjectType('ErrorReasonInfo', {
  description:
    'One value of `extensions.reason`: the code(s) it comes with and what it means, in English and in Chinese.',
})
class ErrorReasonInfo {
  @Field(() => ErrorReasonEnum, { description: 'The value as `extensions.reason` carries it.' })
  reason: ErrorReason;

  @Field({ description: 'The module that gives it (`platform` for the service itself).' })
  module: string;

  @Field(() => [String], { description: 'The `extensions.code` values it comes with.' })
  codes: string[];

  @Field({ description: 'What it means, in English.' })
  en: string;

  @Field({ description: 'What it means, in Chinese (zh-CN).' })
  zh: string;
}

/** The error catalogue as a query, so that a client can show what a reason means without a copy of docs/errors.md. */
@Resolver()
export class ErrorCatalogueResolver {
  @Query(() => [ErrorReasonInfo], {
    description:
      'Every value `extensions.reason` can take, with its code(s) and meaning in both languages (the whole catalogue: about 150 entries, fixed by the release).',
  })
  @Access(AccessRule.PUBLIC)
  errorReasons(): ErrorReasonInfo[] {
    return ERROR_REASONS.map(({ reason, module, entry }) => ({
      reason,
      module,
      codes: [...entryCodes(entry)],
      en: entry.en,
      zh: entry.zh,
    }));
  }
}

@Module({ providers: [ErrorCatalogueResolver] })
export class ErrorCatalogueModule {}
