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
  @Field(() => ID)
  id: string;

  @Field()
  nameZh: string;

  @Field(() => String, { nullable: true })
  nameEn: string | null;

  @Field()
  creditCode: string;

  abstract regionCode: string;

  @Field()
  description: string;

  @Field(() => VerificationStatus)
  verificationStatus: VerificationStatus;

  @Field(() => String, { nullable: true })
  verificationReason: string | null;

  @Field(() => Date, { nullable: true })
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

  @Field()
  createdAt: Date;
}
