/** At most three levels, each an UPPER_SNAKE word; 64 characters in all. */
export const TECHNICAL_FIELD_CODE = /^(?=.{2,64}$)[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*){0,2}$/;

export function parentCodeOf(code: string): string | null {
  const dot = code.lastIndexOf('.');
  return dot < 0 ? null : code.slice(0, dot);
}
