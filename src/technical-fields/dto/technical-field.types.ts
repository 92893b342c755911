import { Field, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';

@ObjectType('TechnicalField')
export class TechnicalFieldType {
  @Field({ description: 'Dotted code, e.g. NEW_ENERGY.STORAGE.' })
  code: string;

  @Field(() => String, { nullable: true })
  parentCode: string | null;

  @Field()
  nameZh: string;

  @Field()
  nameEn: string;
}

@ObjectType()
export class AddTechnicalFieldPayload {
  @Field(() => TechnicalFieldType)
  technicalField: TechnicalFieldType;
}

@ObjectType()
export class TechnicalFieldConnection extends Connection(TechnicalFieldType, 'TechnicalField') {}
