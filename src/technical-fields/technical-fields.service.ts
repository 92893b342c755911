import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, UserInputError } from '../common/errors.js';
import {
  ConnectionArgs,
  ConnectionShape,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
} from '../common/pagination/connection.js';
import { uniqueViolation } from '../database/pg-errors.js';
import { AddTechnicalFieldInput } from './dto/technical-field.inputs.js';
import { AddTechnicalFieldPayload, TechnicalFieldType } from './dto/technical-field.types.js';
import {
  existingTechnicalFieldCodes,
  insertTechnicalField,
  listTechnicalFields,
  lockTechnicalField,
} from './technical-fields.queries.js';
import { parentCodeOf, TECHNICAL_FIELD_CODE } from './technical-field-codes.js';

@Injectable()
export class TechnicalFieldsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The taxonomy a page at a time, parents before their children (ordered by code). */
  async list(args: ConnectionArgs): Promise<ConnectionShape<TechnicalFieldType>> {
    const first = pageSize(args);
    const after = args.after ? String(decodeCursor(args.after, [TECHNICAL_FIELD_CODE])[0]) : null;
    const rows = await listTechnicalFields(this.dataSource, first + 1, after);
    return toConnection(
      rows,
      first,
      (r) => encodeCursor([r.code]),
      (r) => r,
      args.after,
    );
  }

  async add(actor: Actor, input: AddTechnicalFieldInput): Promise<AddTechnicalFieldPayload> {
    const parent = parentCodeOf(input.code);
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (parent) {
          if (!(await lockTechnicalField(manager, parent)))
            throw UserInputError.field('code', `its parent field ${parent} does not exist`);
        }
        const technicalField = await insertTechnicalField(manager, {
          code: input.code,
          parentCode: parent,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
        });
        await this.audit.record(manager, {
          actor,
          action: 'TECHNICAL_FIELD_ADDED',
          entityType: 'TechnicalField',
          entityId: input.code,
          data: { nameZh: input.nameZh, nameEn: input.nameEn },
        });
        return { technicalField };
      });
    } catch (error) {
      if (uniqueViolation(error) !== null)
        throw new ConflictError('TECHNICAL_FIELD_EXISTS', `The field ${input.code} already exists`);
      throw error;
    }
  }

  /** BAD_USER_INPUT naming the unknown codes, if any. */
  async assertKnown(
    manager: EntityManager,
    codes: readonly string[],
    field: string,
  ): Promise<void> {
    if (!codes.length) return;
    const known = new Set(await existingTechnicalFieldCodes(manager, codes));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length)
      throw UserInputError.field(field, `unknown technical field code: ${unknown.join(', ')}`);
  }
}
