import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationProfileType } from '../../dto/organization-profile.types.js';
import { TechnicalFieldType } from '../../../technical-fields/index.js';
import { EligibilityReason } from '../eligibility.js';
import { SmeQualification, SmeSizeClass } from '../sme.entity.js';
import { LocalDateScalar } from '../../../common/graphql/local-date.scalar.js';

registerEnumType(SmeSizeClass, {
  description: 'Size class of an SME.',
  valuesMap: {
    MICRO: { description: 'Micro enterprise.' },
    SMALL: { description: 'Small enterprise.' },
    MEDIUM: { description: 'Medium enterprise.' },
  },
  name: 'SmeSizeClass',
});
registerEnumType(SmeQualification, {
  valuesMap: {
    NONE: { description: 'No qualification.' },
    INNOVATIVE: { description: '创新型中小企业 (innovative SME).' },
    SPECIALIZED: { description: '专精特新中小企业 (specialised SME).' },
    LITTLE_GIANT: { description: '专精特新"小巨人" (little giant).' },
  },
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

@ObjectType('SmeProduct', { description: 'A product an SME offers.' })
export class SmeProductType {
  @Field({ description: 'Name of the product.' })
  name: string;

  @Field({ description: 'What it is and does; empty when not given.' })
  description: string;
}

@ObjectType('SmePastProject', { description: 'A project an SME has delivered.' })
export class SmePastProjectType {
  @Field({ description: 'Title of the project.' })
  title: string;

  @Field(() => Int, { description: 'Year it was delivered.' })
  year: number;

  @Field({ description: "GB/T 4754-2017 section letter (A to T) of the client's industry." })
  clientIndustryCode: string;

  @Field({ description: 'What came of it; empty when not given.' })
  outcome: string;
}

@ObjectType('SmeTechnicalRoute', {
  description: 'A technical route an SME follows, labelled in Chinese and/or English.',
})
export class SmeTechnicalRouteType {
  @Field(() => String, {
    description: 'Chinese label; null when only English is given.',
    nullable: true,
  })
  zh: string | null;

  @Field(() => String, {
    description: 'English label; null when only Chinese is given.',
    nullable: true,
  })
  en: string | null;
}

/** An SME (揭榜方): the shared organisation profile and its own fields. */
@ObjectType('Sme', {
  description: 'A small or medium enterprise (揭榜方) that answers challenges.',
})
export class SmeType extends OrganizationProfileType {
  @Field({ description: 'GB/T 2260 region code.' })
  regionCode: string;

  @Field(() => SmeSizeClass, { description: 'Size class.' })
  sizeClass: SmeSizeClass;

  @Field(() => SmeQualification, { description: 'As declared.' })
  qualification: SmeQualification;

  @Field(() => SmeQualification, {
    description:
      'What counts: the declared qualification while the SME is VERIFIED and the certificate valid today, else NONE.',
  })
  effectiveQualification: SmeQualification;

  @Field(() => String, {
    description: 'Number of the qualification certificate; null when none.',
    nullable: true,
  })
  certificateNumber: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day the certificate is valid; null without a qualification.',
  })
  qualificationValidFrom: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day the certificate is valid; null without a qualification.',
  })
  qualificationValidUntil: string | null;

  @Field(() => [TechnicalFieldType], { description: 'Technical fields the SME works in.' })
  technicalFields: TechnicalFieldType[];

  @Field({ description: 'What the SME can do, used for matching.' })
  capabilityStatement: string;

  @Field(() => Int, {
    description: 'Year the company was founded; null when not given.',
    nullable: true,
  })
  foundingYear: number | null;

  @Field(() => Int, { description: 'Number of employees; null when not given.', nullable: true })
  employees: number | null;

  @Field(() => [String], {
    description:
      'Keywords (Chinese and/or English) of what the SME does, as written; used for matching.',
  })
  keywords: string[];

  @Field(() => [SmeProductType], { description: 'Products the SME offers; used for matching.' })
  products: SmeProductType[];

  @Field(() => [SmePastProjectType], {
    description: 'Projects the SME has delivered; used for matching.',
  })
  pastProjects: SmePastProjectType[];

  @Field(() => [SmeTechnicalRouteType], {
    description: 'Technical routes the SME follows; used for matching.',
  })
  technicalRoutes: SmeTechnicalRouteType[];
}

/** The fields of the mutations that change one SME; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class SmePayload {
  @Field(() => SmeType, { description: 'The SME as it now is.' })
  sme: SmeType;
}

@ObjectType({ description: 'The result of createSme: the new SME.' })
export class CreateSmePayload extends SmePayload {}

@ObjectType({ description: 'The result of updateSme: the edited SME.' })
export class UpdateSmePayload extends SmePayload {}
