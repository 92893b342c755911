import { Field, ObjectType } from '@nestjs/graphql';
import { EnterpriseType } from '../enterprises/dto/enterprise.types.js';
import { SmeType } from '../smes/dto/sme.types.js';
import { OrganizationRole } from '../organization-member.entity.js';
import { OrganizationKind } from '../organization.entity.js';

/** The signed-in user's organisation: exactly one of enterprise / sme is set. */
@ObjectType('MyOrganization', { description: "The caller's organisation and role." })
export class MyOrganizationType {
  @Field(() => OrganizationKind, { description: 'Enterprise or SME.' })
  kind: OrganizationKind;

  @Field(() => OrganizationRole, { description: 'The signed-in user’s role in it.' })
  role: OrganizationRole;

  @Field(() => EnterpriseType, {
    description: 'The enterprise; null when the organisation is an SME.',
    nullable: true,
  })
  enterprise: EnterpriseType | null;

  @Field(() => SmeType, {
    description: 'The SME; null when the organisation is an enterprise.',
    nullable: true,
  })
  sme: SmeType | null;
}
