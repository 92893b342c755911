import { describe, expect, it } from '@jest/globals';
import {
  organizationInvitationMail,
  passwordResetMail,
  verifyEmailMail,
  type MailLocale,
} from './mail-templates.js';

const LOCALES: MailLocale[] = ['zh-CN', 'en'];
const invitation = {
  organizationName: '储能科技有限公司',
  inviterName: '王工',
  role: 'MEMBER' as const,
  token: 'tok-123',
  expiresAt: new Date('2026-12-22T10:00:00Z'),
};

describe('mail templates', () => {
  it.each(LOCALES)(
    'write every mail in %s, with its token and without a link when none is configured',
    (locale) => {
      for (const mail of [
        verifyEmailMail(locale, { displayName: '李工', token: 'tok-123', ttlHours: 48 }),
        passwordResetMail(locale, { displayName: '李工', token: 'tok-123', ttlMinutes: 30 }),
        organizationInvitationMail(locale, invitation),
      ]) {
        expect(mail.text).toContain('tok-123');
        expect(mail.text).not.toMatch(/https?:/);
        expect(mail.subject).not.toMatch(/[\r\n]/);
      }
      const subjects = [
        verifyEmailMail(locale, { displayName: 'Li', token: 't', ttlHours: 48 }).subject,
        passwordResetMail(locale, { displayName: 'Li', token: 't', ttlMinutes: 30 }).subject,
        organizationInvitationMail(locale, {
          ...invitation,
          organizationName: 'ACME',
          inviterName: 'Wang',
        }).subject,
      ];
      for (const subject of subjects)
        expect(/[\u4e00-\u9fff]/.test(subject)).toBe(locale === 'zh-CN');
    },
  );

  it('give the link, the expiry and the unsubscribe URL when there are some', () => {
    const mail = organizationInvitationMail('en', {
      ...invitation,
      link: 'https://app.example.cn/invitations/accept#token=tok-123',
      unsubscribeUrl: 'https://api.example.cn/mail/unsubscribe?token=u',
    });
    expect(mail.text).toContain('Accept: https://app.example.cn/invitations/accept#token=tok-123');
    expect(mail.text).toContain('until 2026-12-22 (UTC)');
    expect(mail.text).toContain('Unsubscribe: https://api.example.cn/mail/unsubscribe?token=u');
  });

  it('keep a name with line breaks on the subject line', () => {
    const mail = organizationInvitationMail('zh-CN', {
      ...invitation,
      organizationName: 'Evil\r\nBcc: victim@example.com',
    });
    expect(mail.subject).toBe('王工 邀请您加入「Evil Bcc: victim@example.com」');
  });
});
