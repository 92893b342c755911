import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import {
  Mailer,
  organizationInvitationMail,
  UnsubscribeService,
  type MailLocale,
} from '../mail/index.js';
import type { InvitableRole } from './organization-invitation.entity.js';
import { invitationMailFacts } from './organizations.queries.js';

/**
 * Mails a member invitation to the invited address, after the invitation's commit. The address is the
 * inviter's choice, not an account's, so it is mailed whether or not an account holds it (verified or not):
 * that is what the invitation is for. When an account holds it, the mail is in that account's language and
 * carries a one-click unsubscribe for invitation mails, and an account that unsubscribed gets none (the
 * inviter still has the token). Without an account: the inviter's language, and no unsubscribe (there is no
 * one to record it for).
 */
@Injectable()
export class InvitationMailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: Mailer,
    private readonly unsubscribes: UnsubscribeService,
  ) {}

  /** True when the mail was sent; false when the invitee opted out or the transport failed. */
  async send(invitation: {
    organizationId: string;
    inviterId: string;
    email: string;
    role: InvitableRole;
    token: string;
    expiresAt: Date;
  }): Promise<boolean> {
    const facts = await invitationMailFacts(
      this.dataSource,
      invitation.organizationId,
      invitation.inviterId,
      invitation.email,
    );
    if (!facts) return false;
    let unsubscribeUrl: string | undefined;
    if (facts.inviteeUserId) {
      if (
        await this.unsubscribes.optedOut(
          this.dataSource,
          facts.inviteeUserId,
          'ORGANIZATION_INVITATION',
        )
      )
        return false;
      unsubscribeUrl = await this.unsubscribes.url(
        this.dataSource,
        { userId: facts.inviteeUserId, email: invitation.email },
        'ORGANIZATION_INVITATION',
      );
    }
    const locale: MailLocale =
      (facts.inviteeLocale ?? facts.inviterLocale) === 'en' ? 'en' : 'zh-CN';
    const { webAppUrl } = this.config.mail;
    return this.mailer.deliver({
      kind: 'ORGANIZATION_INVITATION',
      to: invitation.email,
      unsubscribeUrl,
      ...organizationInvitationMail(locale, {
        organizationName:
          locale === 'en'
            ? (facts.organizationNameEn ?? facts.organizationNameZh)
            : facts.organizationNameZh,
        inviterName: facts.inviterName,
        role: invitation.role,
        token: invitation.token,
        link: webAppUrl && `${webAppUrl}/invitations/accept#token=${invitation.token}`,
        expiresAt: invitation.expiresAt,
        unsubscribeUrl,
      }),
    });
  }
}
