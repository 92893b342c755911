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

@ObjectType('AuditEvent', {
  description: 'One entry of the append-only, hash-chained audit trail.',
})
export class AuditEventType {
  @Field({
    description: 'Position in the chain (1, 2, ...): a 64-bit integer as a decimal string.',
  })
  seq: string;

  @Field(() => ID, { description: 'Event id.' })
  id: string;

  @Field({ description: 'Database time of the action.' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Null for the system.' })
  actorUserId: string | null;

  @Field(() => String, {
    description: "The acting user's display name; null for the system.",
    nullable: true,
  })
  actorDisplayName: string | null;

  @Field({
    description: 'What was done, e.g. CHALLENGE_PUBLISHED, SUBMIT or PROPOSAL_CONTENT_READ.',
  })
  action: string;

  @Field({ description: 'Kind of the object acted on, e.g. Challenge, Proposal, Organization.' })
  entityType: string;

  @Field({ description: 'Id of the object acted on.' })
  entityId: string;

  @Field(() => ID, {
    description: 'The organisation the action concerns; null when none.',
    nullable: true,
  })
  organizationId: string | null;

  @Field(() => String, {
    description: 'Status before the action; null when it changed no status.',
    nullable: true,
  })
  fromState: string | null;

  @Field(() => String, {
    description: 'Status after the action; null when it changed no status.',
    nullable: true,
  })
  toState: string | null;

  @Field(() => String, { description: 'The reason given with the action, if any.', nullable: true })
  reason: string | null;

  @Field(() => String, {
    description:
      'The server-generated id of the request that acted; null for actions taken by the system.',
    nullable: true,
  })
  requestId: string | null;

  @Field(() => JsonScalar, {
    description:
      'Further details, a JSON object (the hash covers its canonical JSON text: keys sorted, no whitespace).',
  })
  data: JsonValue;

  @Field({ description: "The previous event's hash (64 zeros for the first event)." })
  prevHash: string;

  @Field({ description: "SHA-256 (hex) of this event's canonical JSON, chained to prevHash." })
  hash: string;
}

@ObjectType({ description: 'A page of audit events.' })
export class AuditEventConnection extends Connection(AuditEventType, 'AuditEvent') {}

@InputType({ description: 'Filters the audit trail; all given conditions must hold.' })
export class AuditEventFilterInput {
  @Field({ description: 'Only this action.', nullable: true })
  @IsOptional()
  @Transform(trim)
  @Matches(/^[A-Z][A-Z0-9_]{1,79}$/, { message: 'action must be an UPPER_SNAKE action name' })
  action?: string;

  @Field({ description: 'Only events on this kind of object.', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  entityType?: string;

  @Field({ description: 'Only events on this object.', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @Field(() => ID, { description: 'Only events concerning this organisation.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @Field(() => ID, { description: 'Only events of this user.', nullable: true })
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
  @Field(() => AuditEventFilterInput, {
    description: 'Narrows the trail; every event when omitted.',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilterInput)
  filter?: AuditEventFilterInput;
}

@ObjectType('AuditChainReport', {
  description: "The result of checking the audit trail's hash chain (platform admins).",
})
export class AuditChainReportType {
  @Field({ description: 'True when every link of the chain holds.' })
  ok: boolean;

  @Field(() => Int, { description: 'Events checked, up to and including the first broken one.' })
  checked: number;

  @Field(() => String, {
    nullable: true,
    description: 'The seq of the first broken link: a 64-bit integer as a decimal string.',
  })
  firstBrokenSeq: string | null;

  @Field(() => ID, {
    description: "The first broken event's id; null when the chain is intact.",
    nullable: true,
  })
  firstBrokenId: string | null;

  @Field(() => ChainProblem, {
    nullable: true,
    description: 'How the first broken link is broken.',
  })
  problem: ChainProblem | null;
}
