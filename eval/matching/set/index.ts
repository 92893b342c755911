/**
 * The labelled matchmaking evaluation set: 25 challenges and 300 verified SMEs with graded fits and
 * labelled traps, assembled from one file per technical area plus background companies.
 */
import type { EvalSet } from '../types.js';
import { backgroundSmes } from './background.js';
import { biomedicine } from './biomedicine.js';
import { energyStorage } from './energy-storage.js';
import { environmentHome } from './environment-home.js';
import type { AreaPart } from './helpers.js';
import { hydrogenRenewables } from './hydrogen-renewables.js';
import { manufacturing } from './manufacturing.js';
import { materials } from './materials.js';
import { semiconductors } from './semiconductors.js';

const AREAS: AreaPart[] = [
  energyStorage,
  hydrogenRenewables,
  semiconductors,
  materials,
  manufacturing,
  biomedicine,
  environmentHome,
];

export const EVAL_SET: EvalSet = {
  challenges: AREAS.flatMap((a) => a.challenges),
  smes: [...AREAS.flatMap((a) => a.smes), ...backgroundSmes].sort((a, b) =>
    a.key.localeCompare(b.key),
  ),
  labels: AREAS.flatMap((a) => a.labels),
  traps: AREAS.flatMap((a) => a.traps),
};
