export type SizeName = 'S' | 'M' | 'L';

/**
 * The row counts at size L, the target scale (an alliance the size of Haier's HOPE network).
 * M is a tenth of L and S a hundredth. A generator added later adds its entity here.
 */
export const COUNTS_AT_L = {
  /**
   * Every organisation's members (an enterprise has about 3, an SME about 1.3: 160,000 at L; a user
   * belongs to at most one organisation), plus platform staff and people outside any organisation.
   */
  users: 180_000,
  enterprises: 10_000,
  smes: 100_000,
  challenges: 100_000,
  proposals: 1_000_000,
} as const;

export type CountedEntity = keyof typeof COUNTS_AT_L;

export interface SeedSize {
  name: SizeName;
  /** 1 at L, 0.1 at M, 0.01 at S. */
  factor: number;
  /** How many rows of `entity` this size has. */
  count(entity: CountedEntity): number;
  /** Any figure given at L, scaled to this size (at least 1). */
  scale(atL: number): number;
}

const FACTORS: Record<SizeName, number> = { S: 0.01, M: 0.1, L: 1 };

export function seedSize(name: string): SeedSize {
  const upper = name.toUpperCase();
  if (!(upper in FACTORS)) throw new Error(`unknown size '${name}': use S, M or L`);
  const factor = FACTORS[upper as SizeName];
  const scale = (atL: number) => Math.max(1, Math.round(atL * factor));
  return { name: upper as SizeName, factor, scale, count: (entity) => scale(COUNTS_AT_L[entity]) };
}
