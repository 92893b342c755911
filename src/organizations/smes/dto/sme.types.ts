import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationMemberType } from '../../organizations/dto/organization.types.js';
import { VerificationStatus } from '../../organizations/organization.entity.js';
import { TechnicalFieldType } from '../../technical-fields/dto/technical-field.types.js';
import { SmeQualification, SmeSizeClass } from '../sme.entity.js';

registerEnumType(SmeSizeClass, { name: 'SmeSizeClass' });
registerEnumType(SmeQualification, { name: 'SmeQualification', description: 'NONE, INNOVATIVE (创新型), SPECIALIZED (专精特新), LITTLE_GIANT (小巨人)' });

/** An SME (揭榜方). Private fields are null unless the viewer belongs to it or is a platform admin. */
@ObjectType('Sme')
export class SmeType {
  @Field(() => ID)
  id: string;

  @Field()
  nameZh: string;

  @Field(() => String, { nullable: true })
  nameEn: string | null;

  @Field()
  creditCode: string;

  @Field()
  regionCode: string;

  @Field()
  description: string;

  @Field(() => SmeSizeClass)
  sizeClass: SmeSizeClass;

  @Field(() => SmeQualification, { description: 'As declared.' })
  qualification: SmeQualification;

  @Field(() => SmeQualification, { description: 'What counts: the declared qualification while the SME is VERIFIED and the certificate valid today, else NONE.' })
  effectiveQualification: SmeQualification;

  @Field(() => String, { nullable: true })
  certificateNumber: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  qualificationValidFrom: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  qualificationValidUntil: string | null;

  @Field(() => [TechnicalFieldType])
  technicalFields: TechnicalFieldType[];

  @Field()
  capabilityStatement: string;

  @Field(() => Int, { nullable: true })
  foundingYear: number | null;

  @Field(() => Int, { nullable: true })
  employees: number | null;

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
export class SmePayload {
  @Field(() => SmeType)
  sme: SmeType;
}
