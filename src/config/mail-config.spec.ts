import { describe, expect, it } from '@jest/globals';
import { join, resolve } from 'node:path';
import { loadConfig } from './app-config.js';

const load = (env: Record<string, string>) =>
  loadConfig(
    { NODE_ENV: 'test', DATA_DIR: '/tmp/mail-config-spec', ...env },
    { signsTokens: false },
  );

describe('the mail settings', () => {
  it('default to files under DATA_DIR/mail and links to the local service', () => {
    const { mail } = load({ PORT: '4010' });
    expect(mail).toEqual({
      smtpUrl: undefined,
      fileDir: join(resolve('/tmp/mail-config-spec'), 'mail'),
      from: 'Marketplace <no-reply@localhost>',
      publicUrl: 'http://localhost:4010',
      webAppUrl: undefined,
      verificationTtlHours: 48,
      resetTtlMinutes: 30,
    });
  });

  it('take an SMTP URL, a sender with a name, and base URLs without their trailing slash', () => {
    const { mail } = load({
      SMTP_URL: 'smtps://user:secret@mail.example.cn:465',
      MAIL_FROM: '创新平台 <no-reply@example.cn>',
      PUBLIC_URL: 'https://api.example.cn/',
      WEB_APP_URL: 'https://app.example.cn/base/',
    });
    expect(mail.smtpUrl).toBe('smtps://user:secret@mail.example.cn:465');
    expect(mail.from).toBe('创新平台 <no-reply@example.cn>');
    expect(mail.publicUrl).toBe('https://api.example.cn');
    expect(mail.webAppUrl).toBe('https://app.example.cn/base');
  });

  it.each([
    ['SMTP_URL', 'http://mail.example.cn', /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    ['MAIL_FROM', 'a@example.cn\r\nBcc: victim@example.com', /MAIL_FROM must be an address/],
    ['MAIL_FROM', 'a@example.cn, b@example.cn', /MAIL_FROM must be an address/],
    ['PUBLIC_URL', 'javascript:alert(1)', /PUBLIC_URL must be an http\(s\):\/\/ URL/],
    ['WEB_APP_URL', 'https://app.example.cn/?x=1', /WEB_APP_URL must be an http\(s\):\/\/ URL/],
    ['PASSWORD_RESET_TTL_MINUTES', '2', /PASSWORD_RESET_TTL_MINUTES/],
    ['EMAIL_VERIFICATION_TTL_HOURS', '0', /EMAIL_VERIFICATION_TTL_HOURS/],
    ['RATE_LIMIT_MAIL_PER_HOUR', '0', /RATE_LIMIT_MAIL_PER_HOUR/],
  ])('refuse %s=%j', (name, value, message) => {
    expect(() => load({ [name]: value })).toThrow(message);
  });
});
