import { Field, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';

@ObjectType('TechnicalField', { description: 'An entry of the technical-field taxonomy.' })
export class TechnicalFieldType {
  @Field({ description: 'Dotted code, e.g. NEW_ENERGY.STORAGE.' })
  code: string;

  @Field(() => String, {
    description: 'Code of the parent field; null at the top level.',
    nullable: true,
  })
  parentCode: string | null;

  @Field({ description: 'Chinese name.' })
  nameZh: string;

  @Field({ description: 'English name.' })
  nameEn: string;
}

@ObjectType({ description: 'The technical field added.' })
export class AddTechnicalFieldPayload {
  @Field(() => TechnicalFieldType, { description: 'The new technical field.' })
  technicalField: TechnicalFieldType;
}

@ObjectType({ description: 'A page of technical fields, by code.' })
export class TechnicalFieldConnection extends Connection(TechnicalFieldType, 'TechnicalField') {}
