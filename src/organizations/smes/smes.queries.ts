import { technicalFieldJsonSql, toTechnicalFieldJson } from '../../technical-fields/index.js';
import type { SqlRow, SqlTarget } from '../../database/typed-query.js';
import {
  execute,
  int,
  intOrNull,
  jsonRows,
  oneOf,
  queryOne,
  str,
  strArray,
  strOrNull,
} from '../../database/typed-query.js';
import { OrganizationKind } from '../organization.entity.js';
import { ProfileKind, toOrganizationProfile, updateColumns } from '../organizations.queries.js';
import type { SmeType } from './dto/sme.types.js';
import { EFFECTIVE_QUALIFICATION_SQL, QualificationClaim } from './qualification.js';
import type { SmePastProject, SmeProduct, SmeTechnicalRoute } from './sme.entity.js';
import { SmeQualification, SmeSizeClass } from './sme.entity.js';

/** The SQL of an SME's own rows (see docs/architecture.md, "The SQL layer"); the shared profile is in organizations.queries.ts. */

const SIZE_CLASSES = Object.values(SmeSizeClass);
const QUALIFICATIONS = Object.values(SmeQualification);

const SME_COLUMNS = `s.size_class, s.qualification, ${EFFECTIVE_QUALIFICATION_SQL} AS effective_qualification,
  s.certificate_number, to_char(s.qualification_valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(s.qualification_valid_until, 'YYYY-MM-DD') AS valid_until, s.capability_statement, s.founding_year, s.employees,
  s.keywords, s.products, s.past_projects, s.technical_routes,
  (SELECT coalesce(json_agg(${technicalFieldJsonSql('f')}
                            ORDER BY f.code), '[]'::json)
     FROM sme_technical_fields sf JOIN technical_fields f ON f.code = sf.field_code
    WHERE sf.organization_id = o.id) AS technical_fields`;

/** The only way an SME row becomes API output. */
export function toSmeType(r: SqlRow): SmeType {
  return {
    ...toOrganizationProfile(r),
    sizeClass: oneOf(r, 'size_class', SIZE_CLASSES),
    qualification: oneOf(r, 'qualification', QUALIFICATIONS),
    effectiveQualification: oneOf(r, 'effective_qualification', QUALIFICATIONS),
    certificateNumber: strOrNull(r, 'certificate_number'),
    qualificationValidFrom: strOrNull(r, 'valid_from'),
    qualificationValidUntil: strOrNull(r, 'valid_until'),
    technicalFields: jsonRows(r, 'technical_fields').map(toTechnicalFieldJson),
    capabilityStatement: str(r, 'capability_statement'),
    foundingYear: intOrNull(r, 'founding_year'),
    employees: intOrNull(r, 'employees'),
    keywords: strArray(r, 'keywords'),
    products: jsonRows(r, 'products').map((p) => ({
      name: str(p, 'name'),
      description: str(p, 'description'),
    })),
    pastProjects: jsonRows(r, 'past_projects').map((p) => ({
      title: str(p, 'title'),
      year: int(p, 'year'),
      clientIndustryCode: str(p, 'clientIndustryCode'),
      outcome: str(p, 'outcome'),
    })),
    technicalRoutes: jsonRows(r, 'technical_routes').map((t) => ({
      zh: strOrNull(t, 'zh'),
      en: strOrNull(t, 'en'),
    })),
  };
}

export const SME: ProfileKind<SmeType> = {
  kind: OrganizationKind.SME,
  entity: 'SME',
  table: 'smes',
  alias: 's',
  columns: SME_COLUMNS,
  toType: toSmeType,
};

export interface NewSme {
  sizeClass: SmeSizeClass;
  qualification: SmeQualification;
  certificateNumber: string | null;
  validFrom: string | null;
  validUntil: string | null;
  capabilityStatement: string;
  foundingYear: number | null;
  employees: number | null;
}

/** The `smes` row of a new SME. */
export function insertSme(target: SqlTarget, organizationId: string, sme: NewSme): Promise<void> {
  return execute(
    target,
    `INSERT INTO smes (organization_id, size_class, qualification, certificate_number, qualification_valid_from,
                           qualification_valid_until, capability_statement, founding_year, employees)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      organizationId,
      sme.sizeClass,
      sme.qualification,
      sme.certificateNumber,
      sme.validFrom,
      sme.validUntil,
      sme.capabilityStatement,
      sme.foundingYear,
      sme.employees,
    ],
  );
}

/** The SME's qualification as stored (the dates YYYY-MM-DD); undefined when it has no `smes` row. */
export function qualificationClaimOf(
  target: SqlTarget,
  organizationId: string,
): Promise<QualificationClaim | undefined> {
  return queryOne(
    target,
    `SELECT s.qualification, s.certificate_number,
                to_char(s.qualification_valid_from, 'YYYY-MM-DD') AS valid_from, to_char(s.qualification_valid_until, 'YYYY-MM-DD') AS valid_until
           FROM smes s WHERE s.organization_id = $1`,
    [organizationId],
    (r) => ({
      qualification: oneOf(r, 'qualification', QUALIFICATIONS),
      certificateNumber: strOrNull(r, 'certificate_number'),
      validFrom: strOrNull(r, 'valid_from'),
      validUntil: strOrNull(r, 'valid_until'),
    }),
  );
}

/** Replaces the SME's technical fields with `codes`. */
export async function replaceTechnicalFields(
  target: SqlTarget,
  organizationId: string,
  codes: readonly string[],
): Promise<void> {
  await execute(target, `DELETE FROM sme_technical_fields WHERE organization_id = $1`, [
    organizationId,
  ]);
  if (codes.length) {
    await execute(
      target,
      `INSERT INTO sme_technical_fields (organization_id, field_code) SELECT $1, unnest($2::varchar[])`,
      [organizationId, codes],
    );
  }
}

/** A new capability profile; each list, when given, replaces the stored one (undefined: it stays). */
export interface SmeCapabilities {
  keywords?: { keywords: string[]; keys: string[] };
  products?: SmeProduct[];
  pastProjects?: SmePastProject[];
  technicalRoutes?: SmeTechnicalRoute[];
}

/** Writes the lists given (one UPDATE); returns the input fields written. */
export async function updateCapabilities(
  target: SqlTarget,
  organizationId: string,
  c: SmeCapabilities,
): Promise<string[]> {
  const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));
  return updateColumns(target, 'smes', 'organization_id', organizationId, [
    ['keywords', 'keywords', c.keywords?.keywords],
    ['keywords', 'keyword_keys', c.keywords?.keys],
    ['products', 'products', json(c.products)],
    ['pastProjects', 'past_projects', json(c.pastProjects)],
    ['technicalRoutes', 'technical_routes', json(c.technicalRoutes)],
  ]).then((fields) => [...new Set(fields)]);
}
