/** class-transformer: trims a string input (other values pass through for the validators to refuse). */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
