import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FenScalar } from '../../common/graphql/fen.scalar.js';
import { Connection } from '../../common/pagination/connection.js';
import { EligibilityReason, SmeQualification } from '../../organizations/index.js';
import {
  ChainGoal,
  ChallengeStatus,
  ChallengeVisibility,
  CooperationMode,
  DemandType,
  IpOwnership,
  ProposalCountVisibility,
} from '../challenge.entity.js';

registerEnumType(ChallengeStatus, {
  name: 'ChallengeStatus',
  description: 'PUBLISHED past its deadline always reads as CLOSED.',
});
registerEnumType(ChainGoal, {
  name: 'ChainGoal',
  description: '稳链 STABILIZE / 补链 SUPPLEMENT / 固链 CONSOLIDATE / 强链 STRENGTHEN',
});
registerEnumType(DemandType, { name: 'DemandType' });
registerEnumType(CooperationMode, { name: 'CooperationMode' });
registerEnumType(IpOwnership, { name: 'IpOwnership' });
registerEnumType(ChallengeVisibility, { name: 'ChallengeVisibility' });
registerEnumType(ProposalCountVisibility, {
  name: 'ProposalCountVisibility',
  description:
    "Who may know a challenge's proposal count: ISSUER_ONLY (its members and admins) or PUBLIC (everyone who sees the challenge).",
});

@ObjectType()
export class ChallengeIssuer {
  @Field(() => ID)
  id: string;

  @Field()
  nameZh: string;

  @Field(() => String, { nullable: true })
  nameEn: string | null;
}

@ObjectType()
export class ChallengeTechnicalField {
  @Field()
  code: string;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;
}

@ObjectType()
export class ChallengeEligibility {
  @Field(() => SmeQualification, {
    description: 'The lowest SME qualification (专精特新 level) a respondent needs.',
  })
  minQualification: SmeQualification;

  @Field(() => [String], { description: 'GB/T 2260 province codes; empty means anywhere.' })
  allowedRegionCodes: string[];

  @Field()
  verifiedOnly: boolean;
}

@ObjectType()
export class ChallengeRequirement {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  position: number;

  @Field()
  name: string;

  @Field()
  target: string;

  @Field()
  unit: string;

  @Field(() => Int)
  weight: number;

  @Field()
  mustHave: boolean;
}

@ObjectType()
export class EvaluationCriterion {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  position: number;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => Int)
  weight: number;

  @Field()
  veto: boolean;
}

@ObjectType()
export class ChallengeTerms {
  @Field(() => Int)
  version: number;

  @Field()
  text: string;

  @Field()
  createdAt: Date;
}

@ObjectType({
  description:
    'A clarification question (答疑). The asker is never shown; the answer is public once given.',
})
export class ChallengeQuestion {
  @Field(() => ID)
  id: string;

  @Field()
  question: string;

  @Field(() => String, { nullable: true })
  answer: string | null;

  @Field()
  askedAt: Date;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field({ description: "True when the viewer's organisation asked it." })
  askedByMyOrganization: boolean;
}

@ObjectType()
export class ChallengeAnnouncement {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: "Whether the viewer's SME may answer the challenge, and why not." })
export class ChallengeEligibilityCheck {
  @Field()
  eligible: boolean;

  @Field(() => [EligibilityReason], {
    description: 'Why the SME may not submit, in the order of the rule; empty when eligible.',
  })
  reasons: EligibilityReason[];
}

@ObjectType({ description: 'The content of one public version of a challenge.' })
export class ChallengeVersion {
  @Field(() => Int)
  version: number;

  @Field(() => String, {
    nullable: true,
    description: 'What changed (null for the first publication).',
  })
  changeSummary: string | null;

  @Field()
  createdAt: Date;

  @Field(() => String, { nullable: true })
  titleZh: string | null;

  @Field(() => String, { nullable: true })
  titleEn: string | null;

  @Field(() => String, { nullable: true })
  summaryZh: string | null;

  @Field(() => String, { nullable: true })
  summaryEn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Null unless the viewer may read the confidential description.',
  })
  description: string | null;

  @Field()
  deadline: Date;

  @Field(() => FenScalar, { nullable: true })
  budgetMin: string | null;

  @Field(() => FenScalar, { nullable: true })
  budgetMax: string | null;

  @Field(() => FenScalar, { nullable: true })
  bounty: string | null;

  @Field(() => Int, { nullable: true })
  termsVersion: number | null;
}

/**
 * A challenge as a viewer sees it. Built only by challenge.mapper.ts; the confidential description, the
 * issuer of an anonymous challenge and the issuer-only counts are null unless the viewer may see them.
 */
@ObjectType('Challenge')
export class ChallengeType {
  @Field(() => ID)
  id: string;

  @Field(() => ChallengeStatus)
  status: ChallengeStatus;

  @Field(() => String, { nullable: true })
  titleZh: string | null;

  @Field(() => String, { nullable: true })
  titleEn: string | null;

  @Field(() => String, { nullable: true })
  summaryZh: string | null;

  @Field(() => String, { nullable: true })
  summaryEn: string | null;

  @Field(() => ChallengeIssuer, {
    nullable: true,
    description:
      'Null when the challenge is anonymous and the viewer is not its issuer or an admin.',
  })
  issuer: ChallengeIssuer | null;

  @Field()
  anonymousIssuer: boolean;

  @Field(() => [ChallengeTechnicalField])
  technicalFields: ChallengeTechnicalField[];

  @Field({ description: 'GB/T 4754 section letter.' })
  industryCode: string;

  @Field(() => ChainGoal)
  chainGoal: ChainGoal;

  @Field(() => DemandType)
  demandType: DemandType;

  @Field(() => [CooperationMode])
  cooperationModes: CooperationMode[];

  @Field(() => FenScalar, { nullable: true })
  budgetMin: string | null;

  @Field(() => FenScalar, { nullable: true })
  budgetMax: string | null;

  @Field(() => FenScalar, { nullable: true })
  bounty: string | null;

  @Field()
  currency: string;

  @Field(() => IpOwnership)
  ipOwnership: IpOwnership;

  @Field(() => ChallengeEligibility)
  eligibility: ChallengeEligibility;

  @Field(() => ChallengeVisibility)
  visibility: ChallengeVisibility;

  @Field()
  blindReview: boolean;

  @Field({ description: 'Submission deadline (UTC instant).' })
  deadline: Date;

  @Field({
    description:
      'The deadline in China Standard Time with its offset, e.g. 2027-03-31T18:00:00.000+08:00.',
  })
  deadlineChinaTime: string;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Int, { description: 'Bumped by every edit; pass it back as expectedVersion.' })
  version: number;

  @Field()
  requiresTerms: boolean;

  @Field(() => Int, { nullable: true })
  termsVersion: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The reason of the last review decision (issuer and admins) or of a cancellation (everyone).',
  })
  statusReason: string | null;

  @Field({ description: 'True when the viewer is a member of the issuing organisation.' })
  viewerIsIssuer: boolean;

  @Field(() => ProposalCountVisibility, {
    description: 'Who may know proposalCount (chosen by the issuer).',
  })
  proposalCountVisibility: ProposalCountVisibility;

  @Field(() => Int, {
    nullable: true,
    description:
      'Proposals received so far (their content stays sealed): null unless the viewer is the issuer or an admin, or proposalCountVisibility is PUBLIC.',
  })
  proposalCount: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Questions waiting for an answer (issuer and admins only).',
  })
  unansweredQuestionCount: number | null;
}

@ObjectType()
export class ChallengeConnection extends Connection(ChallengeType, 'Challenge') {}

@ObjectType()
export class FacetCount {
  @Field()
  value: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description: 'How many visible challenges match the filter, per value of each filterable field.',
})
export class ChallengeFacets {
  @Field(() => Int)
  total: number;

  @Field(() => [FacetCount])
  status: FacetCount[];

  @Field(() => [FacetCount])
  industryCode: FacetCount[];

  @Field(() => [FacetCount])
  chainGoal: FacetCount[];

  @Field(() => [FacetCount])
  demandType: FacetCount[];

  @Field(() => [FacetCount])
  cooperationMode: FacetCount[];

  @Field(() => [FacetCount])
  technicalField: FacetCount[];
}

@ObjectType()
export class ChallengeVersionConnection extends Connection(ChallengeVersion, 'ChallengeVersion') {}
