import type { ErrorLocale, ErrorReasonEntry } from './error-catalogue.js';

/**
 * The language of the errors the API sends (`message`, and each field's message in `extensions.fields`):
 * - the signed-in user's `locale`, when the request is authenticated (read with the session check, no query of
 *   its own: `Actor.locale`);
 * - else the request's `Accept-Language` (`localeFromAcceptLanguage`);
 * - else English (DEFAULT_ERROR_LOCALE): a request without the header is a script or a tool rather than a
 *   browser, and the English messages are the ones the API has always sent.
 * `extensions.code`, `extensions.reason` and the fields' paths are the same in every language. In English the
 * messages are what the code wrote. In Chinese (`localizeError`): the top-level `message` is the catalogue's
 * Chinese text for the reason, and the English message it replaces, which may carry specifics (a count, a
 * limit, a name), is kept in `extensions.detail`; a field's message is translated when it is one of the common
 * refusals (FIELD_MESSAGES: class-validator's constraints and the platform's own), its English kept in the
 * field's `detail`, and otherwise left in English. An error without a reason (a document that is not valid, a
 * masked server error) gets its code's generic Chinese text (CODE_TEXTS), never more.
 */
export const DEFAULT_ERROR_LOCALE: ErrorLocale = 'en';

/** The Content-Language of a response whose errors are in `locale`. */
export function contentLanguage(locale: ErrorLocale): string {
  return locale;
}

/** Chinese as the catalogue writes it (Simplified): zh, zh-CN, zh-SG, zh-Hans(-*); not zh-TW, zh-HK, zh-Hant. */
const SIMPLIFIED_CHINESE = /^zh(?:-(?:cn|sg|hans(?:-.*)?))?$/;

/** The language a tag names, when the API speaks it. */
function supported(tag: string): ErrorLocale | undefined {
  if (SIMPLIFIED_CHINESE.test(tag)) return 'zh-CN';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * The language an `Accept-Language` header (RFC 9110 §12.5.4) asks for, among those the API speaks: the one of
 * highest quality (`q`, 1 when absent; `q=0` refuses it), the first listed on a tie; undefined when it names
 * none (or only `*`), so that the default applies.
 */
export function localeFromAcceptLanguage(
  header: string | string[] | undefined,
): ErrorLocale | undefined {
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? header.join(',') : header;
  let best: { locale: ErrorLocale; q: number } | undefined;
  for (const part of text.split(',').slice(0, 50)) {
    const [rawTag, ...params] = part.split(';');
    const tag = rawTag.trim().toLowerCase();
    if (!tag) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim());
      if (key?.toLowerCase() === 'q') {
        const n = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value ?? '') ? Number(value) : NaN;
        q = Number.isNaN(n) ? 0 : n;
      }
    }
    const locale = supported(tag);
    if (!locale || q <= 0) continue;
    if (!best || q > best.q) best = { locale, q };
  }
  return best?.locale;
}

/** What a request carries that chooses the language: its actor (after the session check) and its headers. */
export interface LocaleSource {
  /** The actor (`Actor`, with its `locale`) once the session is checked. */
  user?: unknown;
  headers?: Record<string, string | string[] | undefined>;
}

/** The language of the errors answered to this request (see DEFAULT_ERROR_LOCALE for the rule). */
export function requestLocale(req: LocaleSource | null | undefined): ErrorLocale {
  const own = (req?.user as { locale?: unknown } | null | undefined)?.locale;
  if (own === 'zh-CN' || own === 'en') return own;
  return localeFromAcceptLanguage(req?.headers?.['accept-language']) ?? DEFAULT_ERROR_LOCALE;
}

/** The catalogue's entries by reason; filled once by the composition root (app/error-catalogue.ts). */
const CATALOGUE = new Map<string, ErrorReasonEntry>();

/** Gives the localisation the assembled catalogue (every module's reasons). */
export function useErrorCatalogue(
  entries: Iterable<{ reason: string; entry: ErrorReasonEntry }>,
): void {
  for (const { reason, entry } of entries) CATALOGUE.set(reason, entry);
}

/** The Chinese text of an error without a (catalogued) reason, by code. */
const CODE_TEXTS: Record<string, string> = {
  INTERNAL_SERVER_ERROR: '服务器内部错误。',
  GRAPHQL_VALIDATION_FAILED: 'GraphQL 文档不符合 schema，未执行任何操作。',
  GRAPHQL_PARSE_FAILED: 'GraphQL 文档有语法错误，未执行任何操作。',
  PERSISTED_QUERY_NOT_SUPPORTED: '不支持自动持久化查询：请发送完整的 query。',
  PERSISTED_QUERY_NOT_FOUND: '不支持自动持久化查询：请发送完整的 query。',
  BAD_USER_INPUT: '输入无效。',
  UNAUTHENTICATED: '需要登录。',
  FORBIDDEN: '无权执行此操作。',
  NOT_FOUND: '未找到。',
  CONFLICT: '与当前状态冲突。',
  RATE_LIMITED: '请求过于频繁，请稍后再试。',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试。',
};
const FALLBACK_TEXT = '请求未能完成。';

/**
 * The Chinese of the common refusals of a field, matched on the whole English message (class-validator's
 * messages begin with the property's name, which `field` already gives). Unmatched messages stay in English.
 */
const FIELD_MESSAGES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(?:\S+ )?should not be empty$/, () => '不能为空'],
  [/^is required$/, () => '为必填项'],
  [/^is invalid$/, () => '无效'],
  [/^is required to submit$/, () => '提交时为必填项'],
  [/^is not a real date$/, () => '不是有效的日期'],
  [/^(?:\S+ )?must not contain control characters$/, () => '不能包含控制字符'],
  [/^(?:\S+ )?must be a phone number$/, () => '必须是电话号码'],
  [/^(?:\S+ )?must be a UUID$/, () => '必须是 UUID'],
  [/^(?:\S+ )?must be an e-?mail(?: address)?$/, () => '必须是有效的电子邮件地址'],
  [/^(?:\S+ )?must be a string$/, () => '必须是字符串'],
  [/^(?:\S+ )?must be a boolean value$/, () => '必须是布尔值'],
  [/^(?:\S+ )?must be an integer number$/, () => '必须是整数'],
  [/^(?:\S+ )?must be a number conforming to the specified constraints$/, () => '必须是数字'],
  [/^(?:\S+ )?must be an array$/, () => '必须是列表'],
  [/^(?:\S+ )?must be a Date instance$/, () => '必须是时间'],
  [/^(?:\S+ )?must be a valid ISO 8601 date string$/, () => '必须是 ISO 8601 格式的时间'],
  [/^(?:\S+ )?must be a URL address$/, () => '必须是 URL 地址'],
  [
    /^(?:\S+ )?must be longer than or equal to (\d+) characters$/,
    (m) => `长度不能少于 ${m[1]} 个字符`,
  ],
  [
    /^(?:\S+ )?must be shorter than or equal to (\d+) characters$/,
    (m) => `长度不能超过 ${m[1]} 个字符`,
  ],
  [
    /^(?:\S+ )?must be (\d+) to (\d+) characters long$/,
    (m) => `长度必须在 ${m[1]} 到 ${m[2]} 个字符之间`,
  ],
  [/^(?:\S+ )?must not be less than (\S+)$/, (m) => `不能小于 ${m[1]}`],
  [/^(?:\S+ )?must not be greater than (\S+)$/, (m) => `不能大于 ${m[1]}`],
  [/^(?:\S+ )?must contain at least (\d+) elements$/, (m) => `至少包含 ${m[1]} 个元素`],
  [/^(?:\S+ )?must contain no more than (\d+) elements$/, (m) => `最多包含 ${m[1]} 个元素`],
  [/^(?:\S+ )?must be one of the following values: (.*)$/, (m) => `必须是以下值之一：${m[1]}`],
  [/^(?:\S+ )?should not be null or undefined$/, () => '不能为 null'],
  [/^property (\S+) should not exist$/, (m) => `不接受属性 ${m[1]}`],
  [/^must not contain NUL characters \(U\+0000\)$/, () => '不能包含 NUL 字符（U+0000）'],
  [/^must be between the years 1 and 9999$/, () => '年份必须在 1 到 9999 之间'],
];

/** A field's message in Chinese, or undefined when it is not one of FIELD_MESSAGES. */
export function fieldMessageZh(message: string): string | undefined {
  for (const [pattern, text] of FIELD_MESSAGES) {
    const m = pattern.exec(message);
    if (m) return text(m);
  }
  return undefined;
}

interface ShapedError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** An error (GraphQL's formatted error, or the HTTP layer's) in `locale`, shaped as DEFAULT_ERROR_LOCALE says. */
export function localizeError<E extends ShapedError>(error: E, locale: ErrorLocale): E {
  if (locale === 'en') return error;
  const extensions = error.extensions ?? {};
  const reason = extensions.reason;
  const code = typeof extensions.code === 'string' ? extensions.code : '';
  const entry =
    typeof reason === 'string' && code !== 'INTERNAL_SERVER_ERROR'
      ? CATALOGUE.get(reason)
      : undefined;
  const message = entry ? entry.zh : (CODE_TEXTS[code] ?? FALLBACK_TEXT);
  const fields = Array.isArray(extensions.fields)
    ? (extensions.fields as { field: string; message: string }[]).map((f) => {
        const zh = typeof f.message === 'string' ? fieldMessageZh(f.message) : undefined;
        return zh ? { ...f, message: zh, detail: f.message } : f;
      })
    : undefined;
  // A masked server error says nothing more in Chinese than in English.
  const detail = code === 'INTERNAL_SERVER_ERROR' ? undefined : error.message;
  return {
    ...error,
    message,
    extensions: {
      ...extensions,
      ...(detail ? { detail } : {}),
      ...(fields ? { fields } : {}),
    },
  };
}
