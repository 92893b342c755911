import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationMemberType } from '../../organizations/dto/organization.types.js';
import { VerificationStatus } from '../../organizations/organization.entity.js';
import { OpenResourceType } from '../enterprise.entity.js';

registerEnumType(OpenResourceType, { name: 'OpenResourceType', description: 'LAB, PILOT_LINE, DATA, PATENT_LICENSE, SCENARIO' });

@ObjectType('OpenResource')
export class OpenResourceType_ {
  @Field(() => OpenResourceType)
  type: OpenResourceType;

  @Field()
  title: string;

  @Field()
  description: string;
}

/** A large enterprise (发榜方). Private fields are null unless the viewer belongs to it or is a platform admin. */
@ObjectType('Enterprise')
export class EnterpriseType {
  @Field(() => ID)
  id: string;

  @Field()
  nameZh: string;

  @Field(() => String, { nullable: true })
  nameEn: string | null;

  @Field()
  creditCode: string;

  @Field({ description: 'Province-level division code (GB/T 2260).' })
  regionCode: string;

  @Field({ description: 'GB/T 4754-2017 section letter.' })
  industryCode: string;

  @Field()
  description: string;

  @Field()
  isChainLeader: boolean;

  @Field(() => [OpenResourceType_])
  openResources: OpenResourceType_[];

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

  @Field(() => [OrganizationMemberType], { nullable: true, description: 'Private: null for outsiders.' })
  members: OrganizationMemberType[] | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class EnterprisePayload {
  @Field(() => EnterpriseType)
  enterprise: EnterpriseType;
}

