/** The technical-fields module's public surface (the taxonomy): other modules import from here only. */
export { TechnicalFieldsModule } from './technical-fields.module.js';
export { TechnicalFieldsService } from './technical-fields.service.js';
export { TechnicalFieldEntity } from './technical-field.entity.js';
export { TechnicalFieldType } from './dto/technical-field.types.js';
export { technicalFieldJsonSql, toTechnicalFieldJson } from './technical-fields.queries.js';
export { TechnicalFieldErrorReason } from './technical-field-errors.js';
export { TECHNICAL_FIELD_CODE } from './technical-field-codes.js';
