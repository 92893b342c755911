import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { UserInputError } from '../../common/errors.js';
import type { TechnicalFieldType } from '../../technical-fields/index.js';
import { TechnicalFieldsService } from '../../technical-fields/index.js';
import type { OrganizationRow } from '../organization-sql.js';
import { updateColumns } from '../organization-update.js';
import { OrganizationKind } from '../organization.entity.js';
import { OrganizationProfiles, ProfileKind, toOrganizationProfile } from '../organization-profiles.js';
import { alreadyInOrganization } from '../organizations.service.js';
import { CreateSmeInput, UpdateSmeInput } from './dto/sme.inputs.js';
import { SmePayload, SmeType } from './dto/sme.types.js';
import { EFFECTIVE_QUALIFICATION_SQL, QualificationClaim, qualificationProblems, todayInChina } from './qualification.js';
import { SmeQualification, SmeSizeClass } from './sme.entity.js';

interface SmeRow extends OrganizationRow {
  size_class: SmeSizeClass;
  qualification: SmeQualification;
  effective_qualification: SmeQualification;
  certificate_number: string | null;
  valid_from: string | null;
  valid_until: string | null;
  capability_statement: string;
  founding_year: number | null;
  employees: number | null;
  technical_fields: TechnicalFieldType[];
}

const SME_COLUMNS = `s.size_class, s.qualification, ${EFFECTIVE_QUALIFICATION_SQL} AS effective_qualification,
  s.certificate_number, to_char(s.qualification_valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(s.qualification_valid_until, 'YYYY-MM-DD') AS valid_until, s.capability_statement, s.founding_year, s.employees,
  (SELECT coalesce(json_agg(json_build_object('code', f.code, 'parentCode', f.parent_code, 'nameZh', f.name_zh, 'nameEn', f.name_en)
                            ORDER BY f.code), '[]'::json)
     FROM sme_technical_fields sf JOIN technical_fields f ON f.code = sf.field_code
    WHERE sf.organization_id = o.id) AS technical_fields`;

const SME: ProfileKind = { kind: OrganizationKind.SME, entity: 'SME', table: 'smes', alias: 's', columns: SME_COLUMNS };

/** The only way an SME row becomes API output. */
export function toSmeType(row: SmeRow): SmeType {
  return {
    ...toOrganizationProfile(row),
    sizeClass: row.size_class,
    qualification: row.qualification,
    effectiveQualification: row.effective_qualification,
    certificateNumber: row.certificate_number,
    qualificationValidFrom: row.valid_from,
    qualificationValidUntil: row.valid_until,
    technicalFields: row.technical_fields,
    capabilityStatement: row.capability_statement,
    foundingYear: row.founding_year,
    employees: row.employees,
  };
}

const unique = (codes: string[] | undefined) => (codes ? [...new Set(codes.map((c) => c.trim()))] : undefined);

/** SMEs (揭榜方): the shared profile (OrganizationProfiles) plus the `smes` row, its qualification and technical fields. */
@Injectable()
export class SmesService {
  constructor(
    private readonly profiles: OrganizationProfiles,
    private readonly fields: TechnicalFieldsService,
  ) {}

  async get(actor: Actor | null, id: string): Promise<SmeType> {
    return toSmeType(await this.profiles.read<SmeRow>(actor, id, SME));
  }

  async create(actor: Actor, input: CreateSmeInput): Promise<SmePayload> {
    if (actor.organization) throw alreadyInOrganization();
    const claim: QualificationClaim = {
      qualification: input.qualification ?? SmeQualification.NONE,
      certificateNumber: input.certificateNumber ?? null,
      validFrom: input.qualificationValidFrom ?? null,
      validUntil: input.qualificationValidUntil ?? null,
    };
    this.assertClaim(claim);
    const codes = unique(input.technicalFieldCodes) ?? [];
    const insertOwn = async (manager: EntityManager, organizationId: string) => {
      await this.fields.assertKnown(manager, codes, 'technicalFieldCodes');
      const none = claim.qualification === SmeQualification.NONE;
      await manager.query(
        `INSERT INTO smes (organization_id, size_class, qualification, certificate_number, qualification_valid_from,
                           qualification_valid_until, capability_statement, founding_year, employees)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          organizationId,
          input.sizeClass,
          claim.qualification,
          none ? null : claim.certificateNumber,
          none ? null : claim.validFrom,
          none ? null : claim.validUntil,
          input.capabilityStatement ?? '',
          input.foundingYear ?? null,
          input.employees ?? null,
        ],
      );
      await this.replaceFields(manager, organizationId, codes);
    };
    const { id, owner } = await this.profiles.create(actor, SME, input, insertOwn, { qualification: claim.qualification });
    return { sme: await this.get(owner, id) };
  }

  /** Edits an SME (its OWNER or ADMIN). Changing the name or the qualification of a verified SME needs a new verification. */
  async update(actor: Actor, input: UpdateSmeInput): Promise<SmePayload> {
    const codes = unique(input.technicalFieldCodes);
    await this.profiles.update(actor, SME, input.id, input, async (manager) => {
      const [current] = (await manager.query(
        `SELECT s.qualification, s.certificate_number,
                to_char(s.qualification_valid_from, 'YYYY-MM-DD') AS valid_from, to_char(s.qualification_valid_until, 'YYYY-MM-DD') AS valid_until
           FROM smes s WHERE s.organization_id = $1`,
        [input.id],
      )) as { qualification: SmeQualification; certificate_number: string | null; valid_from: string | null; valid_until: string | null }[];
      const claim: QualificationClaim = {
        qualification: input.qualification ?? current.qualification,
        certificateNumber: input.certificateNumber ?? current.certificate_number,
        validFrom: input.qualificationValidFrom ?? current.valid_from,
        validUntil: input.qualificationValidUntil ?? current.valid_until,
      };
      const qualificationTouched =
        input.qualification !== undefined || input.certificateNumber !== undefined || input.qualificationValidFrom !== undefined || input.qualificationValidUntil !== undefined;
      if (qualificationTouched) this.assertClaim(claim);
      if (codes) await this.fields.assertKnown(manager, codes, 'technicalFieldCodes');
      const none = claim.qualification === SmeQualification.NONE;
      const own = await updateColumns(manager, 'smes', 'organization_id', input.id, [
        ['sizeClass', 'size_class', input.sizeClass],
        ['qualification', 'qualification', qualificationTouched ? claim.qualification : undefined],
        ['certificateNumber', 'certificate_number', qualificationTouched ? (none ? null : claim.certificateNumber) : undefined],
        ['qualificationValidFrom', 'qualification_valid_from', qualificationTouched ? (none ? null : claim.validFrom) : undefined],
        ['qualificationValidUntil', 'qualification_valid_until', qualificationTouched ? (none ? null : claim.validUntil) : undefined],
        ['capabilityStatement', 'capability_statement', input.capabilityStatement],
        ['foundingYear', 'founding_year', input.foundingYear],
        ['employees', 'employees', input.employees],
      ]);
      if (codes) await this.replaceFields(manager, input.id, codes);
      const changedClaim =
        qualificationTouched &&
        (claim.qualification !== current.qualification ||
          claim.certificateNumber !== current.certificate_number ||
          claim.validFrom !== current.valid_from ||
          claim.validUntil !== current.valid_until);
      return {
        fields: [
          ...own.filter((f) => !f.startsWith('qualification') && f !== 'certificateNumber'),
          ...(qualificationTouched ? ['qualification'] : []),
          ...(codes ? ['technicalFieldCodes'] : []),
        ],
        reverify: changedClaim,
      };
    });
    return { sme: await this.get(actor, input.id) };
  }

  private assertClaim(claim: QualificationClaim): void {
    const problems = qualificationProblems(claim, todayInChina());
    if (problems.length) throw new UserInputError(problems);
  }

  private async replaceFields(manager: EntityManager, id: string, codes: string[]): Promise<void> {
    await manager.query(`DELETE FROM sme_technical_fields WHERE organization_id = $1`, [id]);
    if (codes.length) {
      await manager.query(
        `INSERT INTO sme_technical_fields (organization_id, field_code) SELECT $1, unnest($2::varchar[])`,
        [id, codes],
      );
    }
  }
}
