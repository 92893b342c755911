import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/auth/actor.js';
import { NotFoundError, UserInputError } from '../common/errors.js';
import { assertUuid } from '../common/uuid.js';
import { ORGANIZATION_COLUMNS, OrganizationRow, scoped, toMembers, VISIBLE_ORGANIZATION } from '../organizations/organization-sql.js';
import { resetVerification, updateColumns, updateSharedColumns } from '../organizations/organization-update.js';
import { OrganizationKind } from '../organizations/organization.entity.js';
import {
  alreadyInOrganization,
  assertCreditCodeFree,
  CREDIT_CODE_CONSTRAINT,
  creditCodeTaken,
  MEMBER_CONSTRAINT,
  OrganizationsService,
} from '../organizations/organizations.service.js';
import type { TechnicalFieldType } from '../technical-fields/dto/technical-field.types.js';
import { TechnicalFieldsService } from '../technical-fields/technical-fields.service.js';
import { CreateSmeInput, UpdateSmeInput } from './dto/sme.inputs.js';
import { SmePayload, SmeType } from './dto/sme.types.js';
import { EFFECTIVE_QUALIFICATION_SQL, QualificationClaim, qualificationProblems, todayInChina } from './qualification.js';
import { SmeQualification, SmeSizeClass } from './sme.entity.js';
import { uniqueViolation } from '../database/pg-errors.js';

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

/** The only way an SME row becomes API output. */
export function toSmeType(row: SmeRow): SmeType {
  return {
    id: row.id,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    creditCode: row.credit_code,
    regionCode: row.region_code,
    description: row.description,
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
    verificationStatus: row.verification_status,
    verificationReason: row.can_see_private ? row.verification_reason : null,
    verifiedAt: row.verified_at,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    members: toMembers(row),
    createdAt: row.created_at,
  };
}

const unique = (codes: string[] | undefined) => (codes ? [...new Set(codes.map((c) => c.trim()))] : undefined);

@Injectable()
export class SmesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly fields: TechnicalFieldsService,
  ) {}

  async get(actor: Actor | null, id: string): Promise<SmeType> {
    assertUuid(id);
    const q = scoped(
      `SELECT ${ORGANIZATION_COLUMNS}, ${SME_COLUMNS}
         FROM organizations o JOIN smes s ON s.organization_id = o.id
        WHERE o.id = $1 AND ${VISIBLE_ORGANIZATION}`,
      2,
      actor,
    );
    const [row] = (await this.dataSource.query(q.sql, [id, ...q.params])) as SmeRow[];
    if (!row) throw new NotFoundError('SME');
    return toSmeType(row);
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
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        await assertCreditCodeFree(manager, input.creditCode);
        await this.fields.assertKnown(manager, codes, 'technicalFieldCodes');
        const [org] = (await manager.query(
          `INSERT INTO organizations (kind, name_zh, name_en, credit_code, region_code, description, contact_email, contact_phone, created_by)
           VALUES ('SME', $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [input.nameZh, input.nameEn ?? null, input.creditCode, input.regionCode, input.description ?? '', input.contactEmail ?? null, input.contactPhone ?? null, actor.userId],
        )) as { id: string }[];
        const none = claim.qualification === SmeQualification.NONE;
        await manager.query(
          `INSERT INTO smes (organization_id, size_class, qualification, certificate_number, qualification_valid_from,
                             qualification_valid_until, capability_statement, founding_year, employees)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            org.id,
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
        await this.replaceFields(manager, org.id, codes);
        await manager.query(`INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`, [actor.userId, org.id]);
        await this.audit.record(manager, {
          actor,
          action: 'ORGANIZATION_CREATED',
          entityType: 'Organization',
          entityId: org.id,
          organizationId: org.id,
          to: 'UNVERIFIED',
          data: { kind: OrganizationKind.SME, nameZh: input.nameZh, creditCode: input.creditCode, qualification: claim.qualification },
        });
        return org.id;
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === CREDIT_CODE_CONSTRAINT) throw creditCodeTaken();
      if (constraint === MEMBER_CONSTRAINT) throw alreadyInOrganization();
      throw error;
    }
    return { sme: await this.get({ ...actor, organization: { id, kind: 'SME', role: 'OWNER' } }, id) };
  }

  /** Edits an SME (its OWNER or ADMIN). Changing the name or the qualification of a verified SME needs a new verification. */
  async update(actor: Actor, input: UpdateSmeInput): Promise<SmePayload> {
    const codes = unique(input.technicalFieldCodes);
    await this.dataSource.transaction(async (manager) => {
      const { verificationStatus } = await this.organizations.lockManaged(manager, actor, input.id, OrganizationKind.SME);
      const [current] = (await manager.query(
        `SELECT o.name_zh, s.qualification, s.certificate_number,
                to_char(s.qualification_valid_from, 'YYYY-MM-DD') AS valid_from, to_char(s.qualification_valid_until, 'YYYY-MM-DD') AS valid_until
           FROM organizations o JOIN smes s ON s.organization_id = o.id WHERE o.id = $1`,
        [input.id],
      )) as { name_zh: string; qualification: SmeQualification; certificate_number: string | null; valid_from: string | null; valid_until: string | null }[];
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
      const shared = await updateSharedColumns(manager, input.id, input);
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
      const renamed = input.nameZh !== undefined && input.nameZh !== current.name_zh;
      const reset = renamed || changedClaim ? await resetVerification(manager, input.id, verificationStatus) : null;
      await this.audit.record(manager, {
        actor,
        action: 'ORGANIZATION_UPDATED',
        entityType: 'Organization',
        entityId: input.id,
        organizationId: input.id,
        from: reset ? verificationStatus : null,
        to: reset,
        data: { fields: [...shared, ...own.filter((f) => !f.startsWith('qualification') && f !== 'certificateNumber'), ...(qualificationTouched ? ['qualification'] : []), ...(codes ? ['technicalFieldCodes'] : [])] },
      });
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
