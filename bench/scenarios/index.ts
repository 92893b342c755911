import { allianceApplicationsScenario } from './alliance-applications.scenario.js';
import { allianceMembersScenario } from './alliance-members.scenario.js';
import { challengeDetailScenario } from './challenge-detail.scenario.js';
import { challengesBrowseScenario } from './challenges-browse.scenario.js';
import {
  searchEnAt50Scenario,
  searchEnScenario,
  searchZhAt50Scenario,
  searchZhMultiAt50Scenario,
  searchZhMultiScenario,
  searchZhScenario,
} from './challenges-search.scenario.js';
import { floorScenario } from './floor.scenario.js';
import { loginScenario } from './login.scenario.js';
import { meScenario } from './me.scenario.js';
import { myIntroductionsScenario } from './my-introductions.scenario.js';
import { myOrganizationScenario } from './my-organization.scenario.js';
import {
  proposalRankingAllScenario,
  proposalRankingAt50Scenario,
  proposalRankingScenario,
} from './proposal-ranking.scenario.js';
import {
  recommendedChallengesScenario,
  recommendedSmesScenario,
} from './recommendations.scenario.js';
import type { Scenario } from './scenario.js';
import { similarChallengesScenario } from './similar-challenges.scenario.js';
import { submitProposalScenario } from './submit-proposal.scenario.js';

export { floorScenario };

/**
 * Every measured scenario besides the floor, in the order they run (each is run between two floor
 * runs). A feature adds its scenario (browse, search, submit, rank, recommend) as one file here;
 * a scenario with a `peer` is also run against PostGraphile 4 (bench/peer/) right after it.
 */
export const SCENARIOS: readonly Scenario[] = [
  meScenario,
  allianceMembersScenario,
  myOrganizationScenario,
  myIntroductionsScenario,
  allianceApplicationsScenario,
  challengesBrowseScenario,
  challengeDetailScenario,
  searchZhScenario,
  searchZhMultiScenario,
  searchEnScenario,
  searchZhAt50Scenario,
  searchZhMultiAt50Scenario,
  searchEnAt50Scenario,
  submitProposalScenario,
  proposalRankingScenario,
  proposalRankingAt50Scenario,
  proposalRankingAllScenario,
  recommendedSmesScenario,
  recommendedChallengesScenario,
  similarChallengesScenario,
  loginScenario,
];
