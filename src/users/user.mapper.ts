import { Locale, UserType } from './dto/user.types.js';
import type { UserEntity } from './user.entity.js';

/** The only way a user row becomes API output: the password hash has no way out. */
export function toUserType(
  user: Pick<
    UserEntity,
    | 'id'
    | 'email'
    | 'emailVerifiedAt'
    | 'displayName'
    | 'locale'
    | 'platformRoles'
    | 'status'
    | 'createdAt'
  >,
): UserType {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale === 'en' ? Locale.EN : Locale.ZH_CN,
    emailVerified: Boolean(user.emailVerifiedAt),
    platformRoles: [...user.platformRoles],
    status: user.status,
    createdAt: user.createdAt,
  };
}
