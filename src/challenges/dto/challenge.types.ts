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
  valuesMap: {
    DRAFT: { description: 'Being written by the issuer; seen only by the issuer.' },
    PENDING_REVIEW: { description: "Submitted, waiting for the platform's review." },
    CHANGES_REQUESTED: { description: 'The platform asked the issuer for changes.' },
    REJECTED: { description: 'Refused by the platform.' },
    PUBLISHED: { description: 'Live: open for questions and proposals until the deadline.' },
    CLOSED: { description: 'Past the deadline: proposals are being evaluated.' },
    IN_PUBLICITY: {
      description: 'Winners selected and publicly announced (公示); objections may be filed.',
    },
    AWARDED: { description: 'The publicity period ended; the award is final.' },
    FAILED: { description: 'Closed with no winner (流榜).' },
    CANCELLED: { description: 'Withdrawn by the issuer or the platform (撤榜).' },
  },
  name: 'ChallengeStatus',
  description: 'PUBLISHED past its deadline always reads as CLOSED.',
});
registerEnumType(ChainGoal, {
  valuesMap: {
    STABILIZE: { description: '稳链: keep the industrial chain running.' },
    SUPPLEMENT: { description: '补链: fill a missing link of the chain.' },
    CONSOLIDATE: { description: '固链: make a weak link of the chain reliable.' },
    STRENGTHEN: { description: "强链: upgrade the chain's capability." },
  },
  name: 'ChainGoal',
  description: '稳链 STABILIZE / 补链 SUPPLEMENT / 固链 CONSOLIDATE / 强链 STRENGTHEN',
});
registerEnumType(DemandType, {
  description: 'Kind of demand a challenge is.',
  valuesMap: {
    TECH_BREAKTHROUGH: { description: 'A technical problem to solve (技术攻关).' },
    TECH_TRANSFORMATION: { description: 'Upgrade of an existing process or product (技术改造).' },
    SCENARIO_VALIDATION: { description: 'A scenario where a solution is piloted (场景验证).' },
    PROCUREMENT: { description: 'A product or service to buy.' },
    TALENT: { description: 'People or expertise sought.' },
  },
  name: 'DemandType',
});
registerEnumType(CooperationMode, {
  description: 'How the issuer and the SME may work together (合作方式).',
  valuesMap: {
    JOINT_DEVELOPMENT: { description: 'Joint development.' },
    COMMISSIONED_DEVELOPMENT: { description: 'Development commissioned by the issuer.' },
    TECH_TRANSFER: { description: 'Transfer of an existing technology.' },
    LICENSE: { description: 'Licence of a patent or technology.' },
    TECH_SERVICE: { description: 'Technical service.' },
    EQUITY: { description: 'Equity investment or cooperation.' },
    PROCUREMENT: { description: 'Purchase of a product.' },
  },
  name: 'CooperationMode',
});
registerEnumType(IpOwnership, {
  description: 'Who owns the intellectual property of the result (知识产权归属).',
  valuesMap: {
    ISSUER: { description: 'The issuing enterprise.' },
    RESPONDENT: { description: 'The SME that delivers.' },
    SHARED: { description: 'Both.' },
    NEGOTIABLE: { description: 'Agreed in the proposal.' },
  },
  name: 'IpOwnership',
});
registerEnumType(ChallengeVisibility, {
  description: 'Who may see a challenge once published.',
  valuesMap: {
    PUBLIC: { description: 'Everyone, also anonymous visitors.' },
    REGISTERED: { description: 'Signed-in users only.' },
    INVITE_ONLY: {
      description: "Only SMEs the issuer invited (and the issuer's members and admins).",
    },
  },
  name: 'ChallengeVisibility',
});
registerEnumType(ProposalCountVisibility, {
  valuesMap: {
    ISSUER_ONLY: { description: "Only the issuer's members and platform admins." },
    PUBLIC: { description: 'Everyone who sees the challenge.' },
  },
  name: 'ProposalCountVisibility',
  description:
    "Who may know a challenge's proposal count: ISSUER_ONLY (its members and admins) or PUBLIC (everyone who sees the challenge).",
});

@ObjectType({ description: 'The enterprise that posted a challenge.' })
export class ChallengeIssuer {
  @Field(() => ID, { description: "The enterprise's organisation id." })
  id: string;

  @Field({ description: 'Chinese name.' })
  nameZh: string;

  @Field(() => String, { description: 'English name; null when not given.', nullable: true })
  nameEn: string | null;
}

@ObjectType({ description: 'A technical field a challenge belongs to.' })
export class ChallengeTechnicalField {
  @Field({ description: 'Dotted code of the taxonomy, e.g. NEW_ENERGY.STORAGE.' })
  code: string;

  @Field({ description: 'Chinese name.' })
  nameZh: string;

  @Field({ description: 'English name.' })
  nameEn: string;
}

@ObjectType({ description: 'Who may answer a challenge.' })
export class ChallengeEligibility {
  @Field(() => SmeQualification, {
    description: 'The lowest SME qualification (专精特新 level) a respondent needs.',
  })
  minQualification: SmeQualification;

  @Field(() => [String], { description: 'GB/T 2260 province codes; empty means anywhere.' })
  allowedRegionCodes: string[];

  @Field({ description: 'True when only platform-verified SMEs may submit.' })
  verifiedOnly: boolean;
}

@ObjectType({ description: 'A measurable indicator of a challenge (技术拆解 / 考核指标).' })
export class ChallengeRequirement {
  @Field(() => ID, { description: 'Requirement id; proposals commit to it by this id.' })
  id: string;

  @Field(() => Int, { description: 'Order on the challenge page, from 1.' })
  position: number;

  @Field({ description: 'What is measured.' })
  name: string;

  @Field({ description: 'The target value.' })
  target: string;

  @Field({ description: 'Unit of the target; empty when none.' })
  unit: string;

  @Field(() => Int, { description: 'Relative weight, 0 to 100.' })
  weight: number;

  @Field({ description: 'True when a proposal must meet it.' })
  mustHave: boolean;
}

@ObjectType({ description: 'A weighted scoring criterion of a challenge (评审标准).' })
export class EvaluationCriterion {
  @Field(() => ID, { description: 'Criterion id; scores name it.' })
  id: string;

  @Field(() => Int, { description: 'Order on the challenge page, from 1.' })
  position: number;

  @Field({ description: 'Name of the criterion.' })
  name: string;

  @Field({ description: 'How the criterion is judged.' })
  description: string;

  @Field(() => Int, { description: 'Weight, 0 to 100; the weights of a challenge sum to 100.' })
  weight: number;

  @Field({ description: 'True when failing it rules a proposal out.' })
  veto: boolean;
}

@ObjectType({ description: "A version of a challenge's NDA / IP terms (保密协议)." })
export class ChallengeTerms {
  @Field(() => Int, { description: 'Terms version, from 1; accepting names it.' })
  version: number;

  @Field({ description: "The terms' text." })
  text: string;

  @Field({ description: 'When this version was written.' })
  createdAt: Date;
}

@ObjectType({
  description:
    'A clarification question (答疑). The asker is never shown; the answer is public once given.',
})
export class ChallengeQuestion {
  @Field(() => ID, { description: 'Question id.' })
  id: string;

  @Field({ description: 'The question.' })
  question: string;

  @Field(() => String, { description: "The issuer's answer; null until answered.", nullable: true })
  answer: string | null;

  @Field({ description: 'When it was asked.' })
  askedAt: Date;

  @Field(() => Date, { description: 'When it was answered; null until then.', nullable: true })
  answeredAt: Date | null;

  @Field({ description: "True when the viewer's organisation asked it." })
  askedByMyOrganization: boolean;
}

@ObjectType({ description: 'A public notice the issuer posted on a challenge.' })
export class ChallengeAnnouncement {
  @Field(() => ID, { description: 'Announcement id.' })
  id: string;

  @Field({ description: 'Title of the notice.' })
  title: string;

  @Field({ description: 'Text of the notice.' })
  body: string;

  @Field({ description: 'When it was posted.' })
  createdAt: Date;
}

@ObjectType({ description: "Whether the viewer's SME may answer the challenge, and why not." })
export class ChallengeEligibilityCheck {
  @Field({ description: 'True when the SME may submit a proposal.' })
  eligible: boolean;

  @Field(() => [EligibilityReason], {
    description: 'Why the SME may not submit, in the order of the rule; empty when eligible.',
  })
  reasons: EligibilityReason[];
}

/**
 * A technical approach the issuer rules out for a challenge (an element of `challenges.excluded_approaches`),
 * shaped like an SME's technical route so that matchmaking can compare the two.
 */
@ObjectType('TechnicalApproach', {
  description:
    'A technical approach (technical route), labelled in Chinese and/or English: at least one of the two is set.',
})
export class TechnicalApproachType {
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

@ObjectType({ description: 'The content of one public version of a challenge.' })
export class ChallengeVersion {
  @Field(() => Int, { description: 'Public version number, from 1.' })
  version: number;

  @Field(() => String, {
    nullable: true,
    description: 'What changed (null for the first publication).',
  })
  changeSummary: string | null;

  @Field({ description: 'When this version was published.' })
  createdAt: Date;

  @Field(() => String, { description: 'Chinese title in this version.', nullable: true })
  titleZh: string | null;

  @Field(() => String, { description: 'English title in this version.', nullable: true })
  titleEn: string | null;

  @Field(() => String, { description: 'Public summary (Chinese) in this version.', nullable: true })
  summaryZh: string | null;

  @Field(() => String, { description: 'Public summary (English) in this version.', nullable: true })
  summaryEn: string | null;

  @Field(() => [TechnicalApproachType], {
    description:
      'Technical approaches the issuer ruled out in this version; empty when none (or for versions recorded before the list existed).',
  })
  excludedApproaches: TechnicalApproachType[];

  @Field(() => String, {
    nullable: true,
    description: 'Null unless the viewer may read the confidential description.',
  })
  description: string | null;

  @Field({ description: 'Submission deadline in this version.' })
  deadline: Date;

  @Field(() => FenScalar, {
    description: 'Lower budget in fen in this version; null when not stated.',
    nullable: true,
  })
  budgetMin: string | null;

  @Field(() => FenScalar, {
    description: 'Upper budget in fen in this version; null when not stated.',
    nullable: true,
  })
  budgetMax: string | null;

  @Field(() => FenScalar, {
    description: 'Bounty in fen in this version; null when none.',
    nullable: true,
  })
  bounty: string | null;

  @Field(() => Int, {
    description: 'Terms version in force with this version; null when none.',
    nullable: true,
  })
  termsVersion: number | null;
}

/**
 * A challenge as a viewer sees it. Built only by challenge.mapper.ts; the confidential description, the
 * issuer of an anonymous challenge and the issuer-only counts are null unless the viewer may see them.
 */
@ObjectType('Challenge', {
  description:
    'A technology demand (榜单) posted by an enterprise, as the viewer may see it: the confidential description, an anonymous issuer and the issuer-only counts are null unless the viewer may see them.',
})
export class ChallengeType {
  @Field(() => ID, { description: 'Challenge id.' })
  id: string;

  @Field(() => ChallengeStatus, { description: 'Lifecycle status, as the viewer reads it now.' })
  status: ChallengeStatus;

  @Field(() => String, { description: 'Chinese title; null when not given.', nullable: true })
  titleZh: string | null;

  @Field(() => String, { description: 'English title; null when not given.', nullable: true })
  titleEn: string | null;

  @Field(() => String, {
    description: 'Public summary (Chinese); null when not given.',
    nullable: true,
  })
  summaryZh: string | null;

  @Field(() => String, {
    description: 'Public summary (English); null when not given.',
    nullable: true,
  })
  summaryEn: string | null;

  @Field(() => ChallengeIssuer, {
    nullable: true,
    description:
      'Null when the challenge is anonymous and the viewer is not its issuer or an admin.',
  })
  issuer: ChallengeIssuer | null;

  @Field({ description: "True when the issuer's identity is hidden from SMEs." })
  anonymousIssuer: boolean;

  @Field(() => [ChallengeTechnicalField], {
    description: 'Technical fields of the taxonomy the challenge belongs to.',
  })
  technicalFields: ChallengeTechnicalField[];

  @Field(() => [TechnicalApproachType], {
    description:
      'Technical approaches the issuer rules out (e.g. 不采用液流电池路线), in the order given; public like the summary (not confidential: SMEs need it to judge whether to answer, and matchmaking reads it); empty when none.',
  })
  excludedApproaches: TechnicalApproachType[];

  @Field({ description: 'GB/T 4754 section letter.' })
  industryCode: string;

  @Field(() => ChainGoal, { description: 'What the demand does for the industrial chain.' })
  chainGoal: ChainGoal;

  @Field(() => DemandType, { description: 'Kind of demand.' })
  demandType: DemandType;

  @Field(() => [CooperationMode], { description: 'Cooperation modes the issuer accepts.' })
  cooperationModes: CooperationMode[];

  @Field(() => FenScalar, {
    description: 'Lower budget in fen (integer CNY cents); null when not stated.',
    nullable: true,
  })
  budgetMin: string | null;

  @Field(() => FenScalar, {
    description: 'Upper budget in fen (integer CNY cents); null when not stated.',
    nullable: true,
  })
  budgetMax: string | null;

  @Field(() => FenScalar, {
    description: 'Bounty in fen (integer CNY cents); null when none.',
    nullable: true,
  })
  bounty: string | null;

  @Field({ description: 'ISO 4217 currency of the amounts (CNY).' })
  currency: string;

  @Field(() => IpOwnership, { description: 'Who owns the resulting intellectual property.' })
  ipOwnership: IpOwnership;

  @Field(() => ChallengeEligibility, { description: 'Who may answer the challenge.' })
  eligibility: ChallengeEligibility;

  @Field(() => ChallengeVisibility, { description: 'Who may see the challenge.' })
  visibility: ChallengeVisibility;

  @Field({ description: "True when reviewers see proposals without the SME's identity." })
  blindReview: boolean;

  @Field({ description: 'Submission deadline (UTC instant).' })
  deadline: Date;

  @Field({
    description:
      'The deadline in China Standard Time with its offset, e.g. 2027-03-31T18:00:00.000+08:00.',
  })
  deadlineChinaTime: string;

  @Field(() => Date, {
    description: 'When the draft was last submitted for review; null before.',
    nullable: true,
  })
  submittedAt: Date | null;

  @Field(() => Date, { description: 'When the challenge went live; null before.', nullable: true })
  publishedAt: Date | null;

  @Field({ description: 'When the draft was created.' })
  createdAt: Date;

  @Field(() => Int, { description: 'Bumped by every edit; pass it back as expectedVersion.' })
  version: number;

  @Field({
    description:
      'True when the confidential description needs the current terms (NDA) to be accepted.',
  })
  requiresTerms: boolean;

  @Field(() => Int, {
    description: 'Version of the current terms; null when the challenge has none.',
    nullable: true,
  })
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

@ObjectType({ description: 'A page of challenges.' })
export class ChallengeConnection extends Connection(ChallengeType, 'Challenge') {}

@ObjectType({ description: 'How many challenges have one value of a field.' })
export class FacetCount {
  @Field({ description: 'The value (an enum value, a code or a letter).' })
  value: string;

  @Field(() => Int, { description: 'Number of matching challenges with this value.' })
  count: number;
}

@ObjectType({
  description: 'How many visible challenges match the filter, per value of each filterable field.',
})
export class ChallengeFacets {
  @Field(() => Int, { description: 'Challenges matching the filter.' })
  total: number;

  @Field(() => [FacetCount], { description: 'Counts per status.' })
  status: FacetCount[];

  @Field(() => [FacetCount], { description: 'Counts per GB/T 4754 section letter.' })
  industryCode: FacetCount[];

  @Field(() => [FacetCount], { description: 'Counts per chain goal.' })
  chainGoal: FacetCount[];

  @Field(() => [FacetCount], { description: 'Counts per demand type.' })
  demandType: FacetCount[];

  @Field(() => [FacetCount], { description: 'Counts per cooperation mode.' })
  cooperationMode: FacetCount[];

  @Field(() => [FacetCount], { description: 'Counts per technical-field code.' })
  technicalField: FacetCount[];
}

@ObjectType({ description: "A page of a challenge's published versions." })
export class ChallengeVersionConnection extends Connection(ChallengeVersion, 'ChallengeVersion') {}

// ---- Mutation payloads: one type per mutation; mutations of the same shape share a base --------------

/** The fields of every mutation that changes one challenge. */
@ObjectType({ isAbstract: true })
export abstract class ChallengePayload {
  @Field(() => ChallengeType, { description: 'The challenge after the change.' })
  challenge: ChallengeType;
}

@ObjectType({ description: 'The result of createChallenge: the new DRAFT challenge.' })
export class CreateChallengePayload extends ChallengePayload {}

@ObjectType({ description: 'The result of updateChallengeDraft: the edited challenge.' })
export class UpdateChallengeDraftPayload extends ChallengePayload {}

@ObjectType({ description: 'The result of amendChallenge: the challenge at its new version.' })
export class AmendChallengePayload extends ChallengePayload {}

@ObjectType({ description: 'The result of submitChallengeForReview: the challenge in review.' })
export class SubmitChallengeForReviewPayload extends ChallengePayload {}

@ObjectType({ description: 'The result of requestChallengeChanges: the challenge sent back.' })
export class RequestChallengeChangesPayload extends ChallengePayload {}

@ObjectType({ description: 'The result of rejectChallenge: the rejected challenge.' })
export class RejectChallengePayload extends ChallengePayload {}

@ObjectType({ description: 'The result of approveAndPublishChallenge: the published challenge.' })
export class ApproveAndPublishChallengePayload extends ChallengePayload {}

@ObjectType({ description: 'The result of cancelChallenge: the withdrawn challenge.' })
export class CancelChallengePayload extends ChallengePayload {}

@ObjectType({
  description:
    "The result of acceptChallengeTerms: the challenge as the caller's organisation now sees it.",
})
export class AcceptChallengeTermsPayload extends ChallengePayload {}

/** The fields of every mutation that changes one clarification question. */
@ObjectType({ isAbstract: true })
export abstract class ChallengeQuestionPayload {
  @Field(() => ChallengeQuestion, { description: 'The question after the change.' })
  question: ChallengeQuestion;
}

@ObjectType({ description: 'The result of askChallengeQuestion: the new question.' })
export class AskChallengeQuestionPayload extends ChallengeQuestionPayload {}

@ObjectType({ description: 'The result of answerChallengeQuestion: the answered question.' })
export class AnswerChallengeQuestionPayload extends ChallengeQuestionPayload {}

@ObjectType({ description: 'The result of publishChallengeAnnouncement.' })
export class PublishChallengeAnnouncementPayload {
  @Field(() => ChallengeAnnouncement, { description: 'The new announcement.' })
  announcement: ChallengeAnnouncement;
}

@ObjectType({
  description:
    'The result of advanceChallengeClock (development only): the challenge as it reads after its clock moved.',
})
export class AdvanceChallengeClockPayload extends ChallengePayload {}
