import { apiOf, type Arrange } from './users.js';
import type { TestOrg } from './organizations.js';

export const INVITE_SME = `mutation($input: InviteSmeToChallengeInput!) { inviteSmeToChallenge(input: $input) {
  introduction { id status } challenge { id } } }`;
export const ACCEPT_INTRODUCTION = `mutation($input: AcceptIntroductionInput!) { acceptIntroduction(input: $input) {
  introduction { id status } } }`;

/**
 * The issuer's owner invites the SME to the challenge and the SME's owner accepts (what grants an SME access to an
 * INVITE_ONLY challenge since invitations are introductions); the introduction's id.
 */
export async function inviteAndAccept(
  t: Arrange,
  issuer: TestOrg,
  challengeId: string,
  sme: TestOrg,
  message = 'We would like your proposal',
): Promise<string> {
  const app = apiOf(t);
  const invited = await app.gql
    .as(issuer.owner.token)
    .ok<{ inviteSmeToChallenge: { introduction: { id: string } } }>(INVITE_SME, {
      input: { challengeId, smeId: sme.id, message },
    });
  const id = invited.inviteSmeToChallenge.introduction.id;
  await app.gql.as(sme.owner.token).ok(ACCEPT_INTRODUCTION, { input: { introductionId: id } });
  return id;
}
