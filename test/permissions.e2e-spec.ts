import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLField,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { AccessRegistry } from '../src/common/auth/access-registry.js';
import { createUser } from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { dummy } from './support/schema-values.js';

/**
 * Every root operation of the API with the rule it must state. Adding an operation without adding
 * it here fails this test; so does changing a rule by accident.
 */
const EXPECTED: Record<string, 'PUBLIC' | 'AUTHENTICATED' | 'ADMIN' | 'EXPERT'> = {
  'Mutation.acceptChallengeTerms': 'AUTHENTICATED',
  'Mutation.acceptOrganizationInvitation': 'AUTHENTICATED',
  'Mutation.acceptReviewAssignment': 'AUTHENTICATED',
  'Mutation.addTechnicalField': 'ADMIN',
  'Mutation.admitAllianceMember': 'ADMIN',
  'Mutation.advanceChallengeClock': 'ADMIN',
  'Mutation.amendChallenge': 'AUTHENTICATED',
  'Mutation.answerChallengeQuestion': 'AUTHENTICATED',
  'Mutation.applyToAlliance': 'AUTHENTICATED',
  'Mutation.approveAndPublishChallenge': 'ADMIN',
  'Mutation.askChallengeQuestion': 'AUTHENTICATED',
  'Mutation.assignReviewers': 'AUTHENTICATED',
  'Mutation.cancelChallenge': 'AUTHENTICATED',
  'Mutation.changeAllianceTier': 'ADMIN',
  'Mutation.changeOrganizationMemberRole': 'AUTHENTICATED',
  'Mutation.changePassword': 'AUTHENTICATED',
  'Mutation.closeChallengeAsFailed': 'AUTHENTICATED',
  'Mutation.createChallenge': 'AUTHENTICATED',
  'Mutation.createEnterprise': 'AUTHENTICATED',
  'Mutation.createSme': 'AUTHENTICATED',
  'Mutation.declineReviewAssignment': 'AUTHENTICATED',
  'Mutation.dismissObjection': 'AUTHENTICATED',
  'Mutation.expelAllianceMember': 'ADMIN',
  'Mutation.fileObjection': 'AUTHENTICATED',
  'Mutation.grantExpertRole': 'ADMIN',
  'Mutation.addMatchVocabularyPair': 'ADMIN',
  'Mutation.removeMatchVocabularyPair': 'ADMIN',
  'Mutation.linkRelatedChallenges': 'ADMIN',
  'Mutation.unlinkRelatedChallenges': 'ADMIN',
  'Mutation.dismissRecommendation': 'AUTHENTICATED',
  'Mutation.requestIntroduction': 'AUTHENTICATED',
  'Mutation.markNotificationsRead': 'AUTHENTICATED',
  'Mutation.setNotificationPreference': 'AUTHENTICATED',
  'Mutation.followChallenge': 'AUTHENTICATED',
  'Mutation.unfollowChallenge': 'AUTHENTICATED',
  'Mutation.acceptIntroduction': 'AUTHENTICATED',
  'Mutation.declineIntroduction': 'AUTHENTICATED',
  'Mutation.cancelIntroduction': 'AUTHENTICATED',
  'Mutation.closeIntroduction': 'AUTHENTICATED',
  'Mutation.sendIntroductionMessage': 'AUTHENTICATED',
  'Mutation.inviteOrganizationMember': 'AUTHENTICATED',
  'Mutation.inviteSmeToChallenge': 'AUTHENTICATED',
  'Mutation.leaveAlliance': 'AUTHENTICATED',
  'Mutation.lockScoring': 'AUTHENTICATED',
  'Mutation.login': 'PUBLIC',
  'Mutation.logout': 'AUTHENTICATED',
  'Mutation.markNotSelected': 'AUTHENTICATED',
  'Mutation.openProposalForAdminReview': 'ADMIN',
  'Mutation.publishChallengeAnnouncement': 'AUTHENTICATED',
  'Mutation.refreshToken': 'PUBLIC',
  'Mutation.register': 'PUBLIC',
  'Mutation.requestEmailVerification': 'AUTHENTICATED',
  'Mutation.requestPasswordReset': 'PUBLIC',
  'Mutation.resetPassword': 'PUBLIC',
  'Mutation.unsubscribeEmail': 'PUBLIC',
  'Mutation.verifyEmail': 'PUBLIC',
  'Mutation.reinstateAllianceMember': 'ADMIN',
  'Mutation.reinstateUser': 'ADMIN',
  'Mutation.retryJob': 'ADMIN',
  'Mutation.rejectAllianceApplication': 'ADMIN',
  'Mutation.rejectChallenge': 'ADMIN',
  'Mutation.rejectOrganizationVerification': 'ADMIN',
  'Mutation.removeOrganizationMember': 'AUTHENTICATED',
  'Mutation.requestChallengeChanges': 'ADMIN',
  'Mutation.reviseProposal': 'AUTHENTICATED',
  'Mutation.revokeExpertRole': 'ADMIN',
  'Mutation.saveProposalDraft': 'AUTHENTICATED',
  'Mutation.selectWinners': 'AUTHENTICATED',
  'Mutation.shortlistProposals': 'AUTHENTICATED',
  'Mutation.submitChallengeForReview': 'AUTHENTICATED',
  'Mutation.submitProposal': 'AUTHENTICATED',
  'Mutation.submitScores': 'AUTHENTICATED',
  'Mutation.suspendAllianceMember': 'ADMIN',
  'Mutation.suspendUser': 'ADMIN',
  'Mutation.updateChallengeDraft': 'AUTHENTICATED',
  'Mutation.updateEnterprise': 'AUTHENTICATED',
  'Mutation.updateSme': 'AUTHENTICATED',
  'Mutation.upholdObjection': 'AUTHENTICATED',
  'Mutation.verifyOrganization': 'ADMIN',
  'Mutation.withdrawProposal': 'AUTHENTICATED',
  'Query.allianceApplications': 'ADMIN',
  'Query.allianceMembers': 'PUBLIC',
  'Query.auditEvents': 'ADMIN',
  'Query.challenge': 'PUBLIC',
  'Query.challengeFacets': 'PUBLIC',
  'Query.challengeObjections': 'AUTHENTICATED',
  'Query.challengeProposals': 'AUTHENTICATED',
  'Query.challengeResult': 'PUBLIC',
  'Query.challengeReviewQueue': 'ADMIN',
  'Query.challengeVersions': 'PUBLIC',
  'Query.challenges': 'PUBLIC',
  'Query.enterprise': 'PUBLIC',
  'Query.errorReasons': 'PUBLIC',
  'Query.experts': 'AUTHENTICATED',
  'Query.failedJobs': 'ADMIN',
  'Query.matchVocabulary': 'ADMIN',
  'Query.similarChallenges': 'ADMIN',
  'Query.recommendedSmes': 'AUTHENTICATED',
  'Query.recommendedChallenges': 'AUTHENTICATED',
  'Query.matchExplanation': 'AUTHENTICATED',
  'Query.introduction': 'AUTHENTICATED',
  'Query.notifications': 'AUTHENTICATED',
  'Query.unreadNotificationCount': 'AUTHENTICATED',
  'Query.notificationPreferences': 'AUTHENTICATED',
  'Query.myIntroductions': 'AUTHENTICATED',
  'Query.challengeIntroductions': 'AUTHENTICATED',
  'Query.introductionMessages': 'AUTHENTICATED',
  'Query.me': 'AUTHENTICATED',
  'Query.myAllianceMembership': 'AUTHENTICATED',
  'Query.myChallenges': 'AUTHENTICATED',
  'Query.myOrganization': 'AUTHENTICATED',
  'Query.myOrganizationAuditEvents': 'AUTHENTICATED',
  'Query.myProposals': 'AUTHENTICATED',
  'Query.myReviewAssignments': 'AUTHENTICATED',
  'Query.organizationVerificationQueue': 'ADMIN',
  'Query.proposal': 'AUTHENTICATED',
  'Query.proposalCount': 'PUBLIC',
  'Query.proposalRanking': 'AUTHENTICATED',
  'Query.sme': 'PUBLIC',
  'Query.technicalFields': 'PUBLIC',
  'Query.users': 'ADMIN',
  'Query.verifyAuditChain': 'ADMIN',
  'Subscription.challengeActivity': 'AUTHENTICATED',
  'Subscription.notificationAdded': 'AUTHENTICATED',
};

function document(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a) => isNonNullType(a.type));
  const variables = Object.fromEntries(required.map((a) => [a.name, dummy(a.type)]));
  const defs = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  // __typename selects nothing of the result type, so the document is valid for any object type.
  const selection =
    isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type))
      ? ''
      : '{ __typename }';
  return {
    query: `${kind}${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`,
    variables,
  };
}

describe('deny by default: every operation states its rule', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    t = await startTestApp();
    schema = t.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => t.close());

  it('lists exactly the operations of the schema, each with the expected rule', () => {
    const registered = Object.fromEntries(
      t.app
        .get(AccessRegistry)
        .list()
        .map((o) => [o.operation, o.rule]),
    );
    const inSchema = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map(
        (f) => `Subscription.${f}`,
      ),
    ].sort();
    expect(inSchema).toEqual(Object.keys(EXPECTED).sort());
    expect(registered).toEqual(EXPECTED);
  });

  it('refuses every non-public operation to an anonymous caller with UNAUTHENTICATED', async () => {
    const refused: string[] = [];
    for (const [kind, type] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const) {
      for (const field of Object.values(type?.getFields() ?? {})) {
        const rule = EXPECTED[`${kind === 'query' ? 'Query' : 'Mutation'}.${field.name}`];
        if (rule === 'PUBLIC') continue;
        const { query, variables } = document(kind, field);
        const res = await t.gql.send(query, variables);
        expect({ op: field.name, code: res.errors?.[0]?.extensions?.code }).toEqual({
          op: field.name,
          code: 'UNAUTHENTICATED',
        });
        refused.push(field.name);
      }
    }
    expect(refused.length).toBeGreaterThan(0);
  });

  it('refuses every ADMIN and EXPERT operation to a plain user with FORBIDDEN', async () => {
    const user = await createUser(t);
    for (const [kind, type] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const) {
      for (const field of Object.values(type?.getFields() ?? {})) {
        const rule = EXPECTED[`${kind === 'query' ? 'Query' : 'Mutation'}.${field.name}`];
        if (rule !== 'ADMIN' && rule !== 'EXPERT') continue;
        const { query, variables } = document(kind, field);
        const res = await t.gql.as(user.token).send(query, variables);
        expect({ op: field.name, code: res.errors?.[0]?.extensions?.code }).toEqual({
          op: field.name,
          code: 'FORBIDDEN',
        });
      }
    }
  });
});
