import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TechnicalFieldType } from '../../technical-fields/index.js';

/** An SME's platform track record in one technical field (the fields of the challenges it answered). */
@ObjectType('TrackRecordEntry', {
  description:
    "An SME's results on the platform in one technical field: its proposals on challenges of that field whose winners are public (in 公示 or awarded).",
})
export class TrackRecordEntryType {
  @Field({ description: 'Code of the technical field.' })
  fieldCode: string;

  @Field(() => TechnicalFieldType, { description: 'The technical field.' })
  field: TechnicalFieldType;

  @Field(() => Int, {
    description: 'Proposals on the shortlist when the winners were published (winners included).',
  })
  shortlisted: number;

  @Field(() => Int, { description: 'Proposals selected as winners (not disqualified).' })
  selected: number;

  @Field(() => Int, { description: 'Selected proposals whose challenge is AWARDED (公示 over).' })
  awarded: number;
}
