import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  IsDate,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { JsonScalar, type JsonValue } from '../../common/graphql/json.scalar.js';
import { Connection, ConnectionArgs } from '../../common/pagination/connection.js';
import { trim } from '../../common/transforms.js';
import { ChainProblem } from '../audit-hash.js';

registerEnumType(ChainProblem, {
  name: 'AuditChainProblem',
  description: 'How a link of the audit chain is broken.',
  valuesMap: {
    SEQUENCE_GAP: {
      description: 'The seq is not the previous one plus 1 (a row removed or reordered).',
    },
    PREVIOUS_HASH_MISMATCH: { description: "prev_hash is not the previous row's hash." },
    HASH_MISMATCH: {
      description: "The row's content does not give its hash (the row was altered).",
    },
  },
});

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field({
    description: 'Position in the chain (1, 2, ...): a 64-bit integer as a decimal string.',
  })
  seq: string;

  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Null for the system.' })
  actorUserId: string | null;

  @Field(() => String, { nullable: true })
  actorDisplayName: string | null;

  @Field()
  action: string;

  @Field()
  entityType: string;

  @Field()
  entityId: string;

  @Field(() => ID, { nullable: true })
  organizationId: string | null;

  @Field(() => String, { nullable: true })
  fromState: string | null;

  @Field(() => String, { nullable: true })
  toState: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field(() => JsonScalar, {
    description:
      'Further details, a JSON object (the hash covers its canonical JSON text: keys sorted, no whitespace).',
  })
  data: JsonValue;

  @Field()
  prevHash: string;

  @Field()
  hash: string;
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEventType, 'AuditEvent') {}

@InputType()
export class AuditEventFilterInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @Matches(/^[A-Z][A-Z0-9_]{1,79}$/, { message: 'action must be an UPPER_SNAKE action name' })
  action?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  entityType?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'actorUserId must be a UUID' })
  actorUserId?: string;

  @Field({ nullable: true, description: 'Events at or after this time.' })
  @IsOptional()
  @IsDate()
  since?: Date;

  @Field({ nullable: true, description: 'Events before this time.' })
  @IsOptional()
  @IsDate()
  until?: Date;
}

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditEventFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilterInput)
  filter?: AuditEventFilterInput;
}

@ObjectType('AuditChainReport')
export class AuditChainReportType {
  @Field()
  ok: boolean;

  @Field(() => Int, { description: 'Events checked, up to and including the first broken one.' })
  checked: number;

  @Field(() => String, {
    nullable: true,
    description: 'The seq of the first broken link: a 64-bit integer as a decimal string.',
  })
  firstBrokenSeq: string | null;

  @Field(() => ID, { nullable: true })
  firstBrokenId: string | null;

  @Field(() => ChainProblem, {
    nullable: true,
    description: 'How the first broken link is broken.',
  })
  problem: ChainProblem | null;
}
