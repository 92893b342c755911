import { describe, expect, it } from '@jest/globals';
import {
  challengeQuantities,
  quantitiesOf,
  QUANTITY_EVIDENCE,
  quantityOverlap,
  QUANTITY_WEIGHTS,
  type QuantityText,
} from './quantities.js';

const keys = (text: string, bare = false) => quantitiesOf(text, { bare }).map((q) => q.key);

describe('quantitiesOf', () => {
  it.each([
    ['≥10 min', '不少于10分钟'],
    ['≥ 72 h', '提前3天'],
    ['-20℃', 'at -20 °C'],
    ['10MWh', '10000 kWh'],
    ['≥ 157.5 MPa', '≥157.5MPa'],
    ['≤ 1 mm', '≤1000μm'],
    ['≥ 15 years', '≥15年'],
    ['≥8万模次', '≥ 80,000 shots'],
    ['≥6000次', '≥ 6000 cycles'],
    ['≤0.5秒/焊点', '≤ 0.5 s per weld'],
  ])('reads %s and %s as the same quantity', (a, b) => {
    expect(keys(a, true)).toHaveLength(1);
    expect(keys(a, true)).toEqual(keys(b, true));
  });

  it('keeps the unit and the scale apart', () => {
    expect(keys('10 min')).not.toEqual(keys('10 s'));
    expect(keys('10 MWh')).not.toEqual(keys('10 MW'));
    expect(keys('5 mm')).not.toEqual(keys('5 mg'));
  });

  it('reads several quantities of one text, a range and a rate as their parts', () => {
    expect(keys('储能规模10MWh/5MW，-20℃下容量≥88%')).toEqual([
      'energy:10000000',
      'power:5000000',
      'temperature:-20',
      'percent:88',
    ]);
    expect(keys('功率调节范围10%-120%')).toEqual(['percent:10', 'percent:120']);
    expect(keys('≤ 4.3 kWh/Nm³')).toEqual(['energy:4300']);
  });

  it('leaves out codes, dates and, unless asked, bare figures', () => {
    expect(keys('2025年前通过AQG324，H2、CO2浓度，3D打印')).toEqual([]);
    expect(keys('≥ 2.0')).toEqual([]);
    expect(keys('≥ 2.0', true)).toEqual(['count:2']);
    expect(keys('5G', true)).toEqual([]);
    expect(keys('2025年3月5日前，10安全等级，提升3方案')).toEqual([]);
  });

  it('weighs a physical unit above a percentage, a count or a bare figure', () => {
    const [minutes, percent, count] = quantitiesOf('10 min, 1%, 6000次');
    expect(minutes.weight).toBe(QUANTITY_WEIGHTS.unit);
    expect(percent.weight).toBe(QUANTITY_WEIGHTS.percent);
    expect(count.weight).toBe(QUANTITY_WEIGHTS.count);
    expect(minutes.surface).toBe('10 min');
  });
});

const challenge = (x: Partial<QuantityText>): QuantityText => ({
  titleZh: null,
  titleEn: null,
  summaryZh: null,
  summaryEn: null,
  requirements: [],
  ...x,
});

describe('challengeQuantities', () => {
  it('reads the title, the summary and the targets, with a unit written apart', () => {
    const qs = challengeQuantities(
      challenge({
        titleZh: '10MWh储能',
        summaryEn: 'for -20 °C',
        requirements: [
          { name: '循环寿命', target: '≥6000', unit: '次' },
          { name: 'Lead time', target: '10', unit: 'min' },
          { name: 'Folding cycles', target: '≥ 200,000' },
        ],
      }),
    ).map((q) => q.key);
    expect(qs).toEqual([
      'energy:10000000',
      'temperature:-20',
      'count:6000',
      'time:600',
      'count:200000',
    ]);
  });
});

describe('quantityOverlap', () => {
  const a = quantitiesOf('≥10 min, ≤1%');
  const b = quantitiesOf('不少于10分钟，误报率≤1%');
  const half = quantitiesOf('≥10 min');
  const other = quantitiesOf('≥5 min, ≤10 s');

  it('is 1 for the same quantities, 0 when none is shared or one side has none', () => {
    expect(quantityOverlap(a, b).score).toBe(1);
    expect(quantityOverlap(a, other)).toEqual({ score: 0, shared: [] });
    expect(quantityOverlap(a, []).score).toBe(0);
    expect(quantityOverlap([], []).score).toBe(0);
  });

  it('counts a lone shared percentage or count as weak evidence', () => {
    const capture = quantitiesOf('捕集率≥90%');
    expect(quantityOverlap(capture, quantitiesOf('selectivity ≥ 90 %')).score).toBeCloseTo(
      QUANTITY_WEIGHTS.percent / QUANTITY_EVIDENCE,
      12,
    );
    expect(
      quantityOverlap(quantitiesOf('≥90%, ≥6000次'), quantitiesOf('≥ 90 %, 6000 cycles')).score,
    ).toBe(1);
  });

  it('is symmetric, in [0,1], and lists the shared quantities as each side writes them', () => {
    const ab = quantityOverlap(a, half);
    const ba = quantityOverlap(half, a);
    expect(ab.score).toBeCloseTo(ba.score, 12);
    // All of the half, 1 of the 1.5 of the whole: (1 + 2/3) / 2.
    expect(ab.score).toBeCloseTo(5 / 6, 12);
    const zh = quantityOverlap(a, b).shared;
    expect(zh.map((q) => [q.surface, q.otherSurface])).toEqual([
      ['10 min', '10分钟'],
      ['1%', '1%'],
    ]);
  });
});
