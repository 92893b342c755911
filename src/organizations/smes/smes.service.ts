import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { UserInputError } from '../../common/errors.js';
import { TechnicalFieldsService } from '../../technical-fields/index.js';
import { OrganizationProfiles } from '../organization-profiles.js';
import { alreadyInOrganization } from '../organizations.service.js';
import { updateColumns } from '../organizations.queries.js';
import { CreateSmeInput, UpdateSmeInput } from './dto/sme.inputs.js';
import { SmePayload, SmeType } from './dto/sme.types.js';
import { QualificationClaim, qualificationProblems, todayInChina } from './qualification.js';
import { SmeQualification } from './sme.entity.js';
import { normalizeKeywords, technicalRouteProblems } from './capabilities.js';
import {
  insertSme,
  qualificationClaimOf,
  replaceTechnicalFields,
  SME,
  SmeCapabilities,
  updateCapabilities,
} from './smes.queries.js';

const unique = (codes: string[] | undefined) =>
  codes ? [...new Set(codes.map((c) => c.trim()))] : undefined;

/** SMEs (揭榜方): the shared profile (OrganizationProfiles) plus the `smes` row, its qualification and technical fields. */
@Injectable()
export class SmesService {
  constructor(
    private readonly profiles: OrganizationProfiles,
    private readonly fields: TechnicalFieldsService,
  ) {}

  async get(actor: Actor | null, id: string): Promise<SmeType> {
    return this.profiles.read(actor, id, SME);
  }

  /** The SMEs among `ids` the viewer may see, in the order of `ids` (one statement). */
  getMany(
    actor: Actor | null,
    ids: readonly string[],
    fields?: ReadonlySet<string>,
  ): Promise<SmeType[]> {
    return this.profiles.readMany(actor, ids, SME, fields);
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
      await insertSme(manager, organizationId, {
        sizeClass: input.sizeClass,
        qualification: claim.qualification,
        certificateNumber: none ? null : claim.certificateNumber,
        validFrom: none ? null : claim.validFrom,
        validUntil: none ? null : claim.validUntil,
        capabilityStatement: input.capabilityStatement ?? '',
        foundingYear: input.foundingYear ?? null,
        employees: input.employees ?? null,
      });
      await replaceTechnicalFields(manager, organizationId, codes);
    };
    const { id, owner } = await this.profiles.create(actor, SME, input, insertOwn, {
      qualification: claim.qualification,
    });
    return { sme: await this.get(owner, id) };
  }

  /** Edits an SME (its OWNER or ADMIN). Changing the name or the qualification of a verified SME needs a new verification. */
  async update(actor: Actor, input: UpdateSmeInput): Promise<SmePayload> {
    const codes = unique(input.technicalFieldCodes);
    // Checked before who may edit, like the input's other bounds.
    const capabilities = this.capabilities(input);
    await this.profiles.update(actor, SME, input.id, input, async (manager) => {
      // lockManaged found the organisation, of kind SME: its smes row exists.
      const current = (await qualificationClaimOf(manager, input.id))!;
      const claim: QualificationClaim = {
        qualification: input.qualification ?? current.qualification,
        certificateNumber: input.certificateNumber ?? current.certificateNumber,
        validFrom: input.qualificationValidFrom ?? current.validFrom,
        validUntil: input.qualificationValidUntil ?? current.validUntil,
      };
      const qualificationTouched =
        input.qualification !== undefined ||
        input.certificateNumber !== undefined ||
        input.qualificationValidFrom !== undefined ||
        input.qualificationValidUntil !== undefined;
      if (qualificationTouched) this.assertClaim(claim);
      if (codes) await this.fields.assertKnown(manager, codes, 'technicalFieldCodes');
      const none = claim.qualification === SmeQualification.NONE;
      const own = await updateColumns(manager, 'smes', 'organization_id', input.id, [
        ['sizeClass', 'size_class', input.sizeClass],
        ['qualification', 'qualification', qualificationTouched ? claim.qualification : undefined],
        [
          'certificateNumber',
          'certificate_number',
          qualificationTouched ? (none ? null : claim.certificateNumber) : undefined,
        ],
        [
          'qualificationValidFrom',
          'qualification_valid_from',
          qualificationTouched ? (none ? null : claim.validFrom) : undefined,
        ],
        [
          'qualificationValidUntil',
          'qualification_valid_until',
          qualificationTouched ? (none ? null : claim.validUntil) : undefined,
        ],
        ['capabilityStatement', 'capability_statement', input.capabilityStatement],
        ['foundingYear', 'founding_year', input.foundingYear],
        ['employees', 'employees', input.employees],
      ]);
      if (codes) await replaceTechnicalFields(manager, input.id, codes);
      const capabilityFields = await updateCapabilities(manager, input.id, capabilities);
      const changedClaim =
        qualificationTouched &&
        (claim.qualification !== current.qualification ||
          claim.certificateNumber !== current.certificateNumber ||
          claim.validFrom !== current.validFrom ||
          claim.validUntil !== current.validUntil);
      return {
        fields: [
          ...own.filter((f) => !f.startsWith('qualification') && f !== 'certificateNumber'),
          ...(qualificationTouched ? ['qualification'] : []),
          ...(codes ? ['technicalFieldCodes'] : []),
          ...capabilityFields,
        ],
        reverify: changedClaim,
      };
    });
    return { sme: await this.get(actor, input.id) };
  }

  /** The capability lists given, as stored; BAD_USER_INPUT naming each element that cannot be. */
  private capabilities(input: UpdateSmeInput): SmeCapabilities {
    const keywords = input.keywords ? normalizeKeywords(input.keywords) : undefined;
    const technicalRoutes = input.technicalRoutes?.map((r) => ({
      zh: r.zh ?? null,
      en: r.en ?? null,
    }));
    const problems = [
      ...(keywords?.problems ?? []),
      ...technicalRouteProblems(technicalRoutes ?? []),
    ];
    if (problems.length) throw new UserInputError(problems);
    return {
      keywords,
      products: input.products?.map((p) => ({ name: p.name, description: p.description ?? '' })),
      pastProjects: input.pastProjects?.map((p) => ({
        title: p.title,
        year: p.year,
        clientIndustryCode: p.clientIndustryCode,
        outcome: p.outcome ?? '',
      })),
      technicalRoutes,
    };
  }

  private assertClaim(claim: QualificationClaim): void {
    const problems = qualificationProblems(claim, todayInChina());
    if (problems.length) throw new UserInputError(problems);
  }
}
