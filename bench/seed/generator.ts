import type { SeedDb } from './bulk.js';
import type { Rng } from './rng.js';
import type { SeedSize } from './sizes.js';

/**
 * One entity's part of the scale data, in its own file under `generators/`. It must be
 * deterministic (only `rng`, never Math.random or the clock) and safe to run twice on the same
 * size (stable keys plus ON CONFLICT DO NOTHING), and write in bulk (see bulk.ts).
 */
export interface SeedGenerator {
  name: string;
  /** Generators whose rows this one refers to; they run first. */
  dependsOn?: readonly string[];
  run(db: SeedDb, size: SeedSize, rng: Rng): Promise<void>;
}

/** The registry in dependency order (a generator after every one it depends on); throws on a cycle or unknown name. */
export function inDependencyOrder(generators: readonly SeedGenerator[]): SeedGenerator[] {
  const byName = new Map(generators.map((g) => [g.name, g]));
  const ordered: SeedGenerator[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (g: SeedGenerator, path: string[]) => {
    if (state.get(g.name) === 'done') return;
    if (state.get(g.name) === 'visiting')
      throw new Error(`seed generators depend on each other: ${[...path, g.name].join(' → ')}`);
    state.set(g.name, 'visiting');
    for (const dep of g.dependsOn ?? []) {
      const d = byName.get(dep);
      if (!d) throw new Error(`seed generator '${g.name}' depends on unknown generator '${dep}'`);
      visit(d, [...path, g.name]);
    }
    state.set(g.name, 'done');
    ordered.push(g);
  };
  for (const g of generators) visit(g, []);
  return ordered;
}
