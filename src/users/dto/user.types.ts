import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PlatformRole } from '../../common/auth/actor.js';
import { Connection } from '../../common/pagination/connection.js';
import { UserStatus } from '../user.entity.js';

export enum Locale {
  ZH_CN = 'zh-CN',
  EN = 'en',
}

registerEnumType(Locale, {
  valuesMap: { ZH_CN: { description: 'Simplified Chinese.' }, EN: { description: 'English.' } },
  name: 'Locale',
  description: 'zh-CN or en',
});
registerEnumType(UserStatus, {
  description: 'Whether a user account may sign in.',
  valuesMap: {
    ACTIVE: { description: 'May sign in.' },
    SUSPENDED: { description: 'Suspended by a platform admin; cannot sign in.' },
  },
  name: 'UserStatus',
});
registerEnumType(PlatformRole, {
  description: 'A platform-wide role, beside the organisation role.',
  valuesMap: {
    ADMIN: { description: 'Platform administrator (平台管理员).' },
    EXPERT: { description: 'Reviewer of the expert pool.' },
  },
  name: 'PlatformRole',
});

/** A user account as seen by itself or by a platform administrator. */
@ObjectType('User', { description: 'A user account.' })
export class UserType {
  @Field(() => ID, { description: 'User id.' })
  id: string;

  @Field({
    description: 'E-mail address (seen by the user, their organisation and platform admins).',
  })
  email: string;

  @Field({ description: 'Name shown to others.' })
  displayName: string;

  @Field(() => Locale, {
    description: 'Preferred language (also of the e-mails the user receives).',
  })
  locale: Locale;

  @Field({
    description:
      'Whether the address was verified (verifyEmail); an unverified address receives no e-mail but the verification.',
  })
  emailVerified: boolean;

  @Field(() => [PlatformRole], { description: 'Platform roles; empty for most users.' })
  platformRoles: PlatformRole[];

  @Field(() => UserStatus, { description: 'Whether the account may sign in.' })
  status: UserStatus;

  @Field({ description: 'When the account was created.' })
  createdAt: Date;
}

@ObjectType({ description: 'A page of users.' })
export class UserConnection extends Connection(UserType, 'User') {}

/** The fields of the admins' decisions on one account; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class UserDecisionPayload {
  @Field(() => UserType, { description: 'The account after the decision.' })
  user: UserType;
}

@ObjectType({ description: 'The result of suspendUser: the suspended account.' })
export class SuspendUserPayload extends UserDecisionPayload {}

@ObjectType({ description: 'The result of reinstateUser: the reinstated account.' })
export class ReinstateUserPayload extends UserDecisionPayload {}
