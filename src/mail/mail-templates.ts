import { headerText } from './mail-headers.js';

/**
 * The text of every e-mail, in the recipient's language (zh-CN or en). Each template takes what it shows and
 * returns the subject (through headerText: a name in it cannot break the header) and the plain-text body.
 * A link is given when the web application's address is configured; the token is always in the text too, so
 * the mail works without one.
 *
 * Pure module: no framework imports.
 */
export type MailLocale = 'zh-CN' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
}

const SIGNATURE = { 'zh-CN': '—— 创新挑战平台', en: '— The innovation challenge platform' };

function body(locale: MailLocale, lines: (string | false | undefined)[]): string {
  return [
    ...lines.filter((l): l is string => typeof l === 'string'),
    '',
    SIGNATURE[locale],
    '',
  ].join('\n');
}

export function verifyEmailMail(
  locale: MailLocale,
  v: { displayName: string; token: string; link?: string; ttlHours: number },
): RenderedMail {
  if (locale === 'zh-CN')
    return {
      subject: headerText('请验证您的电子邮箱'),
      text: body(locale, [
        `${v.displayName}，您好：`,
        '',
        '感谢注册。请验证此电子邮箱地址，验证前我们不会向它发送其他邮件。',
        v.link && `验证链接：${v.link}`,
        `验证令牌：${v.token}`,
        `链接在 ${v.ttlHours} 小时内有效，且只能使用一次。如非您本人注册，请忽略此邮件。`,
      ]),
    };
  return {
    subject: headerText('Please verify your e-mail address'),
    text: body(locale, [
      `Hello ${v.displayName},`,
      '',
      'Thank you for signing up. Please verify this address: until you do, we send it nothing else.',
      v.link && `Verify: ${v.link}`,
      `Verification token: ${v.token}`,
      `The link works once, for ${v.ttlHours} hours. If you did not sign up, ignore this e-mail.`,
    ]),
  };
}

export function passwordResetMail(
  locale: MailLocale,
  v: { displayName: string; token: string; link?: string; ttlMinutes: number },
): RenderedMail {
  if (locale === 'zh-CN')
    return {
      subject: headerText('重置您的密码'),
      text: body(locale, [
        `${v.displayName}，您好：`,
        '',
        '我们收到了重置您账号密码的请求。',
        v.link && `重置链接：${v.link}`,
        `重置令牌：${v.token}`,
        `链接在 ${v.ttlMinutes} 分钟内有效，且只能使用一次；重置后，您账号的所有会话都将退出登录。`,
        '如非您本人操作，请忽略此邮件，您的密码不会改变。',
      ]),
    };
  return {
    subject: headerText('Reset your password'),
    text: body(locale, [
      `Hello ${v.displayName},`,
      '',
      'We received a request to reset the password of your account.',
      v.link && `Reset: ${v.link}`,
      `Reset token: ${v.token}`,
      `The link works once, for ${v.ttlMinutes} minutes; a reset signs your account out everywhere.`,
      'If you did not ask for it, ignore this e-mail: your password stays as it is.',
    ]),
  };
}

export function organizationInvitationMail(
  locale: MailLocale,
  v: {
    organizationName: string;
    inviterName: string;
    role: 'ADMIN' | 'MEMBER';
    token: string;
    link?: string;
    expiresAt: Date;
    unsubscribeUrl?: string;
  },
): RenderedMail {
  const day = v.expiresAt.toISOString().slice(0, 10);
  if (locale === 'zh-CN')
    return {
      subject: headerText(`${v.inviterName} 邀请您加入「${v.organizationName}」`),
      text: body(locale, [
        '您好：',
        '',
        `${v.inviterName} 邀请您以${v.role === 'ADMIN' ? '管理员' : '成员'}身份加入「${v.organizationName}」。`,
        '请使用此电子邮箱注册或登录后接受邀请。',
        v.link && `接受邀请：${v.link}`,
        `邀请令牌：${v.token}`,
        `邀请在 ${day}（UTC）前有效。`,
        v.unsubscribeUrl && '',
        v.unsubscribeUrl && `不想再收到组织邀请邮件？退订：${v.unsubscribeUrl}`,
      ]),
    };
  return {
    subject: headerText(`${v.inviterName} invites you to join ${v.organizationName}`),
    text: body(locale, [
      'Hello,',
      '',
      `${v.inviterName} invites you to join ${v.organizationName} as ${v.role === 'ADMIN' ? 'an administrator' : 'a member'}.`,
      'Sign up or sign in with this e-mail address, then accept the invitation.',
      v.link && `Accept: ${v.link}`,
      `Invitation token: ${v.token}`,
      `The invitation works until ${day} (UTC).`,
      v.unsubscribeUrl && '',
      v.unsubscribeUrl && `No more invitation e-mails? Unsubscribe: ${v.unsubscribeUrl}`,
    ]),
  };
}
