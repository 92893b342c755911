import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { VerificationStatus } from '../../organizations/index.js';
import { AllianceMembershipStatus, AllianceTier } from '../alliance-membership.entity.js';

registerEnumType(AllianceMembershipStatus, {
  description:
    'Lifecycle of an alliance membership: APPLIED → ACTIVE or REJECTED; ACTIVE ↔ SUSPENDED; ACTIVE → EXITED or EXPELLED.',
  valuesMap: {
    APPLIED: { description: "Applied, waiting for the platform's decision." },
    ACTIVE: { description: 'Admitted; the enterprise may post challenges.' },
    REJECTED: { description: 'The application was refused.' },
    SUSPENDED: { description: 'Suspended by the platform; may be reinstated.' },
    EXITED: { description: 'The enterprise left the alliance.' },
    EXPELLED: { description: 'Expelled by the platform.' },
  },
  name: 'AllianceMembershipStatus',
});
registerEnumType(AllianceTier, {
  description: "An alliance member's tier.",
  valuesMap: {
    FOUNDING: { description: 'Founding member.' },
    COUNCIL: { description: 'Council member.' },
    MEMBER: { description: 'Ordinary member.' },
  },
  name: 'AllianceTier',
});

/** A public entry of the alliance's member list (ACTIVE members only). */
@ObjectType('AllianceMember', {
  description: 'An active member enterprise of the alliance (public directory).',
})
export class AllianceMemberType {
  @Field(() => ID, { description: "The enterprise's organisation id." })
  enterpriseId: string;

  @Field({ description: 'Chinese name.' })
  nameZh: string;

  @Field(() => String, { description: 'English name; null when not given.', nullable: true })
  nameEn: string | null;

  @Field(() => AllianceTier, { description: "The member's alliance tier." })
  tier: AllianceTier;

  @Field({ description: 'Member since (admission).' })
  since: Date;

  @Field({ description: 'True for an enterprise that leads an industrial chain (链主企业).' })
  isChainLeader: boolean;

  @Field({ description: 'GB/T 2260 region code of the enterprise.' })
  regionCode: string;
}

@ObjectType({ description: "A page of the alliance's active members." })
export class AllianceMemberConnection extends Connection(AllianceMemberType, 'AllianceMember') {}

@ObjectType('AllianceEnterpriseSummary', {
  description: 'The enterprise behind an alliance membership, as platform admins see it.',
})
export class AllianceEnterpriseSummary {
  @Field(() => ID, { description: "The enterprise's organisation id." })
  id: string;

  @Field({ description: 'Chinese name.' })
  nameZh: string;

  @Field(() => String, { description: 'English name; null when not given.', nullable: true })
  nameEn: string | null;

  @Field({ description: 'Unified social credit code (18 characters).' })
  creditCode: string;

  @Field(() => VerificationStatus, {
    description: 'Whether the platform has verified the enterprise.',
  })
  verificationStatus: VerificationStatus;
}

/** One application and the membership that follows it (admins, and the enterprise itself). */
@ObjectType('AllianceMembership', {
  description: "An enterprise's membership of the alliance (入盟): its status and tier.",
})
export class AllianceMembershipType {
  @Field(() => ID, { description: 'Membership id.' })
  id: string;

  @Field(() => AllianceEnterpriseSummary, { description: 'The member enterprise.' })
  enterprise: AllianceEnterpriseSummary;

  @Field(() => AllianceMembershipStatus, {
    description: 'Where the membership is in its lifecycle.',
  })
  status: AllianceMembershipStatus;

  @Field(() => AllianceTier, {
    description: 'The tier while admitted; null before admission.',
    nullable: true,
  })
  tier: AllianceTier | null;

  @Field({ description: "The enterprise's application statement." })
  statement: string;

  @Field({ description: 'When the enterprise applied.' })
  appliedAt: Date;

  @Field(() => Date, {
    description: 'When the enterprise was admitted; null until it is.',
    nullable: true,
  })
  admittedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The reason given with the last status change.',
  })
  statusReason: string | null;

  @Field({ description: 'When the status last changed.' })
  statusChangedAt: Date;
}

@ObjectType({ description: 'A page of alliance memberships.' })
export class AllianceMembershipConnection extends Connection(
  AllianceMembershipType,
  'AllianceMembership',
) {}

/** The fields of every mutation that changes one alliance membership; each mutation has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class AllianceMembershipPayload {
  @Field(() => AllianceMembershipType, { description: 'The membership as it now is.' })
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
@ObjectType('AllianceMembershipEvent', {
  description:
    "One step of a membership's history (application, admission, tier change, suspension, ...).",
})
export class AllianceMembershipEventType {
  @Field(() => ID, { description: 'The membership the step belongs to.' })
  membershipId: string;

  @Field({ description: 'The audit action of the step, e.g. ALLIANCE_APPLIED.' })
  action: string;

  @Field(() => AllianceMembershipStatus, {
    description: 'Status before the step; null for the application.',
    nullable: true,
  })
  fromStatus: AllianceMembershipStatus | null;

  @Field(() => AllianceMembershipStatus, {
    description: 'Status after the step; null when the step did not change it.',
    nullable: true,
  })
  toStatus: AllianceMembershipStatus | null;

  @Field(() => String, { description: 'The reason given with the step, if any.', nullable: true })
  reason: string | null;

  @Field(() => AllianceTier, {
    nullable: true,
    description: 'The tier after the step, when it set one.',
  })
  tier: AllianceTier | null;

  @Field({ description: 'When the step happened.' })
  occurredAt: Date;
}

@ObjectType('MyAllianceMembership', {
  description: "The caller's enterprise's alliance membership and its history.",
})
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
