import { describe, expect, it } from '@jest/globals';
import {
  fieldMessageZh,
  localeFromAcceptLanguage,
  localizeError,
  requestLocale,
  useErrorCatalogue,
} from './error-locale.js';

describe('localeFromAcceptLanguage', () => {
  it('reads Simplified Chinese and English tags, in any case', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-cn', 'zh-Hans', 'zh-Hans-CN', 'zh-SG', 'ZH-CN'])
      expect(localeFromAcceptLanguage(tag)).toBe('zh-CN');
    for (const tag of ['en', 'en-US', 'en-GB', 'EN'])
      expect(localeFromAcceptLanguage(tag)).toBe('en');
  });

  it('respects quality values; the first listed wins a tie; q=0 refuses a language', () => {
    expect(localeFromAcceptLanguage('en;q=0.5, zh-CN;q=0.8')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('zh, en')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('en, zh')).toBe('en');
    expect(localeFromAcceptLanguage('zh;q=0, en;q=0.1')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR, de;q=0.9, zh;q=0.1')).toBe('zh-CN');
    expect(localeFromAcceptLanguage(['fr', 'zh-CN;q=0.4'])).toBe('zh-CN');
  });

  it('names nothing for unknown, Traditional Chinese, wildcard, malformed or missing headers', () => {
    for (const header of [
      undefined,
      '',
      '*',
      'fr-FR, de',
      'zh-TW',
      'zh-Hant',
      'zh-HK',
      ';;,',
      'zh;q=abc',
    ])
      expect(localeFromAcceptLanguage(header)).toBeUndefined();
  });
});

describe('requestLocale', () => {
  it('is the user’s locale, else Accept-Language, else English', () => {
    const headers = { 'accept-language': 'zh-CN' };
    expect(requestLocale({ user: { locale: 'en' }, headers })).toBe('en');
    expect(requestLocale({ user: { locale: 'zh-CN' }, headers: {} })).toBe('zh-CN');
    expect(requestLocale({ user: undefined, headers })).toBe('zh-CN');
    expect(requestLocale({ headers: {} })).toBe('en');
    expect(requestLocale(undefined)).toBe('en');
  });
});

describe('localizeError', () => {
  useErrorCatalogue([
    { reason: 'SAMPLE_REASON', entry: { code: 'CONFLICT', en: 'A sample.', zh: '示例。' } },
  ]);

  it('leaves English as written', () => {
    const error = {
      message: 'As written',
      extensions: { code: 'CONFLICT', reason: 'SAMPLE_REASON' },
    };
    expect(localizeError(error, 'en')).toBe(error);
  });

  it('in Chinese: the catalogue’s text, the English in detail, common field refusals translated', () => {
    const error = {
      message: 'input.title: must be a UUID; input.x: odd',
      extensions: {
        code: 'CONFLICT',
        reason: 'SAMPLE_REASON',
        fields: [
          { field: 'input.title', message: 'must be a UUID' },
          { field: 'input.x', message: 'odd' },
        ],
      },
    };
    expect(localizeError(error, 'zh-CN')).toEqual({
      message: '示例。',
      extensions: {
        code: 'CONFLICT',
        reason: 'SAMPLE_REASON',
        detail: 'input.title: must be a UUID; input.x: odd',
        fields: [
          { field: 'input.title', message: '必须是 UUID', detail: 'must be a UUID' },
          { field: 'input.x', message: 'odd' },
        ],
      },
    });
  });

  it('an internal error stays generic, without detail; an error without a reason has its code’s text', () => {
    const internal = localizeError(
      {
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' },
      },
      'zh-CN',
    );
    expect(internal.message).toBe('服务器内部错误。');
    expect(internal.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL' });
    const invalid = localizeError(
      { message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      'zh-CN',
    );
    expect(invalid.message).toMatch(/[\u4e00-\u9fff]/);
    expect((invalid.extensions as Record<string, unknown>).detail).toBe(
      'Cannot query field "nope"',
    );
  });

  it('translates class-validator’s common messages with their numbers', () => {
    expect(fieldMessageZh('password must be longer than or equal to 12 characters')).toBe(
      '长度不能少于 12 个字符',
    );
    expect(fieldMessageZh('must contain no more than 1000 elements')).toBe('最多包含 1000 个元素');
    expect(fieldMessageZh('email must be an e-mail address')).toBe('必须是有效的电子邮件地址');
    expect(fieldMessageZh('something particular')).toBeUndefined();
  });
});
