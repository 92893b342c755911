import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationProfileType } from '../../dto/organization-profile.types.js';
import { OpenResourceType } from '../enterprise.entity.js';

registerEnumType(OpenResourceType, {
  valuesMap: {
    DATA: { description: 'Data sets.' },
    LAB: { description: 'A laboratory.' },
    PATENT_LICENSE: { description: 'Patent licences.' },
    PILOT_LINE: { description: 'A pilot or test line.' },
    SCENARIO: { description: 'An application scenario to pilot in.' },
  },
  name: 'OpenResourceType',
  description: 'LAB, PILOT_LINE, DATA, PATENT_LICENSE, SCENARIO',
});

@ObjectType('OpenResource', { description: 'A resource an enterprise offers SMEs.' })
export class OpenResourceType_ {
  @Field(() => OpenResourceType, { description: 'Kind of resource.' })
  type: OpenResourceType;

  @Field({ description: 'Short name of the resource.' })
  title: string;

  @Field({ description: 'What is offered.' })
  description: string;
}

/** A large enterprise (发榜方): the shared organisation profile and its own fields. */
@ObjectType('Enterprise', { description: 'A large enterprise (发榜方) that posts challenges.' })
export class EnterpriseType extends OrganizationProfileType {
  @Field({ description: 'Province-level division code (GB/T 2260).' })
  regionCode: string;

  @Field({ description: 'GB/T 4754-2017 section letter.' })
  industryCode: string;

  @Field({ description: 'True for an enterprise that leads an industrial chain (链主企业).' })
  isChainLeader: boolean;

  @Field(() => [OpenResourceType_], { description: 'Resources the enterprise offers SMEs.' })
  openResources: OpenResourceType_[];
}

/** The fields of the mutations that change one enterprise; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class EnterprisePayload {
  @Field(() => EnterpriseType, { description: 'The enterprise as it now is.' })
  enterprise: EnterpriseType;
}

@ObjectType({ description: 'The result of createEnterprise: the new enterprise.' })
export class CreateEnterprisePayload extends EnterprisePayload {}

@ObjectType({ description: 'The result of updateEnterprise: the edited enterprise.' })
export class UpdateEnterprisePayload extends EnterprisePayload {}
