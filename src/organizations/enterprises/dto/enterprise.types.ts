import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationProfileType } from '../../dto/organization-profile.types.js';
import { OpenResourceType } from '../enterprise.entity.js';

registerEnumType(OpenResourceType, {
  name: 'OpenResourceType',
  description: 'LAB, PILOT_LINE, DATA, PATENT_LICENSE, SCENARIO',
});

@ObjectType('OpenResource')
export class OpenResourceType_ {
  @Field(() => OpenResourceType)
  type: OpenResourceType;

  @Field()
  title: string;

  @Field()
  description: string;
}

/** A large enterprise (发榜方): the shared organisation profile and its own fields. */
@ObjectType('Enterprise')
export class EnterpriseType extends OrganizationProfileType {
  @Field({ description: 'Province-level division code (GB/T 2260).' })
  regionCode: string;

  @Field({ description: 'GB/T 4754-2017 section letter.' })
  industryCode: string;

  @Field()
  isChainLeader: boolean;

  @Field(() => [OpenResourceType_])
  openResources: OpenResourceType_[];
}

/** The fields of the mutations that change one enterprise; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class EnterprisePayload {
  @Field(() => EnterpriseType, { description: 'The enterprise after the change.' })
  enterprise: EnterpriseType;
}

@ObjectType({ description: 'The result of createEnterprise: the new enterprise.' })
export class CreateEnterprisePayload extends EnterprisePayload {}

@ObjectType({ description: 'The result of updateEnterprise: the edited enterprise.' })
export class UpdateEnterprisePayload extends EnterprisePayload {}
