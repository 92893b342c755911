import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PlatformRole } from '../../common/auth/actor.js';
import { Connection } from '../../common/pagination/connection.js';
import { UserStatus } from '../user.entity.js';

export enum Locale {
  ZH_CN = 'zh-CN',
  EN = 'en',
}

registerEnumType(Locale, { name: 'Locale', description: 'zh-CN or en' });
registerEnumType(UserStatus, { name: 'UserStatus' });
registerEnumType(PlatformRole, { name: 'PlatformRole' });

/** A user account as seen by itself or by a platform administrator. */
@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => Locale)
  locale: Locale;

  @Field(() => [PlatformRole])
  platformRoles: PlatformRole[];

  @Field(() => UserStatus)
  status: UserStatus;

  @Field()
  createdAt: Date;
}

@ObjectType()
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
