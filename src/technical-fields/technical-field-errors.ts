import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of the taxonomy of technical fields. */
export const TechnicalFieldErrorReason = defineErrorReasons('technical-fields', {
  TECHNICAL_FIELD_EXISTS: {
    code: 'CONFLICT',
    en: 'A technical field with this code already exists.',
    zh: '该代码的技术领域已存在。',
  },
});

type Reasons = (typeof TechnicalFieldErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
