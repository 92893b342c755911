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
