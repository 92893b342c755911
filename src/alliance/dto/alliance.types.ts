import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { VerificationStatus } from '../../organizations/index.js';
import { AllianceMembershipStatus, AllianceTier } from '../alliance-membership.entity.js';

registerEnumType(AllianceMembershipStatus, { name: 'AllianceMembershipStatus' });
registerEnumType(AllianceTier, { name: 'AllianceTier' });

/** A public entry of the alliance's member list (ACTIVE members only). */
@ObjectType('AllianceMember')
export class AllianceMemberType {
  @Field(() => ID)
  enterpriseId: string;

  @Field()
  nameZh: string;

  @Field(() => String, { nullable: true })
  nameEn: string | null;

  @Field(() => AllianceTier)
  tier: AllianceTier;

  @Field({ description: 'Member since (admission).' })
  since: Date;

  @Field()
  isChainLeader: boolean;

  @Field()
  regionCode: string;
}

@ObjectType()
export class AllianceMemberConnection extends Connection(AllianceMemberType, 'AllianceMember') {}

@ObjectType('AllianceEnterpriseSummary')
export class AllianceEnterpriseSummary {
  @Field(() => ID)
  id: string;

  @Field()
  nameZh: string;

  @Field(() => String, { nullable: true })
  nameEn: string | null;

  @Field()
  creditCode: string;

  @Field(() => VerificationStatus)
  verificationStatus: VerificationStatus;
}

/** One application and the membership that follows it (admins, and the enterprise itself). */
@ObjectType('AllianceMembership')
export class AllianceMembershipType {
  @Field(() => ID)
  id: string;

  @Field(() => AllianceEnterpriseSummary)
  enterprise: AllianceEnterpriseSummary;

  @Field(() => AllianceMembershipStatus)
  status: AllianceMembershipStatus;

  @Field(() => AllianceTier, { nullable: true })
  tier: AllianceTier | null;

  @Field()
  statement: string;

  @Field()
  appliedAt: Date;

  @Field(() => Date, { nullable: true })
  admittedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The reason given with the last status change.',
  })
  statusReason: string | null;

  @Field()
  statusChangedAt: Date;
}

@ObjectType()
export class AllianceMembershipConnection extends Connection(
  AllianceMembershipType,
  'AllianceMembership',
) {}

/** The fields of every mutation that changes one alliance membership; each mutation has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class AllianceMembershipPayload {
  @Field(() => AllianceMembershipType, { description: 'The membership after the change.' })
  membership: AllianceMembershipType;
}

@ObjectType({ description: 'The result of applyToAlliance: the new APPLIED membership.' })
export class ApplyToAlliancePayload extends AllianceMembershipPayload {}

@ObjectType({ description: 'The result of admitAllianceMember: the ACTIVE membership.' })
export class AdmitAllianceMemberPayload extends AllianceMembershipPayload {}

@ObjectType({ description: 'The result of rejectAllianceApplication: the REJECTED membership.' })
export class RejectAllianceApplicationPayload extends AllianceMembershipPayload {}

@ObjectType({ description: 'The result of suspendAllianceMember: the SUSPENDED membership.' })
export class SuspendAllianceMemberPayload extends AllianceMembershipPayload {}

@ObjectType({ description: 'The result of reinstateAllianceMember: the ACTIVE membership.' })
export class ReinstateAllianceMemberPayload extends AllianceMembershipPayload {}

@ObjectType({ description: 'The result of expelAllianceMember: the EXPELLED membership.' })
export class ExpelAllianceMemberPayload extends AllianceMembershipPayload {}

@ObjectType({ description: 'The result of changeAllianceTier: the membership in its new tier.' })
export class ChangeAllianceTierPayload extends AllianceMembershipPayload {}

@ObjectType({ description: 'The result of leaveAlliance: the EXITED membership.' })
export class LeaveAlliancePayload extends AllianceMembershipPayload {}

/** One step of a membership's history, from the audit trail. */
@ObjectType('AllianceMembershipEvent')
export class AllianceMembershipEventType {
  @Field(() => ID)
  membershipId: string;

  @Field()
  action: string;

  @Field(() => AllianceMembershipStatus, { nullable: true })
  fromStatus: AllianceMembershipStatus | null;

  @Field(() => AllianceMembershipStatus, { nullable: true })
  toStatus: AllianceMembershipStatus | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => AllianceTier, {
    nullable: true,
    description: 'The tier after the step, when it set one.',
  })
  tier: AllianceTier | null;

  @Field()
  occurredAt: Date;
}

@ObjectType('MyAllianceMembership')
export class MyAllianceMembershipType {
  @Field(() => AllianceMembershipType, {
    nullable: true,
    description: 'The latest application or membership.',
  })
  current: AllianceMembershipType | null;

  @Field(() => [AllianceMembershipType], { description: 'Every application, newest first.' })
  memberships: AllianceMembershipType[];

  @Field(() => [AllianceMembershipEventType], { description: 'Every step, oldest first.' })
  history: AllianceMembershipEventType[];
}
