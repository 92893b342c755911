import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationProfileType } from '../../dto/organization-profile.types.js';
import { TechnicalFieldType } from '../../../technical-fields/index.js';
import { EligibilityReason } from '../eligibility.js';
import { SmeQualification, SmeSizeClass } from '../sme.entity.js';

registerEnumType(SmeSizeClass, { name: 'SmeSizeClass' });
registerEnumType(SmeQualification, {
  name: 'SmeQualification',
  description: 'NONE, INNOVATIVE (创新型), SPECIALIZED (专精特新), LITTLE_GIANT (小巨人)',
});
registerEnumType(EligibilityReason, {
  name: 'EligibilityReason',
  description: 'Why an SME may not answer a challenge (the eligibility rule).',
  valuesMap: {
    NOT_AN_SME: { description: 'The organisation is not an SME.' },
    NOT_VERIFIED: {
      description: 'The challenge is for verified SMEs and this one is not VERIFIED.',
    },
    REGION_NOT_ALLOWED: {
      description: "The challenge names regions and the SME's is not one of them.",
    },
    QUALIFICATION_EXPIRED: {
      description:
        'The SME declares the qualification asked for, but its certificate has ended (China time).',
    },
    QUALIFICATION_TOO_LOW: {
      description: "The qualification that counts is below the challenge's minimum.",
    },
  },
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

/** The fields of the mutations that change one SME; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class SmePayload {
  @Field(() => SmeType, { description: 'The SME after the change.' })
  sme: SmeType;
}

@ObjectType({ description: 'The result of createSme: the new SME.' })
export class CreateSmePayload extends SmePayload {}

@ObjectType({ description: 'The result of updateSme: the edited SME.' })
export class UpdateSmePayload extends SmePayload {}
