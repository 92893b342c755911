import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationProfileType } from '../../dto/organization-profile.types.js';
import { TechnicalFieldType } from '../../../technical-fields/index.js';
import { SmeQualification, SmeSizeClass } from '../sme.entity.js';

registerEnumType(SmeSizeClass, { name: 'SmeSizeClass' });
registerEnumType(SmeQualification, {
  name: 'SmeQualification',
  description: 'NONE, INNOVATIVE (创新型), SPECIALIZED (专精特新), LITTLE_GIANT (小巨人)',
});

/** An SME (揭榜方): the shared organisation profile and its own fields. */
@ObjectType('Sme')
export class SmeType extends OrganizationProfileType {
  @Field()
  regionCode: string;

  @Field(() => SmeSizeClass)
  sizeClass: SmeSizeClass;

  @Field(() => SmeQualification, { description: 'As declared.' })
  qualification: SmeQualification;

  @Field(() => SmeQualification, {
    description:
      'What counts: the declared qualification while the SME is VERIFIED and the certificate valid today, else NONE.',
  })
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
}

@ObjectType()
export class SmePayload {
  @Field(() => SmeType)
  sme: SmeType;
}
