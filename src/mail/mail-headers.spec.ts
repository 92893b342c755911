import { describe, expect, it } from '@jest/globals';
import { headerText, isSafeAddress, safeAddress, UnsafeAddressError } from './mail-headers.js';

describe('header text', () => {
  it.each([
    [
      'a CRLF and a second header',
      '王工\r\nBcc: victim@example.com',
      '王工 Bcc: victim@example.com',
    ],
    ['a bare LF', 'Haier\nX-Evil: 1', 'Haier X-Evil: 1'],
    ['a bare CR', 'Haier\rX-Evil: 1', 'Haier X-Evil: 1'],
    ['a NUL and a tab', 'a\u0000b\tc', 'a b c'],
    ['a Unicode line separator', 'a\u2028b\u2029c', 'a b c'],
    ['a C1 control (NEL)', 'a\u0085b', 'a b'],
    ['plain Chinese', '海尔集团 邀请', '海尔集团 邀请'],
  ])('keeps no line break from %s', (_name, input, expected) => {
    const out = headerText(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/[\r\n]/);
  });

  it('cuts long text at the limit, by characters', () => {
    expect([...headerText('储'.repeat(300), 10)]).toHaveLength(10);
    expect(headerText('储'.repeat(300), 10).endsWith('…')).toBe(true);
  });
});

describe('recipient addresses', () => {
  it.each(['wang@example.cn', 'a.b+tag@sub.example.com', '张三@例子.中国'])('accepts %s', (a) => {
    expect(isSafeAddress(a)).toBe(true);
    expect(safeAddress(a)).toBe(a);
  });

  it.each([
    'victim@example.com\r\nBcc: other@example.com',
    'victim@example.com\nRCPT TO:<x@y>',
    'a@b.c, other@example.com',
    'a@b.c;other@example.com',
    'Name <a@b.c>',
    '"quoted"@example.com',
    'a b@example.com',
    'no-at-sign',
    'two@@example.com',
    'a@b@example.com',
    'dots..@example.com',
    `${'a'.repeat(65)}@example.com`,
  ])('refuses %j', (a) => {
    expect(isSafeAddress(a)).toBe(false);
    expect(() => safeAddress(a)).toThrow(UnsafeAddressError);
  });
});
