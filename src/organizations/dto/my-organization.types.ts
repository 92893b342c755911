import { Field, ObjectType } from '@nestjs/graphql';
import { EnterpriseType } from '../enterprises/dto/enterprise.types.js';
import { SmeType } from '../smes/dto/sme.types.js';
import { OrganizationRole } from '../organization-member.entity.js';
import { OrganizationKind } from '../organization.entity.js';

/** The signed-in user's organisation: exactly one of enterprise / sme is set. */
@ObjectType('MyOrganization')
export class MyOrganizationType {
  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => OrganizationRole, { description: 'The signed-in user’s role in it.' })
  role: OrganizationRole;

  @Field(() => EnterpriseType, { nullable: true })
  enterprise: EnterpriseType | null;

  @Field(() => SmeType, { nullable: true })
  sme: SmeType | null;
}
