import type { EntityManager } from 'typeorm';
import { evaluatedProposals } from './proposal-review.queries.js';

/**
 * Who hears of a challenge's evaluation outcome (the public notice, 流榜): every SME that took part (a proposal
 * under evaluation) and the challenge's followers, but not the user who made the change.
 */
export async function participantsAndFollowers(
  manager: EntityManager,
  challengeId: string,
  exceptUserId: string | null,
): Promise<{ organizationIds: string[]; followersOf: string; exceptUserId: string | null }> {
  return {
    organizationIds: (await evaluatedProposals(manager, challengeId)).map((p) => p.organizationId),
    followersOf: challengeId,
    exceptUserId,
  };
}
