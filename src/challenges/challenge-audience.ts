/**
 * Who hears of news on a published challenge (an amendment, an answer): its followers and the organisations taking
 * part in it (a draft or a live proposal, registered by the proposals module; the challenge's terms accepted), never
 * the member who made the change. Each is told only while the challenge's visibility rule lets them see it.
 */
export function challengeAudience(challengeId: string, exceptUserId: string) {
  return {
    followersOf: challengeId,
    groups: [
      { group: 'CHALLENGE_PROPOSERS' as const, id: challengeId },
      { group: 'CHALLENGE_TERMS_ACCEPTED' as const, id: challengeId },
    ],
    exceptUserId,
  };
}
