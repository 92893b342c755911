/**
 * Quantities as a language-independent signal of duplicate demands (pure). A 揭榜 demand states its indicators
 * with figures and units ("≥10 min" / "不少于10分钟", "≥6000次" / "≥ 6000 cycles", "-20℃" / "-20 °C"); the same
 * demand reworded or translated keeps its figures, a near miss (another technology, another application) states
 * others. Each figure with a unit becomes a token of one canonical unit whatever the language or the scale
 * ("10 min", "10分钟" and "600 s" are all `time:600`; "10MWh" and "10000 kWh" both `energy:10000000`), the
 * comparator (≥, 不少于, at least) left out. A per-unit denominator is left out too (≤0.5秒/焊点 reads as 0.5 s),
 * so a rate and its numerator meet whatever the language writes after the slash.
 *
 * Counts (次, cycles, times, 万模次 …) are dimensionless, like a bare figure; bare figures are read only in a
 * requirement's target (its unit is often in the indicator's name: "Folding cycles ≥ 200,000") and weigh less,
 * as does a percentage: both are common and say less about the demand than a figure with a physical unit.
 * Calendar years (2025年) are dates, not quantities.
 */

/** A normalised quantity: `dimension:value` in the dimension's base unit. */
export interface Quantity {
  key: string;
  /** As the text writes it (the first time). */
  surface: string;
  /** How telling it is (QUANTITY_WEIGHTS). */
  weight: number;
}

/** How much a shared quantity counts by kind: a physical unit, a percentage, a count or a bare figure. */
export const QUANTITY_WEIGHTS = { unit: 1, percent: 0.5, count: 0.5 } as const;

/** The shared quantity weight at which the overlap counts in full (one physical unit, or two weaker ones). */
export const QUANTITY_EVIDENCE = 1;

interface Unit {
  dimension: string;
  factor: number;
}

const u = (dimension: string, factor: number, ...names: string[]): [string, Unit][] =>
  names.map((n) => [n, { dimension, factor }]);

const KILO = 1e3;
const MEGA = 1e6;
const GIGA = 1e9;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/**
 * Unit names (after NFKC: ℃ → °C, ³ → 3, µ → μ), longest first when matched. A Chinese unit is matched without a
 * word boundary, so none is the first character of a common word (安全, 提升, 方案, 转化) or a date (3月, 5日).
 */
const UNITS = new Map<string, Unit>([
  ...u('time', 1, 's', 'sec', 'secs', 'second', 'seconds', '秒', '秒钟'),
  ...u('time', 1e-3, 'ms', '毫秒'),
  ...u('time', MINUTE, 'min', 'mins', 'minute', 'minutes', '分钟'),
  ...u('time', HOUR, 'h', 'hr', 'hrs', 'hour', 'hours', '小时', '个小时'),
  ...u('time', DAY, 'day', 'days', '天'),
  ...u('time', 30 * DAY, 'month', 'months', '个月'),
  ...u('time', 365 * DAY, 'year', 'years', 'yr', 'yrs', '年'),
  ...u('temperature', 1, '°C', '°', '度', 'degC'),
  ...u('temperature-k', 1, 'K'),
  ...u('percent', 1, '%', 'percent', 'pct'),
  ...u('mass-percent', 1, 'wt%', 'wt.%'),
  ...u('energy', 1, 'Wh'),
  ...u('energy', KILO, 'kWh', '千瓦时', '度电'),
  ...u('energy', MEGA, 'MWh', '兆瓦时'),
  ...u('energy', GIGA, 'GWh', '吉瓦时'),
  ...u('energy-j', 1, 'J'),
  ...u('energy-j', KILO, 'kJ'),
  ...u('energy-j', MEGA, 'MJ'),
  ...u('energy-j', GIGA, 'GJ'),
  ...u('power', 1, 'W', '瓦'),
  ...u('power', 1e-3, 'mW'),
  ...u('power', KILO, 'kW', '千瓦'),
  ...u('power', MEGA, 'MW', '兆瓦'),
  ...u('power', GIGA, 'GW', '吉瓦'),
  ...u('voltage', 1, 'V', '伏'),
  ...u('voltage', 1e-3, 'mV'),
  ...u('voltage', KILO, 'kV', '千伏'),
  ...u('current', 1, 'A'),
  ...u('current', 1e-3, 'mA'),
  ...u('current', KILO, 'kA'),
  ...u('resistance', 1, 'Ω', 'ohm', 'ohms'),
  ...u('resistance', 1e-3, 'mΩ'),
  ...u('conductance', 1, 'S'),
  ...u('conductance', 1e-3, 'mS'),
  ...u('length', 1, 'm', '米'),
  ...u('length', 1e-2, 'cm', '厘米'),
  ...u('length', 1e-3, 'mm', '毫米'),
  ...u('length', 1e-6, 'μm', 'um', 'micron', 'microns', '微米'),
  ...u('length', 1e-9, 'nm', '纳米'),
  ...u('length', KILO, 'km', '公里', '千米'),
  ...u('volume', 1e-3, 'L', 'l'),
  ...u('volume', 1e-6, 'mL', 'ml', '毫升'),
  ...u('volume', 1, 'm3', 'Nm3', '立方米'),
  ...u('volume', 1e-6, 'cm3'),
  ...u('pressure', 1, 'Pa'),
  ...u('pressure', KILO, 'kPa'),
  ...u('pressure', MEGA, 'MPa', '兆帕'),
  ...u('pressure', GIGA, 'GPa'),
  ...u('pressure', 1e5, 'bar'),
  ...u('mass', 1e-6, 'mg', '毫克'),
  ...u('mass', 1e-3, 'g', '克'),
  ...u('mass', 1, 'kg', '公斤', '千克'),
  ...u('mass', KILO, 't', '吨', 'tonne', 'tonnes', 'ton', 'tons'),
  ...u('sound', 1, 'dB', 'dB(A)', 'dBA', '分贝'),
  ...u('speed', 1, 'rpm', 'r/min', '转/分'),
  ...u('frequency', 1, 'Hz'),
  ...u('frequency', KILO, 'kHz'),
  ...u('frequency', MEGA, 'MHz'),
  ...u('frequency', GIGA, 'GHz'),
  ...u(
    'count',
    1,
    '次',
    '模次',
    '周次',
    '循环',
    'cycle',
    'cycles',
    'time',
    'times',
    'shot',
    'shots',
    '台',
    '个',
    '套',
    '件',
    'pcs',
    'units',
  ),
]);

const UNIT_NAMES = [...UNITS.keys()].sort((a, b) => b.length - a.length);

/** Chinese multipliers written after the figure (8万模次, 20万次). */
const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

/** A figure: not part of a word or a code (H2, CO2, AQG324, 1e-6 stays one figure). */
const FIGURE = /(?<![A-Za-z\d.])([-−]?)(\d+(?:,\d{3})+|\d+)(\.\d+)?(?:[eE]([-+]?\d+))?/gu;

const isLatinLetter = (ch: string | undefined) => !!ch && /[A-Za-z]/.test(ch);

/** The unit that starts `rest` (after optional spaces), or null; an English unit must end at a word's end. */
function unitAt(rest: string): { name: string; unit: Unit; length: number } | null {
  const spaces = /^\s?/.exec(rest)![0].length;
  const text = rest.slice(spaces);
  for (const name of UNIT_NAMES) {
    if (!text.startsWith(name)) continue;
    if (isLatinLetter(name[name.length - 1]) && isLatinLetter(text[name.length])) continue;
    return { name, unit: UNITS.get(name)!, length: spaces + name.length };
  }
  return null;
}

const canonical = (x: number) => String(Number(x.toPrecision(6)));

/**
 * The quantities of one text: with `bare`, figures without a unit count too (as counts). Repeats removed (the
 * first surface kept); the order is the text's.
 */
export function quantitiesOf(
  raw: string,
  options: { bare: boolean } = { bare: false },
): Quantity[] {
  const text = raw.normalize('NFKC').replace(/[µ]/g, 'μ');
  const out = new Map<string, Quantity>();
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index;
    const before = text[start - 1];
    // A minus right after a figure, a percent or a unit is a range's dash (10%-120%), not a sign.
    const negative = m[1] !== '' && !(before && /[\p{L}\p{N}%)°]/u.test(before));
    let value = Number(m[2].replace(/,/g, '') + (m[3] ?? '') + (m[4] ? `e${m[4]}` : ''));
    if (!Number.isFinite(value)) continue;
    if (negative) value = -value;
    let rest = text.slice(start + m[0].length);
    let surfaceEnd = start + m[0].length;
    const multiplier = MULTIPLIERS[rest[0]];
    if (multiplier) {
      value *= multiplier;
      rest = rest.slice(1);
      surfaceEnd += 1;
    }
    const unit = unitAt(rest);
    let key: string;
    let weight: number;
    if (unit) {
      surfaceEnd += unit.length;
      const { dimension, factor } = unit.unit;
      // 2025年 is a date.
      if (unit.name === '年' && Number.isInteger(value) && value >= 1900 && value <= 2100) continue;
      key = `${dimension}:${canonical(value * factor)}`;
      weight =
        dimension === 'count'
          ? QUANTITY_WEIGHTS.count
          : dimension === 'percent' || dimension === 'mass-percent'
            ? QUANTITY_WEIGHTS.percent
            : QUANTITY_WEIGHTS.unit;
    } else {
      // A bare figure right before a letter is part of a code or a word (3D, 5G), not a count.
      if (!options.bare || /^\p{L}/u.test(rest)) continue;
      key = `count:${canonical(value)}`;
      weight = QUANTITY_WEIGHTS.count;
    }
    const surface = text.slice(negative ? start : start + m[1].length, surfaceEnd).trim();
    if (!out.has(key)) out.set(key, { key, surface, weight });
  }
  return [...out.values()];
}

/**
 * What quantities read of a challenge: its title, summary and requirements (a target with bare figures, and
 * the requirement's unit when it is written apart: target "10", unit "min").
 */
export interface QuantityText {
  titleZh: string | null;
  titleEn: string | null;
  summaryZh: string | null;
  summaryEn: string | null;
  requirements: readonly { name: string; target: string; unit?: string }[];
}

const targetText = (r: { target: string; unit?: string }) => {
  const unit = r.unit?.trim();
  return unit && !r.target.includes(unit) ? `${r.target} ${unit}` : r.target;
};

/** A challenge's quantities (each key once, at its largest weight). */
export function challengeQuantities(c: QuantityText): Quantity[] {
  const out = new Map<string, Quantity>();
  const add = (qs: Quantity[]) => {
    for (const q of qs) {
      const had = out.get(q.key);
      if (!had || q.weight > had.weight) out.set(q.key, had ? { ...q, surface: had.surface } : q);
    }
  };
  for (const text of [c.titleZh, c.titleEn, c.summaryZh, c.summaryEn])
    if (text) add(quantitiesOf(text));
  for (const r of c.requirements) {
    add(quantitiesOf(r.name));
    add(quantitiesOf(targetText(r), { bare: true }));
  }
  return [...out.values()];
}

/** A quantity both challenges state, with how each writes it. */
export interface SharedQuantity {
  key: string;
  surface: string;
  otherSurface: string;
  weight: number;
}

export interface QuantityOverlap {
  /**
   * In [0,1]: the mean of the two shares of quantity weight the other challenge states, scaled down while the
   * shared weight is under QUANTITY_EVIDENCE; 0 when either has none.
   */
  score: number;
  shared: SharedQuantity[];
}

/** How far two challenges state the same quantities (symmetric). */
export function quantityOverlap(a: readonly Quantity[], b: readonly Quantity[]): QuantityOverlap {
  const total = (qs: readonly Quantity[]) => qs.reduce((s, q) => s + q.weight, 0);
  const wa = total(a);
  const wb = total(b);
  if (wa <= 0 || wb <= 0) return { score: 0, shared: [] };
  const byKey = new Map(b.map((q) => [q.key, q]));
  const shared: SharedQuantity[] = [];
  for (const q of a) {
    const other = byKey.get(q.key);
    if (!other) continue;
    shared.push({
      key: q.key,
      surface: q.surface,
      otherSurface: other.surface,
      weight: Math.min(q.weight, other.weight),
    });
  }
  if (!shared.length) return { score: 0, shared };
  const sa = shared.reduce((s, q) => s + byWeight(a, q.key), 0);
  const sb = shared.reduce((s, q) => s + byWeight(b, q.key), 0);
  // One percentage or one count alone (≥90%) is weak evidence: the score needs QUANTITY_EVIDENCE of shared weight.
  const evidence = Math.min(1, Math.min(sa, sb) / QUANTITY_EVIDENCE);
  const score = Math.max(0, Math.min(1, ((sa / wa + sb / wb) / 2) * evidence));
  shared.sort((p, q) => q.weight - p.weight || p.key.localeCompare(q.key));
  return { score, shared };
}

const byWeight = (qs: readonly Quantity[], key: string) =>
  qs.find((q) => q.key === key)?.weight ?? 0;
