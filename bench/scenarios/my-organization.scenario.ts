import type { Scenario } from './scenario.js';

interface MyOrganization {
  role: string;
  sme: {
    id: string;
    effectiveQualification: string;
    technicalFields: { code: string }[];
    members: { role: string }[] | null;
  } | null;
}

/** The SME persona's own organisation: actor lookup, the SME's profile with private fields, members and technical fields. */
export const myOrganizationScenario: Scenario = {
  name: 'myOrganization',
  description:
    '`myOrganization` as the `sme` persona (OWNER of a verified SPECIALIZED SME): profile, qualification, technical fields and members',
  group: 'main',
  async prepare(ctx) {
    const token = await ctx.tokenOf('sme');
    return [
      {
        query: `{ myOrganization { kind role sme {
          id nameZh nameEn creditCode regionCode verificationStatus sizeClass qualification effectiveQualification
          certificateNumber qualificationValidFrom qualificationValidUntil capabilityStatement contactEmail
          technicalFields { code nameZh nameEn } members { userId displayName role joinedAt } } } }`,
        token,
      },
    ];
  },
  verify: (data) => {
    const mine = data.myOrganization as MyOrganization | null;
    return (
      mine?.role === 'OWNER' &&
      mine.sme?.effectiveQualification === 'SPECIALIZED' &&
      mine.sme.technicalFields.length > 0 &&
      (mine.sme.members ?? []).some((m) => m.role === 'OWNER')
    );
  },
};
