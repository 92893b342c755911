import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ChallengeType } from '../../challenges/index.js';
import { Connection, ConnectionArgs } from '../../common/pagination/connection.js';
import { trim } from '../../common/transforms.js';
import { SmeType } from '../../organizations/index.js';
import {
  IntroductionCloseReason,
  IntroductionDirection,
  IntroductionStatus,
} from '../introductions/introduction-transitions.js';

/** Longest message of a request or an invitation, and of a thread's message. */
export const INTRODUCTION_MESSAGE_MAX = 2000;
/** Longest reason of a decline or cancel, and note of a close. */
export const INTRODUCTION_REASON_MAX = 1000;

registerEnumType(IntroductionStatus, {
  name: 'IntroductionStatus',
  description:
    'Where an introduction (对接) stands: REQUESTED → ACCEPTED | DECLINED | EXPIRED | CANCELLED; ACCEPTED → CLOSED_DEAL | CLOSED_NO_DEAL.',
  valuesMap: {
    REQUESTED: { description: 'Asked for, waiting for the other side (until `expiresAt`).' },
    ACCEPTED: {
      description: 'The other side accepted: contacts are shown to both sides; messages open.',
    },
    DECLINED: { description: 'The other side declined (with a reason).' },
    EXPIRED: { description: 'Not answered before `expiresAt`.' },
    CANCELLED: { description: 'Withdrawn by the side that asked, before an answer.' },
    CLOSED_DEAL: { description: 'Closed by either side after a deal (with a structured reason).' },
    CLOSED_NO_DEAL: {
      description: 'Closed by either side without a deal (with a structured reason).',
    },
  },
});

registerEnumType(IntroductionDirection, {
  name: 'IntroductionDirection',
  description: 'Who asked: the issuer (INVITE) or the SME (REQUEST).',
  valuesMap: {
    INVITE: { description: 'The issuing enterprise invited the SME (inviteSmeToChallenge).' },
    REQUEST: { description: 'The SME asked for an introduction (requestIntroduction).' },
  },
});

registerEnumType(IntroductionCloseReason, {
  name: 'IntroductionCloseReason',
  description: 'Why an accepted introduction was closed.',
  valuesMap: {
    CONTRACT_SIGNED: { description: 'A contract was signed (CLOSED_DEAL).' },
    PILOT_STARTED: { description: 'A pilot or trial started (CLOSED_DEAL).' },
    PROPOSAL_SUBMITTED: { description: 'The SME submitted a proposal (CLOSED_DEAL).' },
    TECHNICAL_MISMATCH: { description: 'The technology does not fit (CLOSED_NO_DEAL).' },
    COMMERCIAL_TERMS: { description: 'Price, IP or other terms did not agree (CLOSED_NO_DEAL).' },
    TIMING: { description: 'Not now (CLOSED_NO_DEAL).' },
    NO_RESPONSE: { description: 'The other side stopped answering (CLOSED_NO_DEAL).' },
    OTHER: { description: 'Another reason, told in `note` (either outcome).' },
  },
});

/** Which of the caller's introductions a list holds. */
export enum IntroductionListDirection {
  SENT = 'SENT',
  RECEIVED = 'RECEIVED',
}
registerEnumType(IntroductionListDirection, {
  name: 'IntroductionListDirection',
  description: 'Which of your organisation’s introductions: those it asked for, or was asked.',
  valuesMap: {
    SENT: {
      description:
        'Asked for by your organisation (invitations of an enterprise, requests of an SME).',
    },
    RECEIVED: { description: 'Asked of your organisation by the other side.' },
  },
});

/** How an accepted introduction ends. */
export enum IntroductionOutcome {
  CLOSED_DEAL = 'CLOSED_DEAL',
  CLOSED_NO_DEAL = 'CLOSED_NO_DEAL',
}
registerEnumType(IntroductionOutcome, {
  name: 'IntroductionOutcome',
  description: 'How an accepted introduction ends.',
  valuesMap: {
    CLOSED_DEAL: { description: 'With a deal.' },
    CLOSED_NO_DEAL: { description: 'Without a deal.' },
  },
});

@ObjectType({
  description:
    'A side’s contact person, shown to both sides only once the introduction is ACCEPTED (and after it): the ' +
    'organisation’s name and its contactEmail/contactPhone, and the member who acted for it (who asked, or who accepted).',
})
export class IntroductionContact {
  @Field(() => ID, { description: 'The organisation.' })
  organizationId: string;

  @Field({ description: 'Its Chinese name.' })
  nameZh: string;

  @Field(() => String, { nullable: true, description: 'Its English name, if any.' })
  nameEn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The organisation’s contact e-mail (its profile’s contactEmail).',
  })
  email: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The organisation’s contact phone (its profile’s contactPhone).',
  })
  phone: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The member who acted for this side: display name.',
  })
  personName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The member who acted for this side: account e-mail.',
  })
  personEmail: string | null;
}

@ObjectType('Introduction', {
  description:
    'An introduction (对接) between a challenge and an SME, asked for by one side and answered by the other. Seen ' +
    'by the members of both sides and by platform admins (read-only). Contacts and an anonymous issuer’s identity ' +
    'are shown only once ACCEPTED.',
})
export class IntroductionType {
  @Field(() => ID, { description: 'The introduction.' })
  id: string;

  @Field(() => IntroductionDirection, { description: 'Who asked.' })
  direction: IntroductionDirection;

  @Field(() => IntroductionStatus, {
    description: 'Its status now (an unanswered request past `expiresAt` reads EXPIRED).',
  })
  status: IntroductionStatus;

  @Field({
    description:
      'The message of the side that asked (empty for invitations made before introductions existed).',
  })
  message: string;

  @Field(() => String, {
    nullable: true,
    description: 'The reason of the last move: a decline’s reason, a cancel’s or a close’s note.',
  })
  statusReason: string | null;

  @Field(() => IntroductionCloseReason, {
    nullable: true,
    description: 'Why it was closed (CLOSED_* only).',
  })
  closeReason: IntroductionCloseReason | null;

  @Field({ description: 'When it was asked for.' })
  requestedAt: Date;

  @Field({ description: 'When an unanswered request reads as EXPIRED.' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the other side accepted or declined.' })
  respondedAt: Date | null;

  @Field({ description: 'When the status last changed.' })
  statusChangedAt: Date;

  @Field(() => ID, { description: 'The challenge.' })
  challengeId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The challenge’s Chinese title (what the introduction is about).',
  })
  challengeTitleZh: string | null;

  @Field(() => String, { nullable: true, description: 'The challenge’s English title.' })
  challengeTitleEn: string | null;

  @Field(() => ChallengeType, {
    nullable: true,
    description:
      'The challenge as the viewer may see it; null for an SME invited to an INVITE_ONLY challenge until it accepts.',
  })
  challenge: ChallengeType | null;

  @Field(() => ID, { description: 'The SME.' })
  smeId: string;

  @Field(() => SmeType, { nullable: true, description: 'The SME as the viewer may see it.' })
  sme: SmeType | null;

  @Field(() => IntroductionContact, {
    nullable: true,
    description: 'The issuer’s contact: null until ACCEPTED.',
  })
  issuerContact: IntroductionContact | null;

  @Field(() => IntroductionContact, {
    nullable: true,
    description: 'The SME’s contact: null until ACCEPTED.',
  })
  smeContact: IntroductionContact | null;
}

@ObjectType({ description: 'Introductions, newest request first.' })
export class IntroductionConnection extends Connection(IntroductionType, 'Introduction') {}

@ObjectType({ description: 'A message of an accepted introduction’s thread.' })
export class IntroductionMessage {
  @Field(() => ID, { description: 'The message.' })
  id: string;

  @Field(() => ID, { description: 'The introduction.' })
  introductionId: string;

  @Field(() => ID, { description: 'The organisation (side) the author wrote for.' })
  authorOrganizationId: string;

  @Field(() => String, {
    nullable: true,
    description: 'The author’s display name (null if the account was deleted).',
  })
  authorName: string | null;

  @Field({ description: 'The text.' })
  body: string;

  @Field({ description: 'When it was sent.' })
  createdAt: Date;
}

@ObjectType({ description: 'An introduction’s messages, newest first.' })
export class IntroductionMessageConnection extends Connection(
  IntroductionMessage,
  'IntroductionMessage',
) {}

/** Where a recommended pair stands with introductions (conversion: nobody invites twice). */
@ObjectType({
  description: 'The latest introduction of a recommended pair: its id and status now.',
})
export class PairIntroductionState {
  @Field(() => ID, { description: 'The introduction.' })
  id: string;

  @Field(() => IntroductionStatus, { description: 'Its status now.' })
  status: IntroductionStatus;

  @Field({
    description: 'Whether it is live (REQUESTED or ACCEPTED): a new one cannot be asked for.',
  })
  live: boolean;
}

// ---- Arguments and inputs --------------------------------------------------------------------------------------

@ArgsType()
export class MyIntroductionsArgs extends ConnectionArgs {
  @Field(() => IntroductionListDirection, {
    nullable: true,
    description: 'SENT or RECEIVED; both when omitted.',
  })
  @IsOptional()
  @IsEnum(IntroductionListDirection)
  direction?: IntroductionListDirection;

  @Field(() => IntroductionStatus, {
    nullable: true,
    description: 'Only introductions in this status now; all when omitted.',
  })
  @IsOptional()
  @IsEnum(IntroductionStatus)
  status?: IntroductionStatus;
}

@ArgsType()
export class ChallengeIntroductionsArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;

  @Field(() => IntroductionStatus, {
    nullable: true,
    description: 'Only introductions in this status now; all when omitted.',
  })
  @IsOptional()
  @IsEnum(IntroductionStatus)
  status?: IntroductionStatus;
}

@ArgsType()
export class IntroductionArgs {
  @Field(() => ID, { description: 'The introduction.' })
  @IsUUID('all', { message: 'id must be an ID' })
  id: string;
}

@ArgsType()
export class IntroductionMessagesArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The introduction.' })
  @IsUUID('all', { message: 'introductionId must be an ID' })
  introductionId: string;
}

@InputType({
  description:
    'The issuer invites an SME to its challenge: an introduction the SME accepts or declines.',
})
export class InviteSmeToChallengeInput {
  @Field(() => ID, { description: 'The challenge (PUBLISHED, before its deadline).' })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;

  @Field(() => ID, { description: 'The SME invited (verified and eligible for the challenge).' })
  @IsUUID('all', { message: 'smeId must be an ID' })
  smeId: string;

  @Field({ description: `Why the SME is invited, 1 to ${INTRODUCTION_MESSAGE_MAX} characters.` })
  @Transform(trim)
  @IsString()
  @Length(1, INTRODUCTION_MESSAGE_MAX)
  message: string;
}

@InputType({ description: 'An SME asks the issuer of a challenge for an introduction.' })
export class RequestIntroductionInput {
  @Field(() => ID, {
    description: 'The challenge (PUBLISHED, before its deadline, one the SME may see).',
  })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;

  @Field({
    description: `What the SME offers and asks, 1 to ${INTRODUCTION_MESSAGE_MAX} characters.`,
  })
  @Transform(trim)
  @IsString()
  @Length(1, INTRODUCTION_MESSAGE_MAX)
  message: string;
}

@InputType({ description: 'The side that was asked accepts an introduction.' })
export class AcceptIntroductionInput {
  @Field(() => ID, { description: 'The introduction (REQUESTED).' })
  @IsUUID('all', { message: 'introductionId must be an ID' })
  introductionId: string;
}

@InputType({ description: 'The side that was asked declines an introduction.' })
export class DeclineIntroductionInput {
  @Field(() => ID, { description: 'The introduction (REQUESTED).' })
  @IsUUID('all', { message: 'introductionId must be an ID' })
  introductionId: string;

  @Field({
    description: `Why, 1 to ${INTRODUCTION_REASON_MAX} characters (shown to the side that asked).`,
  })
  @Transform(trim)
  @IsString()
  @Length(1, INTRODUCTION_REASON_MAX)
  reason: string;
}

@InputType({ description: 'The side that asked withdraws its introduction before an answer.' })
export class CancelIntroductionInput {
  @Field(() => ID, { description: 'The introduction (REQUESTED).' })
  @IsUUID('all', { message: 'introductionId must be an ID' })
  introductionId: string;

  @Field(() => String, {
    nullable: true,
    description: `Why, at most ${INTRODUCTION_REASON_MAX} characters.`,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(INTRODUCTION_REASON_MAX)
  reason?: string | null;
}

@InputType({ description: 'Either side closes an accepted introduction with its outcome.' })
export class CloseIntroductionInput {
  @Field(() => ID, { description: 'The introduction (ACCEPTED).' })
  @IsUUID('all', { message: 'introductionId must be an ID' })
  introductionId: string;

  @Field(() => IntroductionOutcome, { description: 'With a deal or without.' })
  @IsIn(Object.values(IntroductionOutcome))
  outcome: IntroductionOutcome;

  @Field(() => IntroductionCloseReason, {
    description:
      'Why: CONTRACT_SIGNED, PILOT_STARTED, PROPOSAL_SUBMITTED for a deal; TECHNICAL_MISMATCH, COMMERCIAL_TERMS, ' +
      'TIMING, NO_RESPONSE without; OTHER for either.',
  })
  @IsEnum(IntroductionCloseReason)
  reason: IntroductionCloseReason;

  @Field(() => String, {
    nullable: true,
    description: `A note, at most ${INTRODUCTION_REASON_MAX} characters.`,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(INTRODUCTION_REASON_MAX)
  note?: string | null;
}

@InputType({ description: 'A message in an accepted introduction’s thread.' })
export class SendIntroductionMessageInput {
  @Field(() => ID, { description: 'The introduction (ACCEPTED).' })
  @IsUUID('all', { message: 'introductionId must be an ID' })
  introductionId: string;

  @Field({ description: `Text only, 1 to ${INTRODUCTION_MESSAGE_MAX} characters.` })
  @Transform(trim)
  @IsString()
  @Length(1, INTRODUCTION_MESSAGE_MAX)
  body: string;
}

// ---- Payloads --------------------------------------------------------------------------------------------------

@ObjectType({ isAbstract: true })
export abstract class IntroductionPayload {
  @Field(() => IntroductionType, { description: 'The introduction after the change.' })
  introduction: IntroductionType;
}

@ObjectType({
  description:
    'The result of inviteSmeToChallenge: the new (REQUESTED) introduction and the challenge.',
})
export class InviteSmeToChallengePayload extends IntroductionPayload {
  @Field(() => ChallengeType, { description: 'The challenge the SME was invited to.' })
  challenge: ChallengeType;
}

@ObjectType({ description: 'The result of requestIntroduction: the new (REQUESTED) introduction.' })
export class RequestIntroductionPayload extends IntroductionPayload {}

@ObjectType({ description: 'The result of acceptIntroduction: the ACCEPTED introduction.' })
export class AcceptIntroductionPayload extends IntroductionPayload {}

@ObjectType({ description: 'The result of declineIntroduction: the DECLINED introduction.' })
export class DeclineIntroductionPayload extends IntroductionPayload {}

@ObjectType({ description: 'The result of cancelIntroduction: the CANCELLED introduction.' })
export class CancelIntroductionPayload extends IntroductionPayload {}

@ObjectType({ description: 'The result of closeIntroduction: the closed introduction.' })
export class CloseIntroductionPayload extends IntroductionPayload {}

@ObjectType({ description: 'The result of sendIntroductionMessage: the message.' })
export class SendIntroductionMessagePayload {
  @Field(() => IntroductionMessage, { description: 'The message sent.' })
  message: IntroductionMessage;
}
