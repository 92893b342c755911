/**
 * What may reach a header of a mail. Anything that comes from a user (a display name, an organisation's name,
 * an address) passes through here before it is put in `To`, `Subject` or any other header, so no value can end a
 * header line and start another (`\r\nBcc: …`): control characters and Unicode line and paragraph separators are
 * removed from text, and an address must be one plain `local@domain` (no name part, no list, no comment, no
 * white space). nodemailer encodes what is left (RFC 2047); this is the line in front of it.
 *
 * Pure module: no framework imports.
 */

/** C0 and C1 controls (CR and LF among them), DEL, and the Unicode line and paragraph separators. */
const UNSAFE_IN_HEADER = /[\p{Cc}\u2028\u2029]/gu;

/** `text` as one header line: unsafe characters replaced by a space, runs of spaces folded, at most `max` characters. */
export function headerText(text: string, max = 200): string {
  const clean = text.replace(UNSAFE_IN_HEADER, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

/** One address, `local@domain`, at most 254 characters: nothing a header or an SMTP command could split. */
const PLAIN_ADDRESS =
  /^[^\s<>()[\]\\,;:"@\p{Cc}\u2028\u2029]{1,64}@[^\s<>()[\]\\,;:"@\p{Cc}\u2028\u2029]{1,189}$/u;

export function isSafeAddress(address: string): boolean {
  return address.length <= 254 && PLAIN_ADDRESS.test(address) && !address.includes('..');
}

export class UnsafeAddressError extends Error {
  constructor() {
    super('the recipient address is not one plain address; the mail was not sent');
  }
}

/** The address when it is one plain address; throws UnsafeAddressError otherwise (nothing is sent). */
export function safeAddress(address: string): string {
  if (!isSafeAddress(address)) throw new UnsafeAddressError();
  return address;
}
