import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, UserInputError } from '../common/errors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import {
  EmailTokenPurpose,
  EmailTokensService,
  Mailer,
  passwordResetMail,
  recentEmailTokens,
  retireEmailTokens,
  verifyEmailMail,
} from '../mail/index.js';
import { hashPassword, receivesMail, UserEntity, type UserLocale } from '../users/index.js';
import {
  lockResetAccount,
  markEmailVerified,
  revokeAllSessions,
  updatePasswordHash,
} from './auth.queries.js';
import type {
  RequestEmailVerificationPayload,
  RequestPasswordResetPayload,
  ResetPasswordPayload,
  VerifyEmailPayload,
} from './dto/auth.types.js';

/** Links of one purpose a user can have in flight within an hour; further requests mail nothing. */
export const MAX_LINKS_PER_HOUR = 3;

interface Recipient {
  id: string;
  email: string;
  displayName: string;
  locale: UserLocale;
}

/**
 * The account mails: address verification (after register, or asked again) and password reset. Their links
 * carry signed single-use tokens (mail/EmailTokensService). A reset request is answered the same whether or not the
 * address has an account, after the same reads (only the link's insert is extra for a known address); the mail
 * itself, which takes the time of the mail server, is sent after the answer.
 */
@Injectable()
export class AccountEmailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: EmailTokensService,
    private readonly mailer: Mailer,
  ) {}

  /** Mails a verification link to the user's address (after register's commit); false when it could not be sent. */
  async sendVerification(user: Recipient): Promise<boolean> {
    const { verificationTtlHours, webAppUrl } = this.config.mail;
    const token = await this.tokens.issue(this.dataSource, {
      userId: user.id,
      email: user.email,
      purpose: EmailTokenPurpose.VERIFY_EMAIL,
      ttlSeconds: verificationTtlHours * 3600,
    });
    return this.mailer.deliver({
      kind: 'VERIFY_EMAIL',
      to: user.email,
      ...verifyEmailMail(user.locale, {
        displayName: user.displayName,
        token,
        link: webAppUrl && `${webAppUrl}/verify-email#token=${token}`,
        ttlHours: verificationTtlHours,
      }),
    });
  }

  /** A new verification link for the signed-in user's own address. */
  async requestVerification(actor: Actor): Promise<RequestEmailVerificationPayload> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneByOrFail({ id: actor.userId });
    if (user.emailVerifiedAt)
      throw new ConflictError('EMAIL_ALREADY_VERIFIED', 'This e-mail address is already verified');
    if (
      (await recentEmailTokens(this.dataSource, user.id, EmailTokenPurpose.VERIFY_EMAIL)) >=
      MAX_LINKS_PER_HOUR
    )
      return { ok: false };
    return { ok: await this.sendVerification(user) };
  }

  async verifyEmail(token: string): Promise<VerifyEmailPayload> {
    return this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.spend(manager, EmailTokenPurpose.VERIFY_EMAIL, token);
      // The account's address changed since the link was sent: the link proves an address it no longer has.
      if (!(await markEmailVerified(manager, spent.userId, spent.email)))
        throw UserInputError.field('token', 'is not a valid link token');
      return { ok: true };
    });
  }

  /**
   * The same answer whatever the address: a link is mailed (after the answer) only to an active account whose
   * address is verified, and at most MAX_LINKS_PER_HOUR live links at a time.
   */
  async requestPasswordReset(email: string): Promise<RequestPasswordResetPayload> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    const eligible = user !== null && receivesMail(user);
    const recent = await recentEmailTokens(
      this.dataSource,
      eligible ? user.id : '00000000-0000-0000-0000-000000000000',
      EmailTokenPurpose.RESET_PASSWORD,
    );
    if (eligible && recent < MAX_LINKS_PER_HOUR) {
      const { resetTtlMinutes, webAppUrl } = this.config.mail;
      const token = await this.tokens.issue(this.dataSource, {
        userId: user.id,
        email: user.email,
        purpose: EmailTokenPurpose.RESET_PASSWORD,
        ttlSeconds: resetTtlMinutes * 60,
      });
      this.mailer.deliverLater({
        kind: 'RESET_PASSWORD',
        to: user.email,
        ...passwordResetMail(user.locale, {
          displayName: user.displayName,
          token,
          link: webAppUrl && `${webAppUrl}/reset-password#token=${token}`,
          ttlMinutes: resetTtlMinutes,
        }),
      });
    }
    return { accepted: true };
  }

  /** Sets the new password, spends the link (and any other reset link) and ends every session of the account. */
  async resetPassword(token: string, newPassword: string): Promise<ResetPasswordPayload> {
    const passwordHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.spend(manager, EmailTokenPurpose.RESET_PASSWORD, token);
      const account = await lockResetAccount(manager, spent.userId, spent.email);
      if (!account) throw UserInputError.field('token', 'is not a valid link token');
      await updatePasswordHash(manager, account.id, passwordHash);
      await retireEmailTokens(manager, account.id, EmailTokenPurpose.RESET_PASSWORD);
      return {
        ok: true,
        endedSessions: await revokeAllSessions(manager, account.id, 'PASSWORD_RESET'),
      };
    });
  }
}
