/** class-transformer: trims a string input (other values pass through for the validators to refuse). */
export const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/**
 * class-transformer for names that identify someone (display names, organisation names, affiliations, taxonomy
 * names): Unicode NFKC, then trimmed. NFKC folds compatibility forms into one spelling (full-width ＨＡＩＥＲ →
 * HAIER, the ideographic space → a space, ㈱ → (株), and full-width brackets （） → ()), so two names that look
 * alike are stored alike. Titles and other prose keep the form their author typed (HumanName({ normalize: false })).
 */
export const nameText = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFKC').trim() : value;
