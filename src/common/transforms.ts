/** class-transformer: trims a string input (other values pass through for the validators to refuse). */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * class-transformer for names people read (display names, organisation names, titles): Unicode NFKC, then
 * trimmed. NFKC folds compatibility forms into one spelling (full-width ＨＡＩＥＲ → HAIER, the ideographic
 * space → a space, ㈱ → (株)), so two names that look alike are stored alike. Chinese text is unchanged.
 */
export const nameText = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFKC').trim() : value);
