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

/**
 * An SME's own columns by the API field that reads them. A reader given the fields a query selects reads only
 * theirs (a recommendation page naming each SME reads no capability text, products or projects).
 */
const SME_FIELD_COLUMNS: Readonly<Record<string, string>> = {
  sizeClass: 's.size_class',
  qualification: 's.qualification',
  effectiveQualification: `${EFFECTIVE_QUALIFICATION_SQL} AS effective_qualification`,
  certificateNumber: 's.certificate_number',
  qualificationValidFrom: `to_char(s.qualification_valid_from, 'YYYY-MM-DD') AS valid_from`,
  qualificationValidUntil: `to_char(s.qualification_valid_until, 'YYYY-MM-DD') AS valid_until`,
  capabilityStatement: 's.capability_statement',
  foundingYear: 's.founding_year',
  employees: 's.employees',
  keywords: 's.keywords',
  products: 's.products',
  pastProjects: 's.past_projects',
  technicalRoutes: 's.technical_routes',
  technicalFields: `(SELECT coalesce(json_agg(${technicalFieldJsonSql('f')}
                            ORDER BY f.code), '[]'::json)
     FROM sme_technical_fields sf JOIN technical_fields f ON f.code = sf.field_code
    WHERE sf.organization_id = o.id) AS technical_fields`,
};

/** The SME's own columns the fields need (all of them without `fields`). */
function smeColumns(fields?: ReadonlySet<string>): string {
  const wanted = Object.entries(SME_FIELD_COLUMNS).filter(
    ([field]) => !fields || fields.has(field),
  );
  // A statement needs at least one column of the kind's table besides the shared ones.
  return (wanted.length ? wanted.map(([, sql]) => sql) : ['s.size_class']).join(',\n  ');
}

/** `get(row, name)`, or undefined when the statement did not select the column (the field was not asked for). */
function picked<T>(row: SqlRow, name: string, get: (row: SqlRow, name: string) => T): T {
  return (row[name] === undefined ? undefined : get(row, name)) as T;
}

const products = (r: SqlRow, name: string): SmeProduct[] =>
  jsonRows(r, name).map((p) => ({ name: str(p, 'name'), description: str(p, 'description') }));

const pastProjects = (r: SqlRow, name: string): SmePastProject[] =>
  jsonRows(r, name).map((p) => ({
    title: str(p, 'title'),
    year: int(p, 'year'),
    clientIndustryCode: str(p, 'clientIndustryCode'),
    outcome: str(p, 'outcome'),
  }));

const technicalRoutes = (r: SqlRow, name: string): SmeTechnicalRoute[] =>
  jsonRows(r, name).map((t) => ({ zh: strOrNull(t, 'zh'), en: strOrNull(t, 'en') }));

/**
 * The only way an SME row becomes API output. A column the statement did not select (smeColumns with the
 * requested fields) leaves its field undefined: the query did not ask for it.
 */
export function toSmeType(r: SqlRow): SmeType {
  return {
    ...toOrganizationProfile(r),
    sizeClass: picked(r, 'size_class', (row, n) => oneOf(row, n, SIZE_CLASSES)),
    qualification: picked(r, 'qualification', (row, n) => oneOf(row, n, QUALIFICATIONS)),
    effectiveQualification: picked(r, 'effective_qualification', (row, n) =>
      oneOf(row, n, QUALIFICATIONS),
    ),
    certificateNumber: picked(r, 'certificate_number', strOrNull),
    qualificationValidFrom: picked(r, 'valid_from', strOrNull),
    qualificationValidUntil: picked(r, 'valid_until', strOrNull),
    technicalFields: picked(r, 'technical_fields', (row, n) =>
      jsonRows(row, n).map(toTechnicalFieldJson),
    ),
    capabilityStatement: picked(r, 'capability_statement', str),
    foundingYear: picked(r, 'founding_year', intOrNull),
    employees: picked(r, 'employees', intOrNull),
    keywords: picked(r, 'keywords', strArray),
    products: picked(r, 'products', products),
    pastProjects: picked(r, 'past_projects', pastProjects),
    technicalRoutes: picked(r, 'technical_routes', technicalRoutes),
  };
}

export const SME: ProfileKind<SmeType> = {
  kind: OrganizationKind.SME,
  entity: 'SME',
  table: 'smes',
  alias: 's',
  columns: smeColumns(),
  columnsFor: smeColumns,
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
