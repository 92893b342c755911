import { Field, ID, ObjectType } from '@nestjs/graphql';
import { VerificationStatus } from '../organization.entity.js';
import { OrganizationMemberType } from './organization.types.js';

/**
 * The profile every organisation has, whatever its kind: `Enterprise` and `Sme` extend it with their
 * own fields (and each declares `regionCode`, whose description differs between the two). Private
 * fields are null unless the viewer belongs to the organisation or is a platform admin.
 */
@ObjectType({ isAbstract: true })
export abstract class OrganizationProfileType {
  @Field(() => ID, { description: 'Organisation id.' })
  id: string;

  @Field({ description: 'Chinese name.' })
  nameZh: string;

  @Field(() => String, { description: 'English name; null when not given.', nullable: true })
  nameEn: string | null;

  @Field({ description: 'Unified social credit code (18 characters).' })
  creditCode: string;

  abstract regionCode: string;

  @Field({ description: 'What the organisation does.' })
  description: string;

  @Field(() => VerificationStatus, {
    description: 'Whether the platform has verified the organisation.',
  })
  verificationStatus: VerificationStatus;

  @Field(() => String, {
    description: 'The reason of the last verification decision; null when none.',
    nullable: true,
  })
  verificationReason: string | null;

  @Field(() => Date, { description: 'When it was verified; null unless VERIFIED.', nullable: true })
  verifiedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Private.' })
  contactEmail: string | null;

  @Field(() => String, { nullable: true, description: 'Private.' })
  contactPhone: string | null;

  @Field(() => [OrganizationMemberType], {
    nullable: true,
    description: 'Private: null for outsiders.',
  })
  members: OrganizationMemberType[] | null;

  @Field({ description: 'When it was registered on the platform.' })
  createdAt: Date;
}
