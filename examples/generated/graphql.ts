/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Accepts a challenge's current terms (NDA / IP) for the caller's organisation. */
export type AcceptChallengeTermsInput = {
  /** The challenge whose terms are accepted. */
  challengeId: string | number;
  /** The terms version that was read; CONFLICT TERMS_VERSION_CHANGED if it is no longer current. */
  termsVersion: number;
};

/** The side that was asked accepts an introduction. */
export type AcceptIntroductionInput = {
  /** The introduction (REQUESTED). */
  introductionId: string | number;
};

/** Admits an applying enterprise into the alliance (platform admins). */
export type AdmitAllianceMemberInput = {
  /** The membership decided on. */
  membershipId: string | number;
  /** Why, for the enterprise and the audit trail (3 to 500 characters). */
  reason: string;
  /** The tier the enterprise is admitted at. */
  tier: AllianceTier;
};

/** Moves a challenge's clock forward (development only; platform admins). */
export type AdvanceChallengeClockInput = {
  /** The challenge whose clock moves. */
  challengeId: string | number;
  /** The moment the clock moves to. */
  to: ChallengeClockTarget;
};

/** Lifecycle of an alliance membership: APPLIED → ACTIVE or REJECTED; ACTIVE ↔ SUSPENDED; ACTIVE → EXITED or EXPELLED. */
export type AllianceMembershipStatus =
  /** Admitted; the enterprise may post challenges. */
  | 'ACTIVE'
  /** Applied, waiting for the platform's decision. */
  | 'APPLIED'
  /** The enterprise left the alliance. */
  | 'EXITED'
  /** Expelled by the platform. */
  | 'EXPELLED'
  /** The application was refused. */
  | 'REJECTED'
  /** Suspended by the platform; may be reinstated. */
  | 'SUSPENDED';

/** An alliance member's tier. */
export type AllianceTier =
  /** Council member. */
  | 'COUNCIL'
  /** Founding member. */
  | 'FOUNDING'
  /** Ordinary member. */
  | 'MEMBER';

/** The issuer's public answer to a clarification question. */
export type AnswerChallengeQuestionInput = {
  /** The answer, published to everyone who sees the challenge. */
  answer: string;
  /** The question answered. */
  questionId: string | number;
};

/** The caller's enterprise applies to join the alliance. */
export type ApplyToAllianceInput = {
  /** Why the enterprise wants to join and what it brings, 10 to 5000 characters. */
  statement: string;
};

/** A clarification question (答疑) about a challenge; the asker is never shown. */
export type AskChallengeQuestionInput = {
  /** The challenge asked about. */
  challengeId: string | number;
  /** The question. */
  question: string;
};

/** Invites reviewers to score a challenge's proposals. */
export type AssignReviewersInput = {
  /** The challenge to review. */
  challengeId: string | number;
  /** Members of the issuing organisation or experts of the platform's pool. */
  reviewerUserIds: Array<string | number>;
};

/** A file to attach to a proposal, by reference. */
export type AttachmentRefInput = {
  /** File name. */
  name: string;
  /** SHA-256 of the file, 64 hex digits. */
  sha256: string;
  /** Bytes. */
  size: number;
  /** An https URL of the file. */
  url: string;
};

/** 稳链 STABILIZE / 补链 SUPPLEMENT / 固链 CONSOLIDATE / 强链 STRENGTHEN */
export type ChainGoal =
  /** 固链: make a weak link of the chain reliable. */
  | 'CONSOLIDATE'
  /** 稳链: keep the industrial chain running. */
  | 'STABILIZE'
  /** 强链: upgrade the chain's capability. */
  | 'STRENGTHEN'
  /** 补链: fill a missing link of the chain. */
  | 'SUPPLEMENT';

/** Where advanceChallengeClock moves a challenge's clock (development only). */
export type ChallengeClockTarget =
  /** The deadline becomes now: a PUBLISHED challenge reads as CLOSED (evaluation may start). */
  | 'DEADLINE_PASSED'
  /** The running publicity period (公示) ends now: with no objection pending the challenge reads as AWARDED. */
  | 'PUBLICITY_ENDED';

/** Filters challenges; all given conditions must hold. */
export type ChallengeFilterInput = {
  /** Upper end of the budget range looked for, in fen (integer CNY cents). */
  budgetMax?: string | null | undefined;
  /** Budget range overlapping [budgetMin, budgetMax]. */
  budgetMin?: string | null | undefined;
  /** Only challenges with one of these chain goals. */
  chainGoals?: Array<ChainGoal> | null | undefined;
  /** Challenges offering any of these modes. */
  cooperationModes?: Array<CooperationMode> | null | undefined;
  /** Deadline at or after this instant. */
  deadlineFrom?: string | null | undefined;
  /** Deadline before this instant. */
  deadlineTo?: string | null | undefined;
  /** Only challenges with one of these demand types. */
  demandTypes?: Array<DemandType> | null | undefined;
  /** Only challenges an SME registered in this province may answer. */
  eligibleRegionCode?: string | null | undefined;
  /** Only challenges in one of these GB/T 4754 sections. */
  industryCodes?: Array<string> | null | undefined;
  /** One issuer's challenges (anonymous ones are listed only to the issuer and admins). */
  issuerOrganizationId?: string | number | null | undefined;
  /** Full text, Chinese and/or English. */
  search?: string | null | undefined;
  /** Effective statuses. */
  statuses?: Array<ChallengeStatus> | null | undefined;
  /** Technical-field codes; a code also matches its sub-fields. */
  technicalFieldCodes?: Array<string> | null | undefined;
};

/** A challenge you may see, to follow or unfollow. */
export type ChallengeFollowInput = {
  /** The challenge. */
  challengeId: string | number;
};

/** PUBLISHED past its deadline always reads as CLOSED. */
export type ChallengeStatus =
  /** The publicity period ended; the award is final. */
  | 'AWARDED'
  /** Withdrawn by the issuer or the platform (撤榜). */
  | 'CANCELLED'
  /** The platform asked the issuer for changes. */
  | 'CHANGES_REQUESTED'
  /** Past the deadline: proposals are being evaluated. */
  | 'CLOSED'
  /** Being written by the issuer; seen only by the issuer. */
  | 'DRAFT'
  /** Closed with no winner (流榜). */
  | 'FAILED'
  /** Winners selected and publicly announced (公示); objections may be filed. */
  | 'IN_PUBLICITY'
  /** Submitted, waiting for the platform's review. */
  | 'PENDING_REVIEW'
  /** Live: open for questions and proposals until the deadline. */
  | 'PUBLISHED'
  /** Refused by the platform. */
  | 'REJECTED';

/** Who may see a challenge once published. */
export type ChallengeVisibility =
  /** Only SMEs the issuer invited (and the issuer's members and admins). */
  | 'INVITE_ONLY'
  /** Everyone, also anonymous visitors. */
  | 'PUBLIC'
  /** Signed-in users only. */
  | 'REGISTERED';

/** Either side closes an accepted introduction with its outcome. */
export type CloseIntroductionInput = {
  /** The introduction (ACCEPTED). */
  introductionId: string | number;
  /** A note, at most 1000 characters. */
  note?: string | null | undefined;
  /** With a deal or without. */
  outcome: IntroductionOutcome;
  /** Why: CONTRACT_SIGNED, PILOT_STARTED, PROPOSAL_SUBMITTED for a deal; TECHNICAL_MISMATCH, COMMERCIAL_TERMS, TIMING, NO_RESPONSE without; OTHER for either. */
  reason: IntroductionCloseReason;
};

/** A commitment to one requirement of the challenge. */
export type CommitmentInput = {
  /** How the value is backed (test report, reference, ...). */
  evidence?: string | null | undefined;
  /** The challenge requirement (考核指标) this commitment answers. */
  requirementId: string | number;
  /** The committed value, e.g. "≥ 99.5%". */
  value: string;
};

/** How the issuer and the SME may work together (合作方式). */
export type CooperationMode =
  /** Development commissioned by the issuer. */
  | 'COMMISSIONED_DEVELOPMENT'
  /** Equity investment or cooperation. */
  | 'EQUITY'
  /** Joint development. */
  | 'JOINT_DEVELOPMENT'
  /** Licence of a patent or technology. */
  | 'LICENSE'
  /** Purchase of a product. */
  | 'PROCUREMENT'
  /** Technical service. */
  | 'TECH_SERVICE'
  /** Transfer of an existing technology. */
  | 'TECH_TRANSFER';

/** A new challenge draft of the caller's enterprise. */
export type CreateChallengeInput = {
  /** Hide the issuer's identity from SMEs; false on a new challenge when omitted. */
  anonymousIssuer?: boolean | null | undefined;
  /** Reviewers see proposals without the SME's identity; false on a new challenge when omitted. */
  blindReview?: boolean | null | undefined;
  /** Bounty in fen (integer CNY cents). */
  bounty?: string | null | undefined;
  /** Upper budget in fen (integer CNY cents); at least budgetMin. */
  budgetMax?: string | null | undefined;
  /** Lower budget in fen (integer CNY cents). */
  budgetMin?: string | null | undefined;
  /** What the demand does for the industrial chain. */
  chainGoal: ChainGoal;
  /** Cooperation modes the issuer accepts. */
  cooperationModes?: Array<CooperationMode> | null | undefined;
  /** ISO 4217 code; CNY when omitted. */
  currency?: string | null | undefined;
  /** Submission deadline: an instant with its offset; at least 24 hours after publication. */
  deadline: string;
  /** Kind of demand. */
  demandType: DemandType;
  /** The confidential description (shown to the issuer, admins and, with terms, to accepting organisations). */
  description?: string | null | undefined;
  /** Who may answer; on a new challenge, verified SMEs of any qualification and region when omitted. */
  eligibility?: EligibilityInput | null | undefined;
  /** Weights sum to 100. */
  evaluationCriteria?: Array<EvaluationCriterionInput> | null | undefined;
  /** Technical approaches the issuer rules out (public, used for matching), up to 5; replaces the list; none when omitted on a new challenge, unchanged when omitted or null on an edit. */
  excludedApproaches?: Array<TechnicalApproachInput> | null | undefined;
  /** GB/T 4754-2017 section letter, A to T. */
  industryCode: string;
  /** Who owns the resulting IP; NEGOTIABLE on a new challenge when omitted. */
  ipOwnership?: IpOwnership | null | undefined;
  /** Who may know how many proposals were received: ISSUER_ONLY (the default) or PUBLIC (everyone who sees the challenge). */
  proposalCountVisibility?: ProposalCountVisibility | null | undefined;
  /** Measurable indicators (技术拆解), in order. */
  requirements?: Array<RequirementInput> | null | undefined;
  /** Public summary (English). */
  summaryEn?: string | null | undefined;
  /** Public summary (Chinese). */
  summaryZh?: string | null | undefined;
  /** Codes of the technical-field taxonomy. */
  technicalFieldCodes?: Array<string> | null | undefined;
  /** NDA / IP terms; when given, the description is shown only after acceptance. */
  terms?: string | null | undefined;
  /** English title (at most 200 characters); a Chinese or an English title is required. */
  titleEn?: string | null | undefined;
  /** Chinese title (at most 200); a Chinese or an English title is required. */
  titleZh?: string | null | undefined;
  /** Who may see the challenge once published; PUBLIC on a new challenge when omitted. */
  visibility?: ChallengeVisibility | null | undefined;
};

/** A new enterprise; the caller becomes its owner. */
export type CreateEnterpriseInput = {
  /** Private: seen only by the organisation and platform admins. */
  contactEmail?: string | null | undefined;
  /** Private: seen only by the organisation and platform admins. */
  contactPhone?: string | null | undefined;
  /** 统一社会信用代码: 18 characters with a valid GB 32100-2015 check character. */
  creditCode: string;
  /** Up to 5000 characters. */
  description?: string | null | undefined;
  /** GB/T 4754-2017 section letter, A to T (C = manufacturing). */
  industryCode: string;
  /** True for an enterprise that leads an industrial chain. */
  isChainLeader?: boolean | null | undefined;
  /** English name, up to 200 characters. */
  nameEn?: string | null | undefined;
  /** Chinese name, 2 to 200 characters. */
  nameZh: string;
  /** Resources the enterprise offers SMEs. */
  openResources?: Array<OpenResourceInput> | null | undefined;
  /** Province-level division code (GB/T 2260), e.g. 370000. */
  regionCode: string;
};

/** A new SME; the caller becomes its owner. */
export type CreateSmeInput = {
  /** What the SME can do, Chinese and/or English; up to 10000 characters. */
  capabilityStatement?: string | null | undefined;
  /** Required with a qualification other than NONE. */
  certificateNumber?: string | null | undefined;
  /** Private: seen only by the organisation and platform admins. */
  contactEmail?: string | null | undefined;
  /** Private: seen only by the organisation and platform admins. */
  contactPhone?: string | null | undefined;
  /** 统一社会信用代码: 18 characters with a valid GB 32100-2015 check character. */
  creditCode: string;
  /** Up to 5000 characters. */
  description?: string | null | undefined;
  /** Number of employees. */
  employees?: number | null | undefined;
  /** Year the company was founded. */
  foundingYear?: number | null | undefined;
  /** English name, up to 200 characters. */
  nameEn?: string | null | undefined;
  /** Chinese name, 2 to 200 characters. */
  nameZh: string;
  /** Declared 专精特新 qualification; counts once verified. */
  qualification?: SmeQualification | null | undefined;
  /** YYYY-MM-DD; required with a qualification. */
  qualificationValidFrom?: string | null | undefined;
  /** YYYY-MM-DD, not before validFrom and not in the past; required with a qualification. */
  qualificationValidUntil?: string | null | undefined;
  /** Province-level division code (GB/T 2260), e.g. 370000. */
  regionCode: string;
  /** Size class of the SME. */
  sizeClass: SmeSizeClass;
  /** Codes from technicalFields, up to 20. */
  technicalFieldCodes?: Array<string> | null | undefined;
};

/** A reviewer's score on one criterion. */
export type CriterionScoreInput = {
  /** The reviewer's comment on the score. */
  comment?: string | null | undefined;
  /** The EvaluationCriterion scored. */
  criterionId: string | number;
  /** Seen only by the reviewer. */
  privateNote?: string | null | undefined;
  /** 0 to 10. */
  score: number;
};

/** Declarations the SME makes with its proposal; both must be true to submit. */
export type DeclarationsInput = {
  /** No conflict of interest with the issuer or its reviewers. */
  noConflictOfInterest: boolean;
  /** The proposal is the SME’s own original work. */
  original: boolean;
};

/** Kind of demand a challenge is. */
export type DemandType =
  /** A product or service to buy. */
  | 'PROCUREMENT'
  /** A scenario where a solution is piloted (场景验证). */
  | 'SCENARIO_VALIDATION'
  /** People or expertise sought. */
  | 'TALENT'
  /** A technical problem to solve (技术攻关). */
  | 'TECH_BREAKTHROUGH'
  /** Upgrade of an existing process or product (技术改造). */
  | 'TECH_TRANSFORMATION';

/** A recommended pair the viewer’s side does not want to see again. */
export type DismissRecommendationInput = {
  /** The challenge. */
  challengeId: string | number;
  /** Why, in a few words (at most 300 characters); kept for ranking to learn from. */
  reason?: string | null | undefined;
  /** The SME. */
  smeId: string | number;
};

/** Which side dismissed a recommended pair. */
export type DismissalSide =
  /** The issuing enterprise (for recommendedSmes). */
  | 'ISSUER'
  /** The SME (for recommendedChallenges). */
  | 'SME';

/** Who may answer a challenge. */
export type EligibilityInput = {
  /** GB/T 2260 province codes (6 digits); empty = anywhere. */
  allowedRegionCodes?: Array<string>;
  /** The lowest 专精特新 qualification a respondent needs; NONE admits every SME. */
  minQualification?: SmeQualification;
  /** Only platform-verified SMEs may submit. */
  verifiedOnly?: boolean;
};

/** Why an SME may not answer a challenge (the eligibility rule). */
export type EligibilityReason =
  /** The organisation is not an SME. */
  | 'NOT_AN_SME'
  /** The challenge is for verified SMEs and this one is not VERIFIED. */
  | 'NOT_VERIFIED'
  /** The SME declares the qualification asked for, but its certificate has ended (China time). */
  | 'QUALIFICATION_EXPIRED'
  /** The qualification that counts is below the challenge's minimum. */
  | 'QUALIFICATION_TOO_LOW'
  /** The challenge names regions and the SME's is not one of them. */
  | 'REGION_NOT_ALLOWED';

/** A scoring criterion of a challenge. */
export type EvaluationCriterionInput = {
  /** How the criterion is judged. */
  description?: string;
  /** Name of the criterion. */
  name: string;
  /** Pass/fail: failing it disqualifies. */
  veto?: boolean;
  /** The weights of all criteria sum to 100. */
  weight: number;
};

/** Narrows the expert pool. */
export type ExpertFilterInput = {
  /** True: also revoked experts (marked active: false). Only active experts when omitted. */
  includeRevoked?: boolean | null | undefined;
  /** Part of the display name or of the affiliation (1 to 100 characters). */
  search?: string | null | undefined;
  /** Experts with at least one of these technical fields or of their sub-fields (1 to 10 codes). */
  technicalFieldCodes?: Array<string> | null | undefined;
};

/** Adds a user to the expert pool (platform admins). */
export type GrantExpertRoleInput = {
  /** The affiliation’s credit code, when it has one. */
  affiliationCreditCode?: string | null | undefined;
  /** Where the expert works (for conflict-of-interest checks). */
  affiliationName: string;
  /** Short biography. */
  bio?: string | null | undefined;
  /** Fields of expertise: technical field codes, 1 to 10. */
  fieldCodes: Array<string>;
  /** The user made an expert. */
  userId: string | number;
};

/** Why an accepted introduction was closed. */
export type IntroductionCloseReason =
  /** Price, IP or other terms did not agree (CLOSED_NO_DEAL). */
  | 'COMMERCIAL_TERMS'
  /** A contract was signed (CLOSED_DEAL). */
  | 'CONTRACT_SIGNED'
  /** The other side stopped answering (CLOSED_NO_DEAL). */
  | 'NO_RESPONSE'
  /** Another reason, told in `note` (either outcome). */
  | 'OTHER'
  /** A pilot or trial started (CLOSED_DEAL). */
  | 'PILOT_STARTED'
  /** The SME submitted a proposal (CLOSED_DEAL). */
  | 'PROPOSAL_SUBMITTED'
  /** The technology does not fit (CLOSED_NO_DEAL). */
  | 'TECHNICAL_MISMATCH'
  /** Not now (CLOSED_NO_DEAL). */
  | 'TIMING';

/** Who asked: the issuer (INVITE) or the SME (REQUEST). */
export type IntroductionDirection =
  /** The issuing enterprise invited the SME (inviteSmeToChallenge). */
  | 'INVITE'
  /** The SME asked for an introduction (requestIntroduction). */
  | 'REQUEST';

/** Which of your organisation’s introductions: those it asked for, or was asked. */
export type IntroductionListDirection =
  /** Asked of your organisation by the other side. */
  | 'RECEIVED'
  /** Asked for by your organisation (invitations of an enterprise, requests of an SME). */
  | 'SENT';

/** How an accepted introduction ends. */
export type IntroductionOutcome =
  /** With a deal. */
  | 'CLOSED_DEAL'
  /** Without a deal. */
  | 'CLOSED_NO_DEAL';

/** Where an introduction (对接) stands: REQUESTED → ACCEPTED | DECLINED | EXPIRED | CANCELLED; ACCEPTED → CLOSED_DEAL | CLOSED_NO_DEAL. */
export type IntroductionStatus =
  /** The other side accepted: contacts are shown to both sides; messages open. */
  | 'ACCEPTED'
  /** Withdrawn by the side that asked, before an answer. */
  | 'CANCELLED'
  /** Closed by either side after a deal (with a structured reason). */
  | 'CLOSED_DEAL'
  /** Closed by either side without a deal (with a structured reason). */
  | 'CLOSED_NO_DEAL'
  /** The other side declined (with a reason). */
  | 'DECLINED'
  /** Not answered before `expiresAt`. */
  | 'EXPIRED'
  /** Asked for, waiting for the other side (until `expiresAt`). */
  | 'REQUESTED';

/** The issuer invites an SME to its challenge: an introduction the SME accepts or declines. */
export type InviteSmeToChallengeInput = {
  /** The challenge (PUBLISHED, before its deadline). */
  challengeId: string | number;
  /** Why the SME is invited, 1 to 2000 characters. */
  message: string;
  /** The SME invited (verified and eligible for the challenge). */
  smeId: string | number;
};

/** Who owns the intellectual property of the result (知识产权归属). */
export type IpOwnership =
  /** The issuing enterprise. */
  | 'ISSUER'
  /** Agreed in the proposal. */
  | 'NEGOTIABLE'
  /** The SME that delivers. */
  | 'RESPONDENT'
  /** Both. */
  | 'SHARED';

/** zh-CN or en */
export type Locale =
  /** English. */
  | 'EN'
  /** Simplified Chinese. */
  | 'ZH_CN';

/** E-mail and password sign-in. */
export type LoginInput = {
  /** The account's e-mail address. */
  email: string;
  /** The account's password. */
  password: string;
};

/** Which of your notifications to mark read: `ids` (1 to 100) or `all: true`, not both. */
export type MarkNotificationsReadInput = {
  /** True: mark every notification of yours read. */
  all?: boolean | null | undefined;
  /** Your notifications to mark read, 1 to 100; ids that are not yours change nothing. */
  ids?: Array<string | number> | null | undefined;
};

/** A part of a match score (README, "How matching works"). */
export type MatchComponent =
  /** The application the demand names, matched apart from the technology (or past projects in the challenge's industry). */
  | 'APPLICATION'
  /** Penalty: the SME offers what the demand wants to replace or avoid. */
  | 'AVOIDED_OFFER'
  /** Penalty: the SME follows a technical approach the issuer excludes. */
  | 'EXCLUDED_ROUTE'
  /** Penalty: the viewer dismissed recommendations like this one. */
  | 'FEEDBACK'
  /** The 专精特新 level that counts, 0 to 1. */
  | 'QUALIFICATION'
  /** The challenge names regions and the SME is in one. */
  | 'REGION'
  /** Taxonomy closeness: same field 1, siblings 0.6, parent/child 0.4, same top 0.25. */
  | 'TECHNICAL_FIELDS'
  /** How much of the demand the SME's own text covers (weighted terms, IDF over the SMEs, BM25). */
  | 'TEXT'
  /** Shortlisted, selected and awarded on the platform in related fields. */
  | 'TRACK_RECORD';

/** Where in a challenge or an SME profile a term occurs. */
export type MatchLocation =
  /** The SME's capability statement. */
  | 'CAPABILITY'
  /** The SME's keywords. */
  | 'KEYWORD'
  /** The SME's name. */
  | 'NAME'
  /** The SME's past projects. */
  | 'PAST_PROJECT'
  /** The SME's products. */
  | 'PRODUCT'
  /** The challenge's technical indicators. */
  | 'REQUIREMENT'
  /** The SME's technical routes. */
  | 'ROUTE'
  /** The challenge's public summary. */
  | 'SUMMARY'
  /** The challenge's title. */
  | 'TITLE';

/** What a reason of a match speaks of. */
export type MatchReasonKind =
  /** The application the demand names. */
  | 'APPLICATION'
  /** Against: the SME offers what the demand wants replaced. */
  | 'AVOIDED_OFFER'
  /** Terms that match across Chinese and English. */
  | 'CROSS_LANGUAGE'
  /** Against: an approach the issuer excludes. */
  | 'EXCLUDED_ROUTE'
  /** Against: like recommendations the viewer dismissed. */
  | 'FEEDBACK'
  /** The SME’s 专精特新 qualification. */
  | 'QUALIFICATION'
  /** The SME is in a region the challenge names. */
  | 'REGION'
  /** Shared or related technical fields. */
  | 'TECHNICAL_FIELDS'
  /** English terms both sides use. */
  | 'TERMS_EN'
  /** Chinese terms both sides use. */
  | 'TERMS_ZH'
  /** Results on the platform in related fields. */
  | 'TRACK_RECORD';

/** A step of the delivery plan. */
export type MilestoneInput = {
  /** Payment due at this milestone, in fen (integer CNY cents). */
  amountFen: string;
  /** What is delivered. */
  deliverable: string;
  /** Month after the start, 1 to 120. */
  month: number;
  /** Name of the milestone. */
  name: string;
};

/** How you hear of a kind of notification. */
export type NotificationChannelSetting =
  /** In the inbox and in a daily e-mail digest. */
  | 'DIGEST'
  /** In the inbox and by e-mail each time. */
  | 'EMAIL'
  /** In the inbox only. */
  | 'IN_APP'
  /** Not at all (no notification is written). */
  | 'OFF';

/** What a notification tells of. */
export type NotificationKind =
  /** A platform admin decided your enterprise’s alliance application. */
  | 'ALLIANCE_APPLICATION_DECIDED'
  /** A challenge you follow (or take part in) was amended. */
  | 'CHALLENGE_AMENDED'
  /** A clarification answer was published on a challenge you follow (or take part in). */
  | 'CHALLENGE_ANSWER_PUBLISHED'
  /** A challenge you take part in was awarded. */
  | 'CHALLENGE_AWARDED'
  /** A challenge you take part in or follow closed without a winner (流榜), with the reason. */
  | 'CHALLENGE_FAILED'
  /** A challenge was just published that fits your SME (the recommender ranks your SME among those it fits best). */
  | 'CHALLENGE_RECOMMENDED'
  /** A platform admin decided the review of your organisation’s challenge. */
  | 'CHALLENGE_REVIEW_DECIDED'
  /** The deadline of a challenge your organisation has a proposal for (or accepted the terms of) is 72 or 24 hours away. */
  | 'DEADLINE_REMINDER'
  /** The other side accepted your organisation’s introduction. */
  | 'INTRODUCTION_ACCEPTED'
  /** The other side declined your organisation’s introduction. */
  | 'INTRODUCTION_DECLINED'
  /** An introduction your organisation was asked for expires within 48 hours unless answered. */
  | 'INTRODUCTION_EXPIRING'
  /** The other side asked your organisation for an introduction (对接) or invited it. */
  | 'INTRODUCTION_REQUESTED'
  /** A platform admin decided your organisation’s verification. */
  | 'ORGANIZATION_VERIFICATION_DECIDED'
  /** Your SME’s proposal was not selected (with the reason and feedback). */
  | 'PROPOSAL_NOT_SELECTED'
  /** Your SME’s proposal was selected. */
  | 'PROPOSAL_SELECTED'
  /** Your SME’s proposal was shortlisted. */
  | 'PROPOSAL_SHORTLISTED'
  /** Your SME’s proposal was submitted (with its receipt). */
  | 'PROPOSAL_SUBMITTED'
  /** The public notice (公示) of a challenge you take part in started. */
  | 'PUBLICITY_STARTED'
  /** You were asked to review the proposals of a challenge (accept or decline the assignment). */
  | 'REVIEW_ASSIGNED';

/** A resource the enterprise offers SMEs. */
export type OpenResourceInput = {
  /** Up to 2000 characters. */
  description?: string | null | undefined;
  /** 2 to 200 characters. */
  title: string;
  /** Kind of resource. */
  type: OpenResourceType;
};

/** LAB, PILOT_LINE, DATA, PATENT_LICENSE, SCENARIO */
export type OpenResourceType =
  /** Data sets. */
  | 'DATA'
  /** A laboratory. */
  | 'LAB'
  /** Patent licences. */
  | 'PATENT_LICENSE'
  /** A pilot or test line. */
  | 'PILOT_LINE'
  /** An application scenario to pilot in. */
  | 'SCENARIO';

/** Kind of organisation. */
export type OrganizationKind =
  /** A large enterprise that posts challenges. */
  | 'ENTERPRISE'
  /** A small or medium enterprise that answers them. */
  | 'SME';

/** A user's role in their organisation. */
export type OrganizationRole =
  /** Manages the organisation's profile and members. */
  | 'ADMIN'
  /** Acts for the organisation on challenges and proposals. */
  | 'MEMBER'
  /** Created the organisation; manages everything, including admins. */
  | 'OWNER';

/** A platform-wide role, beside the organisation role. */
export type PlatformRole =
  /** Platform administrator (平台管理员). */
  | 'ADMIN'
  /** Reviewer of the expert pool. */
  | 'EXPERT';

/** The content of a proposal (one revision). */
export type ProposalContentInput = {
  /** Files attached by reference. */
  attachments?: Array<AttachmentRefInput> | null | undefined;
  /** Commitments to the challenge's requirements. */
  commitments?: Array<CommitmentInput> | null | undefined;
  /** Other SMEs of the consortium (organisation ids). */
  consortiumPartnerIds?: Array<string | number> | null | undefined;
  /** Declarations of originality and no conflict of interest. */
  declarations: DeclarationsInput;
  /** Delivery time in months. */
  durationMonths: number;
  /** The IP arrangement proposed (知识产权归属). */
  ipArrangement: string;
  /** Delivery plan. */
  milestones?: Array<MilestoneInput> | null | undefined;
  /** Quoted price in fen (integer CNY cents). */
  quotedPriceFen: string;
  /** Short summary. */
  summary: string;
  /** Team members. */
  team?: Array<TeamMemberInput> | null | undefined;
  /** How the problem is solved. */
  technicalApproach: string;
  /** Title of the proposal. */
  title: string;
};

/** Who may know a challenge's proposal count: ISSUER_ONLY (its members and admins) or PUBLIC (everyone who sees the challenge). */
export type ProposalCountVisibility =
  /** Only the issuer's members and platform admins. */
  | 'ISSUER_ONLY'
  /** Everyone who sees the challenge. */
  | 'PUBLIC';

/** Lifecycle of a proposal: DRAFT → SUBMITTED → UNDER_REVIEW → SHORTLISTED → SELECTED, with side paths. */
export type ProposalStatus =
  /** A winner ruled out after an upheld objection. */
  | 'DISQUALIFIED'
  /** Being written; seen only by the SME. */
  | 'DRAFT'
  /** Not selected, with a reason. */
  | 'NOT_SELECTED'
  /** A winner. */
  | 'SELECTED'
  /** Kept for the final decision (入围). */
  | 'SHORTLISTED'
  /** Submitted and sealed until the deadline; may be revised or withdrawn until then. */
  | 'SUBMITTED'
  /** Past the deadline, being evaluated. */
  | 'UNDER_REVIEW'
  /** Withdrawn by the SME before the deadline. */
  | 'WITHDRAWN';

/** Exchanges a refresh token for a new token pair. */
export type RefreshTokenInput = {
  /** The refresh token (single use). */
  refreshToken: string;
};

/** A new user account. */
export type RegisterInput = {
  /** 1 to 100 characters. */
  displayName: string;
  /** E-mail address; it signs the user in. */
  email: string;
  /** zh-CN when omitted. */
  locale?: Locale | null | undefined;
  /** 10 to 256 characters. */
  password: string;
};

/** An SME asks the issuer of a challenge for an introduction. */
export type RequestIntroductionInput = {
  /** The challenge (PUBLISHED, before its deadline, one the SME may see). */
  challengeId: string | number;
  /** What the SME offers and asks, 1 to 2000 characters. */
  message: string;
};

/** A measurable indicator of a challenge. */
export type RequirementInput = {
  /** True when a proposal must meet it. */
  mustHave?: boolean;
  /** What is measured. */
  name: string;
  /** Target value, e.g. "≥ 6000" or "< 2 s". */
  target: string;
  /** Unit of the target; empty when none. */
  unit?: string;
  /** Relative weight, 0 to 100. */
  weight?: number;
};

/** Lifecycle of a review assignment. */
export type ReviewAssignmentStatus =
  /** The reviewer scores the proposals. */
  | 'ACCEPTED'
  /** The reviewer declined. */
  | 'DECLINED'
  /** Waiting for the reviewer's answer. */
  | 'INVITED'
  /** Recused for a conflict of interest (回避). */
  | 'RECUSED';

/** Saves the caller's SME's draft proposal for a challenge. */
export type SaveProposalDraftInput = {
  /** The challenge. */
  challengeId: string | number;
  /** The draft content. */
  content: ProposalContentInput;
};

/** Selects the winners of a challenge; starts the publicity period (公示). */
export type SelectWinnersInput = {
  /** The challenge. */
  challengeId: string | number;
  /** The winning proposals and their awards. */
  winners: Array<WinnerInput>;
};

/** A message in an accepted introduction’s thread. */
export type SendIntroductionMessageInput = {
  /** Text only, 1 to 2000 characters. */
  body: string;
  /** The introduction (ACCEPTED). */
  introductionId: string | number;
};

/** Your channel for one kind of notification. */
export type SetNotificationPreferenceInput = {
  /** The channel. */
  channel: NotificationChannelSetting;
  /** The kind. */
  kind: NotificationKind;
};

/** Shortlists proposals for the final decision (入围). */
export type ShortlistProposalsInput = {
  /** The challenge. */
  challengeId: string | number;
  /** The proposals shortlisted. */
  proposalIds: Array<string | number>;
};

/** NONE, INNOVATIVE (创新型), SPECIALIZED (专精特新), LITTLE_GIANT (小巨人) */
export type SmeQualification =
  /** 创新型中小企业 (innovative SME). */
  | 'INNOVATIVE'
  /** 专精特新"小巨人" (little giant). */
  | 'LITTLE_GIANT'
  /** No qualification. */
  | 'NONE'
  /** 专精特新中小企业 (specialised SME). */
  | 'SPECIALIZED';

/** Size class of an SME. */
export type SmeSizeClass =
  /** Medium enterprise. */
  | 'MEDIUM'
  /** Micro enterprise. */
  | 'MICRO'
  /** Small enterprise. */
  | 'SMALL';

/** Submits the caller's SME's proposal for a challenge before its deadline. */
export type SubmitProposalInput = {
  /** The challenge. */
  challengeId: string | number;
  /** The proposal content. */
  content: ProposalContentInput;
  /** Chosen by the client, unique per SME: a retry with the same key and payload returns the same proposal and receipt. */
  idempotencyKey: string;
};

/** A reviewer's scores for one proposal. */
export type SubmitScoresInput = {
  /** The proposal scored. */
  proposalId: string | number;
  /** One score per criterion. */
  scores: Array<CriterionScoreInput>;
};

/** A member of the team proposed. */
export type TeamMemberInput = {
  /** Name. */
  name: string;
  /** Role in the project. */
  role: string;
};

/** A technical approach the issuer rules out, labelled in Chinese and/or English (at least one). */
export type TechnicalApproachInput = {
  /** English label, 1 to 60 characters after trimming; empty means none. */
  en?: string | null | undefined;
  /** Chinese label, 1 to 60 characters after trimming; empty means none. */
  zh?: string | null | undefined;
};

/** The language of a matched term. */
export type TermLanguage =
  /** English. */
  | 'EN'
  /** Chinese. */
  | 'ZH';

/** Whether the platform has verified an organisation's identity. */
export type VerificationStatus =
  /** Checked and refused. */
  | 'REJECTED'
  /** Not checked yet. */
  | 'UNVERIFIED'
  /** Checked and confirmed. */
  | 'VERIFIED';

/** A platform admin verifies an organisation. */
export type VerifyOrganizationInput = {
  /** The organisation. */
  organizationId: string | number;
  /** A note for the audit trail (up to 500 characters). */
  reason?: string | null | undefined;
};

/** A winning proposal and its award. */
export type WinnerInput = {
  /** Award in fen (integer CNY cents). */
  awardAmountFen: string;
  /** The winning proposal. */
  proposalId: string | number;
};

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: { user: { id: string, email: string, locale: Locale } } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string } } };

export type RefreshTokenMutationVariables = Exact<{
  input: RefreshTokenInput;
}>;


export type RefreshTokenMutation = { refreshToken: { accessToken: string, refreshToken: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, displayName: string, locale: Locale, platformRoles: Array<PlatformRole> } };

export type TechnicalFieldsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TechnicalFieldsQuery = { technicalFields: { edges: Array<{ node: { code: string, nameZh: string, nameEn: string, parentCode: string | null } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type CreateEnterpriseMutationVariables = Exact<{
  input: CreateEnterpriseInput;
}>;


export type CreateEnterpriseMutation = { createEnterprise: { enterprise: { id: string, nameZh: string, verificationStatus: VerificationStatus } } };

export type CreateSmeMutationVariables = Exact<{
  input: CreateSmeInput;
}>;


export type CreateSmeMutation = { createSme: { sme: { id: string, nameZh: string, qualification: SmeQualification, verificationStatus: VerificationStatus } } };

export type VerificationQueueQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VerificationQueueQuery = { organizationVerificationQueue: { edges: Array<{ node: { organizationId: string, kind: OrganizationKind, nameZh: string, creditCode: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VerifyOrganizationMutationVariables = Exact<{
  input: VerifyOrganizationInput;
}>;


export type VerifyOrganizationMutation = { verifyOrganization: { organizationId: string, verificationStatus: VerificationStatus } };

export type ApplyToAllianceMutationVariables = Exact<{
  input: ApplyToAllianceInput;
}>;


export type ApplyToAllianceMutation = { applyToAlliance: { membership: { id: string, status: AllianceMembershipStatus } } };

export type AdmitAllianceMemberMutationVariables = Exact<{
  input: AdmitAllianceMemberInput;
}>;


export type AdmitAllianceMemberMutation = { admitAllianceMember: { membership: { id: string, status: AllianceMembershipStatus, tier: AllianceTier | null } } };

export type MyOrganizationQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOrganizationQuery = { myOrganization: { kind: OrganizationKind, role: OrganizationRole, enterprise: { id: string, nameZh: string, verificationStatus: VerificationStatus } | null, sme: { id: string, nameZh: string, verificationStatus: VerificationStatus } | null } | null };

export type CreateChallengeMutationVariables = Exact<{
  input: CreateChallengeInput;
}>;


export type CreateChallengeMutation = { createChallenge: { challenge: { id: string, status: ChallengeStatus, version: number, requirements: Array<{ id: string, name: string }>, evaluationCriteria: Array<{ id: string, name: string, weight: number }> } } };

export type SubmitChallengeForReviewMutationVariables = Exact<{
  id: string | number;
}>;


export type SubmitChallengeForReviewMutation = { submitChallengeForReview: { challenge: { id: string, status: ChallengeStatus } } };

export type ApproveAndPublishChallengeMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveAndPublishChallengeMutation = { approveAndPublishChallenge: { challenge: { id: string, status: ChallengeStatus, publishedAt: string | null } } };

export type FindChallengesQueryVariables = Exact<{
  filter?: ChallengeFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FindChallengesQuery = { challenges: { edges: Array<{ node: { id: string, titleZh: string | null, titleEn: string | null, deadline: string, requiresTerms: boolean, termsVersion: number | null, viewerEligibility: { eligible: boolean, reasons: Array<EligibilityReason> } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ChallengePageQueryVariables = Exact<{
  id: string | number;
}>;


export type ChallengePageQuery = { challenge: { id: string, status: ChallengeStatus, titleZh: string | null, summaryZh: string | null, deadline: string, budgetMin: string | null, budgetMax: string | null, requiresTerms: boolean, termsVersion: number | null, termsAccepted: boolean, description: string | null, requirements: Array<{ id: string, name: string, target: string, unit: string, mustHave: boolean }>, evaluationCriteria: Array<{ id: string, name: string, weight: number, veto: boolean }>, viewerEligibility: { eligible: boolean, reasons: Array<EligibilityReason> } | null } };

export type AcceptChallengeTermsMutationVariables = Exact<{
  input: AcceptChallengeTermsInput;
}>;


export type AcceptChallengeTermsMutation = { acceptChallengeTerms: { challenge: { id: string, termsAccepted: boolean, description: string | null } } };

export type AskChallengeQuestionMutationVariables = Exact<{
  input: AskChallengeQuestionInput;
}>;


export type AskChallengeQuestionMutation = { askChallengeQuestion: { question: { id: string, question: string } } };

export type AnswerChallengeQuestionMutationVariables = Exact<{
  input: AnswerChallengeQuestionInput;
}>;


export type AnswerChallengeQuestionMutation = { answerChallengeQuestion: { question: { id: string, answer: string | null } } };

export type SaveProposalDraftMutationVariables = Exact<{
  input: SaveProposalDraftInput;
}>;


export type SaveProposalDraftMutation = { saveProposalDraft: { proposal: { id: string, status: ProposalStatus, currentRevision: number } } };

export type SubmitProposalMutationVariables = Exact<{
  input: SubmitProposalInput;
}>;


export type SubmitProposalMutation = { submitProposal: { proposal: { id: string, status: ProposalStatus, receipt: { submittedAt: string, contentSha256: string, revision: number } | null } } };

export type MyProposalsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyProposalsQuery = { myProposals: { edges: Array<{ node: { id: string, challengeId: string, status: ProposalStatus, submittedAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AdvanceChallengeClockMutationVariables = Exact<{
  input: AdvanceChallengeClockInput;
}>;


export type AdvanceChallengeClockMutation = { advanceChallengeClock: { challenge: { id: string, status: ChallengeStatus } } };

export type GrantExpertRoleMutationVariables = Exact<{
  input: GrantExpertRoleInput;
}>;


export type GrantExpertRoleMutation = { grantExpertRole: { expert: { userId: string } } };

export type FindExpertsQueryVariables = Exact<{
  filter?: ExpertFilterInput | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FindExpertsQuery = { experts: { edges: Array<{ node: { userId: string, displayName: string, affiliationName: string, active: boolean, fields: Array<{ code: string, nameZh: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AssignReviewersMutationVariables = Exact<{
  input: AssignReviewersInput;
}>;


export type AssignReviewersMutation = { assignReviewers: { assignments: Array<{ id: string, reviewerUserId: string, status: ReviewAssignmentStatus }> } };

export type MyReviewAssignmentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyReviewAssignmentsQuery = { myReviewAssignments: { edges: Array<{ node: { id: string, challengeId: string, status: ReviewAssignmentStatus } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AcceptReviewAssignmentMutationVariables = Exact<{
  assignmentId: string | number;
}>;


export type AcceptReviewAssignmentMutation = { acceptReviewAssignment: { reviewAssignment: { id: string, status: ReviewAssignmentStatus } } };

export type ChallengeProposalsQueryVariables = Exact<{
  challengeId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ChallengeProposalsQuery = { challengeProposals: { edges: Array<{ node: { id: string, status: ProposalStatus, content: { title: string, summary: string } | null } }> } };

export type SubmitScoresMutationVariables = Exact<{
  input: SubmitScoresInput;
}>;


export type SubmitScoresMutation = { submitScores: { proposalId: string, scores: Array<{ criterionId: string, score: number }> } };

export type LockScoringMutationVariables = Exact<{
  challengeId: string | number;
}>;


export type LockScoringMutation = { lockScoring: { scoringLock: { challengeId: string, lockedAt: string } } };

export type ProposalRankingQueryVariables = Exact<{
  challengeId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProposalRankingQuery = { proposalRanking: { total: number, scoringLocked: boolean, edges: Array<{ node: { rank: number | null, proposalId: string, title: string, weightedScore: number | null, vetoed: boolean } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ShortlistProposalsMutationVariables = Exact<{
  input: ShortlistProposalsInput;
}>;


export type ShortlistProposalsMutation = { shortlistProposals: { proposals: Array<{ id: string, status: ProposalStatus }> } };

export type SelectWinnersMutationVariables = Exact<{
  input: SelectWinnersInput;
}>;


export type SelectWinnersMutation = { selectWinners: { challenge: { status: ChallengeStatus }, winners: Array<{ id: string, status: ProposalStatus, awardAmountFen: string | null }> } };

export type ChallengeResultQueryVariables = Exact<{
  challengeId: string | number;
}>;


export type ChallengeResultQuery = { challengeResult: { status: ChallengeStatus, publicityEndsAt: string, winners: Array<{ proposalId: string, organizationNameZh: string, awardAmountFen: string }> } };

export type RecommendedSmesQueryVariables = Exact<{
  challengeId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RecommendedSmesQuery = { recommendedSmes: { edges: Array<{ node: { sme: { id: string, nameZh: string, nameEn: string | null }, match: { score: number, components: Array<{ kind: MatchComponent, value: number, weight: number }>, reasons: Array<{ kind: MatchReasonKind, positive: boolean, text: string }>, matchedTerms: Array<{ challengeText: string, smeText: string, language: TermLanguage, smeLocations: Array<MatchLocation>, viaTranslation: boolean }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RecommendedChallengesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RecommendedChallengesQuery = { recommendedChallenges: { edges: Array<{ node: { challenge: { id: string, titleZh: string | null, titleEn: string | null, deadline: string }, match: { score: number, reasons: Array<{ kind: MatchReasonKind, positive: boolean, text: string }> } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ExplainMatchQueryVariables = Exact<{
  challengeId: string | number;
  smeId: string | number;
}>;


export type ExplainMatchQuery = { matchExplanation: { recommendable: boolean, eligibilityProblems: Array<EligibilityReason>, dismissed: boolean, match: { score: number, reasons: Array<{ kind: MatchReasonKind, positive: boolean, text: string }> } } };

export type DismissRecommendationMutationVariables = Exact<{
  input: DismissRecommendationInput;
}>;


export type DismissRecommendationMutation = { dismissRecommendation: { dismissal: { challengeId: string, smeId: string, side: DismissalSide, reason: string | null, dismissedAt: string } } };

export type InviteSmeMutationVariables = Exact<{
  input: InviteSmeToChallengeInput;
}>;


export type InviteSmeMutation = { inviteSmeToChallenge: { introduction: { id: string, status: IntroductionStatus, expiresAt: string } } };

export type RequestIntroductionMutationVariables = Exact<{
  input: RequestIntroductionInput;
}>;


export type RequestIntroductionMutation = { requestIntroduction: { introduction: { id: string, status: IntroductionStatus } } };

export type AcceptIntroductionMutationVariables = Exact<{
  input: AcceptIntroductionInput;
}>;


export type AcceptIntroductionMutation = { acceptIntroduction: { introduction: { status: IntroductionStatus, issuerContact: { nameZh: string, email: string | null, phone: string | null, personName: string | null } | null, smeContact: { nameZh: string, email: string | null, phone: string | null, personName: string | null } | null, challenge: { issuer: { nameZh: string } | null } | null } } };

export type SendIntroductionMessageMutationVariables = Exact<{
  input: SendIntroductionMessageInput;
}>;


export type SendIntroductionMessageMutation = { sendIntroductionMessage: { message: { id: string, createdAt: string } } };

export type CloseIntroductionMutationVariables = Exact<{
  input: CloseIntroductionInput;
}>;


export type CloseIntroductionMutation = { closeIntroduction: { introduction: { status: IntroductionStatus, closeReason: IntroductionCloseReason | null } } };

export type MyIntroductionsQueryVariables = Exact<{
  direction?: IntroductionListDirection | null | undefined;
  status?: IntroductionStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyIntroductionsQuery = { myIntroductions: { edges: Array<{ node: { id: string, direction: IntroductionDirection, status: IntroductionStatus, challengeTitleZh: string | null, sme: { nameZh: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type NotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type NotificationsQuery = { notifications: { edges: Array<{ cursor: string, node: { id: string, kind: NotificationKind, title: string, body: string, createdAt: string, readAt: string | null, challengeId: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { markedCount: number, unreadCount: number } };

export type SetNotificationPreferenceMutationVariables = Exact<{
  input: SetNotificationPreferenceInput;
}>;


export type SetNotificationPreferenceMutation = { setNotificationPreference: { preference: { kind: NotificationKind, channel: NotificationChannelSetting, isDefault: boolean } } };

export type FollowChallengeMutationVariables = Exact<{
  input: ChallengeFollowInput;
}>;


export type FollowChallengeMutation = { followChallenge: { challengeId: string, following: boolean } };


export const RegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Register"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterMutation, RegisterMutationVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const RefreshTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}}]}}]}}]} as unknown as DocumentNode<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"platformRoles"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const TechnicalFieldsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TechnicalFields"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"technicalFields"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"parentCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TechnicalFieldsQuery, TechnicalFieldsQueryVariables>;
export const CreateEnterpriseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateEnterprise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEnterpriseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}}]}}]}}]}}]} as unknown as DocumentNode<CreateEnterpriseMutation, CreateEnterpriseMutationVariables>;
export const CreateSmeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSme"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSmeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"qualification"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}}]}}]}}]}}]} as unknown as DocumentNode<CreateSmeMutation, CreateSmeMutationVariables>;
export const VerificationQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerificationQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationVerificationQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<VerificationQueueQuery, VerificationQueueQueryVariables>;
export const VerifyOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}}]}}]}}]} as unknown as DocumentNode<VerifyOrganizationMutation, VerifyOrganizationMutationVariables>;
export const ApplyToAllianceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyToAlliance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyToAllianceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyToAlliance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ApplyToAllianceMutation, ApplyToAllianceMutationVariables>;
export const AdmitAllianceMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdmitAllianceMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmitAllianceMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admitAllianceMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}}]}}]}}]} as unknown as DocumentNode<AdmitAllianceMemberMutation, AdmitAllianceMemberMutationVariables>;
export const MyOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myOrganization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"verificationStatus"}}]}}]}}]}}]} as unknown as DocumentNode<MyOrganizationQuery, MyOrganizationQueryVariables>;
export const CreateChallengeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateChallenge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateChallengeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createChallenge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evaluationCriteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateChallengeMutation, CreateChallengeMutationVariables>;
export const SubmitChallengeForReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitChallengeForReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitChallengeForReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitChallengeForReviewMutation, SubmitChallengeForReviewMutationVariables>;
export const ApproveAndPublishChallengeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveAndPublishChallenge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveAndPublishChallenge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveAndPublishChallengeMutation, ApproveAndPublishChallengeMutationVariables>;
export const FindChallengesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FindChallenges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ChallengeFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"titleZh"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"requiresTerms"}},{"kind":"Field","name":{"kind":"Name","value":"termsVersion"}},{"kind":"Field","name":{"kind":"Name","value":"viewerEligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<FindChallengesQuery, FindChallengesQueryVariables>;
export const ChallengePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChallengePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"titleZh"}},{"kind":"Field","name":{"kind":"Name","value":"summaryZh"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"budgetMin"}},{"kind":"Field","name":{"kind":"Name","value":"budgetMax"}},{"kind":"Field","name":{"kind":"Name","value":"requiresTerms"}},{"kind":"Field","name":{"kind":"Name","value":"termsVersion"}},{"kind":"Field","name":{"kind":"Name","value":"termsAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"mustHave"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evaluationCriteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"veto"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerEligibility"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}}]}}]}}]} as unknown as DocumentNode<ChallengePageQuery, ChallengePageQueryVariables>;
export const AcceptChallengeTermsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptChallengeTerms"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptChallengeTermsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptChallengeTerms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"termsAccepted"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptChallengeTermsMutation, AcceptChallengeTermsMutationVariables>;
export const AskChallengeQuestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AskChallengeQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AskChallengeQuestionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"askChallengeQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"question"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"question"}}]}}]}}]}}]} as unknown as DocumentNode<AskChallengeQuestionMutation, AskChallengeQuestionMutationVariables>;
export const AnswerChallengeQuestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AnswerChallengeQuestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnswerChallengeQuestionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerChallengeQuestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"question"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"answer"}}]}}]}}]}}]} as unknown as DocumentNode<AnswerChallengeQuestionMutation, AnswerChallengeQuestionMutationVariables>;
export const SaveProposalDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveProposalDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveProposalDraftInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveProposalDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentRevision"}}]}}]}}]}}]} as unknown as DocumentNode<SaveProposalDraftMutation, SaveProposalDraftMutationVariables>;
export const SubmitProposalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitProposal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"contentSha256"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubmitProposalMutation, SubmitProposalMutationVariables>;
export const MyProposalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyProposals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"challengeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyProposalsQuery, MyProposalsQueryVariables>;
export const AdvanceChallengeClockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdvanceChallengeClock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdvanceChallengeClockInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"advanceChallengeClock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AdvanceChallengeClockMutation, AdvanceChallengeClockMutationVariables>;
export const GrantExpertRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GrantExpertRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantExpertRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantExpertRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]}}]} as unknown as DocumentNode<GrantExpertRoleMutation, GrantExpertRoleMutationVariables>;
export const FindExpertsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FindExperts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ExpertFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"affiliationName"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<FindExpertsQuery, FindExpertsQueryVariables>;
export const AssignReviewersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignReviewers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignReviewersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignReviewers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reviewerUserId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AssignReviewersMutation, AssignReviewersMutationVariables>;
export const MyReviewAssignmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyReviewAssignments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myReviewAssignments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"challengeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyReviewAssignmentsQuery, MyReviewAssignmentsQueryVariables>;
export const AcceptReviewAssignmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptReviewAssignment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptReviewAssignment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"assignmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assignmentId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewAssignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptReviewAssignmentMutation, AcceptReviewAssignmentMutationVariables>;
export const ChallengeProposalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChallengeProposals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChallengeProposalsQuery, ChallengeProposalsQueryVariables>;
export const SubmitScoresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitScores"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitScoresInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitScores"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"scores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"criterionId"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitScoresMutation, SubmitScoresMutationVariables>;
export const LockScoringDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LockScoring"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lockScoring"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"challengeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scoringLock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeId"}},{"kind":"Field","name":{"kind":"Name","value":"lockedAt"}}]}}]}}]}}]} as unknown as DocumentNode<LockScoringMutation, LockScoringMutationVariables>;
export const ProposalRankingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProposalRanking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalRanking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"scoringLocked"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"weightedScore"}},{"kind":"Field","name":{"kind":"Name","value":"vetoed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ProposalRankingQuery, ProposalRankingQueryVariables>;
export const ShortlistProposalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShortlistProposals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShortlistProposalsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shortlistProposals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ShortlistProposalsMutation, ShortlistProposalsMutationVariables>;
export const SelectWinnersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SelectWinners"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SelectWinnersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"selectWinners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"winners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"awardAmountFen"}}]}}]}}]}}]} as unknown as DocumentNode<SelectWinnersMutation, SelectWinnersMutationVariables>;
export const ChallengeResultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChallengeResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeResult"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publicityEndsAt"}},{"kind":"Field","name":{"kind":"Name","value":"winners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposalId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationNameZh"}},{"kind":"Field","name":{"kind":"Name","value":"awardAmountFen"}}]}}]}}]}}]} as unknown as DocumentNode<ChallengeResultQuery, ChallengeResultQueryVariables>;
export const RecommendedSmesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecommendedSmes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendedSmes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"match"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"positive"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"matchedTerms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeText"}},{"kind":"Field","name":{"kind":"Name","value":"smeText"}},{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"smeLocations"}},{"kind":"Field","name":{"kind":"Name","value":"viaTranslation"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RecommendedSmesQuery, RecommendedSmesQueryVariables>;
export const RecommendedChallengesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecommendedChallenges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendedChallenges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"titleZh"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}}]}},{"kind":"Field","name":{"kind":"Name","value":"match"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"positive"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RecommendedChallengesQuery, RecommendedChallengesQueryVariables>;
export const ExplainMatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplainMatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"smeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchExplanation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"challengeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"challengeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"smeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"smeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendable"}},{"kind":"Field","name":{"kind":"Name","value":"eligibilityProblems"}},{"kind":"Field","name":{"kind":"Name","value":"dismissed"}},{"kind":"Field","name":{"kind":"Name","value":"match"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"positive"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExplainMatchQuery, ExplainMatchQueryVariables>;
export const DismissRecommendationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DismissRecommendation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DismissRecommendationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeId"}},{"kind":"Field","name":{"kind":"Name","value":"smeId"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dismissedAt"}}]}}]}}]}}]} as unknown as DocumentNode<DismissRecommendationMutation, DismissRecommendationMutationVariables>;
export const InviteSmeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteSme"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteSmeToChallengeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteSmeToChallenge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"introduction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<InviteSmeMutation, InviteSmeMutationVariables>;
export const RequestIntroductionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestIntroduction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestIntroductionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestIntroduction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"introduction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RequestIntroductionMutation, RequestIntroductionMutationVariables>;
export const AcceptIntroductionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptIntroduction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptIntroductionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptIntroduction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"introduction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"issuerContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"personName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"smeContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"personName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"challenge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AcceptIntroductionMutation, AcceptIntroductionMutationVariables>;
export const SendIntroductionMessageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendIntroductionMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendIntroductionMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendIntroductionMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<SendIntroductionMessageMutation, SendIntroductionMessageMutationVariables>;
export const CloseIntroductionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseIntroduction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseIntroductionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeIntroduction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"introduction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"closeReason"}}]}}]}}]}}]} as unknown as DocumentNode<CloseIntroductionMutation, CloseIntroductionMutationVariables>;
export const MyIntroductionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyIntroductions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"direction"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IntroductionListDirection"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IntroductionStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myIntroductions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"direction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"direction"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"challengeTitleZh"}},{"kind":"Field","name":{"kind":"Name","value":"sme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nameZh"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyIntroductionsQuery, MyIntroductionsQueryVariables>;
export const UnreadNotificationCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnreadNotificationCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]} as unknown as DocumentNode<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const NotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unreadOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"challengeId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationsReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markedCount"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const SetNotificationPreferenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetNotificationPreference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetNotificationPreferenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setNotificationPreference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]}}]} as unknown as DocumentNode<SetNotificationPreferenceMutation, SetNotificationPreferenceMutationVariables>;
export const FollowChallengeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FollowChallenge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChallengeFollowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followChallenge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"challengeId"}},{"kind":"Field","name":{"kind":"Name","value":"following"}}]}}]}}]} as unknown as DocumentNode<FollowChallengeMutation, FollowChallengeMutationVariables>;