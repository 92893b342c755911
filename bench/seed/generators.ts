import type { SeedGenerator } from './generator.js';
import { introductionsGenerator } from './generators/introductions.generator.js';
import { challengesGenerator } from './generators/challenges.generator.js';
import { organizationsGenerator } from './generators/organizations.generator.js';
import { proposalsGenerator } from './generators/proposals.generator.js';
import { usersGenerator } from './generators/users.generator.js';

/**
 * Every generator of the scale data. A feature adds its entity's generator (one file under
 * generators/) to this list with `dependsOn`; the order here does not matter.
 */
export const GENERATORS: readonly SeedGenerator[] = [
  usersGenerator,
  organizationsGenerator,
  challengesGenerator,
  proposalsGenerator,
  introductionsGenerator,
];
