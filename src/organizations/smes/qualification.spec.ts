import { describe, expect, it } from '@jest/globals';
import { QUALIFICATION_ORDER, qualificationProblems, todayInChina } from './qualification.js';
import { SmeQualification } from './sme.entity.js';

const TODAY = '2030-06-15';
const claim = (over: Partial<Parameters<typeof qualificationProblems>[0]>) => ({
  qualification: SmeQualification.SPECIALIZED,
  certificateNumber: 'ZJTX-2029-001',
  validFrom: '2029-01-01',
  validUntil: '2031-12-31',
  ...over,
});

describe('SME qualification claims', () => {
  it.each([
    [
      'no qualification needs nothing',
      {
        qualification: SmeQualification.NONE,
        certificateNumber: null,
        validFrom: null,
        validUntil: null,
      },
      [],
    ],
    ['a valid certificate', {}, []],
    ['valid until today', { validUntil: TODAY }, []],
    ['a missing certificate number', { certificateNumber: null }, ['certificateNumber']],
    [
      'missing dates',
      { validFrom: null, validUntil: null },
      ['qualificationValidFrom', 'qualificationValidUntil'],
    ],
    ['an expired certificate', { validUntil: '2030-06-14' }, ['qualificationValidUntil']],
    [
      'an inverted range',
      { validFrom: '2031-01-01', validUntil: '2030-12-31' },
      ['qualificationValidUntil'],
    ],
    ['a certificate valid from a later date', { validFrom: '2030-06-16' }, []],
    ['a date that does not exist', { validUntil: '2031-02-30' }, ['qualificationValidUntil']],
  ])('%s', (_name, over, fields) => {
    expect(qualificationProblems(claim(over), TODAY).map((p) => p.field)).toEqual(fields);
  });

  it('takes the date in China', () => {
    expect(todayInChina(new Date('2030-06-14T16:30:00Z'))).toBe('2030-06-15');
    expect(todayInChina(new Date('2030-06-14T15:30:00Z'))).toBe('2030-06-14');
  });

  it('orders qualifications once: the SME enum holds the values of QUALIFICATION_ORDER, in its order', () => {
    expect(Object.values(SmeQualification)).toEqual([...QUALIFICATION_ORDER]);
  });
});
