import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ChallengeType } from '../challenges/index.js';
import type { ChallengeNode } from '../challenges/index.js';
import type { LiveEventRow } from './live-events.queries.js';

export enum ChallengeActivityKind {
  STATUS_CHANGED = 'STATUS_CHANGED',
  AMENDED = 'AMENDED',
  ANSWER_PUBLISHED = 'ANSWER_PUBLISHED',
  ANNOUNCEMENT_PUBLISHED = 'ANNOUNCEMENT_PUBLISHED',
}
registerEnumType(ChallengeActivityKind, {
  name: 'ChallengeActivityKind',
  description: 'What happened to a challenge (challengeActivity).',
  valuesMap: {
    STATUS_CHANGED: {
      description: 'Its status changed (submitted, published, closed, awarded …).',
    },
    AMENDED: { description: 'The issuer amended it (更正).' },
    ANSWER_PUBLISHED: { description: 'A question about it was answered.' },
    ANNOUNCEMENT_PUBLISHED: { description: 'The issuer published an announcement.' },
  },
});

/** The kind of a trail event a challenge's subscribers hear of; undefined for the others. */
export function activityKindOf(row: LiveEventRow): ChallengeActivityKind | undefined {
  if (row.action === 'CHALLENGE_AMENDED') return ChallengeActivityKind.AMENDED;
  if (row.action === 'CHALLENGE_QUESTION_ANSWERED') return ChallengeActivityKind.ANSWER_PUBLISHED;
  if (row.action === 'CHALLENGE_ANNOUNCEMENT_PUBLISHED')
    return ChallengeActivityKind.ANNOUNCEMENT_PUBLISHED;
  if (row.entityType === 'Challenge' && row.toState) return ChallengeActivityKind.STATUS_CHANGED;
  return undefined;
}

@ArgsType()
export class ChallengeActivityArgs {
  @Field(() => ID, { description: 'A challenge the subscriber may see.' })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;
}

@ObjectType({
  description:
    'Something happened to a challenge the subscriber may see; `challenge` is the challenge as the subscriber ' +
    'may see it now (read again for each event).',
})
export class ChallengeActivity {
  @Field(() => ChallengeActivityKind, { description: 'What happened.' })
  kind: ChallengeActivityKind;

  @Field(() => ChallengeType, {
    description: 'The challenge as the subscriber may see it when the event is sent.',
  })
  challenge: ChallengeNode;
}
