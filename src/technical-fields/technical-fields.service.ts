import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, UserInputError } from '../common/errors.js';
import { uniqueViolation } from '../database/pg-errors.js';
import { AddTechnicalFieldInput } from './dto/technical-field.inputs.js';
import { AddTechnicalFieldPayload, TechnicalFieldType } from './dto/technical-field.types.js';
import { parentCodeOf } from './technical-field-codes.js';

interface FieldRow {
  code: string;
  parent_code: string | null;
  name_zh: string;
  name_en: string;
}

export const toTechnicalFieldType = (r: FieldRow): TechnicalFieldType => ({
  code: r.code,
  parentCode: r.parent_code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
});

@Injectable()
export class TechnicalFieldsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The whole taxonomy, parents before their children (ordered by code). */
  async list(): Promise<TechnicalFieldType[]> {
    const rows = (await this.dataSource.query(
      `SELECT code, parent_code, name_zh, name_en FROM technical_fields ORDER BY code`,
    )) as FieldRow[];
    return rows.map(toTechnicalFieldType);
  }

  async add(actor: Actor, input: AddTechnicalFieldInput): Promise<AddTechnicalFieldPayload> {
    const parent = parentCodeOf(input.code);
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (parent) {
          const [found] = (await manager.query(`SELECT 1 FROM technical_fields WHERE code = $1 FOR SHARE`, [parent])) as unknown[];
          if (!found) throw UserInputError.field('code', `its parent field ${parent} does not exist`);
        }
        const [row] = (await manager.query(
          `INSERT INTO technical_fields (code, parent_code, name_zh, name_en) VALUES ($1, $2, $3, $4)
           RETURNING code, parent_code, name_zh, name_en`,
          [input.code, parent, input.nameZh, input.nameEn],
        )) as FieldRow[];
        await this.audit.record(manager, {
          actor,
          action: 'TECHNICAL_FIELD_ADDED',
          entityType: 'TechnicalField',
          entityId: input.code,
          data: { nameZh: input.nameZh, nameEn: input.nameEn },
        });
        return { technicalField: toTechnicalFieldType(row) };
      });
    } catch (error) {
      if (uniqueViolation(error) !== null) throw new ConflictError('TECHNICAL_FIELD_EXISTS', `The field ${input.code} already exists`);
      throw error;
    }
  }

  /** BAD_USER_INPUT naming the unknown codes, if any. */
  async assertKnown(manager: EntityManager, codes: readonly string[], field: string): Promise<void> {
    if (!codes.length) return;
    const rows = (await manager.query(`SELECT code FROM technical_fields WHERE code = ANY($1::varchar[])`, [codes])) as { code: string }[];
    const known = new Set(rows.map((r) => r.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw UserInputError.field(field, `unknown technical field code: ${unknown.join(', ')}`);
  }
}
