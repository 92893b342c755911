import type { LoadRun } from './load.js';

export type RunGroup = 'floor' | 'main' | 'slow' | 'peer';

/** A measured run; a `peer` run measures the peer's equivalent of the scenario named `peerOf`. */
export type GroupedRun = LoadRun & { group: RunGroup; peerOf?: string };

export interface SummaryRow {
  scenario: string;
  group: RunGroup;
  connections: number;
  /** The offered load, when the scenario sets one (its req/s is then that load, not a capacity). */
  ratePerSecond?: number;
  requestsPerSecond: number;
  /** Throughput divided by the mean of the floor runs just before and just after it. */
  ratioToFloor: number;
  /** The floor figure the ratio was taken against. */
  adjacentFloorRps: number;
  latencyMs: { p50: number; p95: number; p99: number };
  errors: number;
  requests: number;
  sqlPerRequest: number | null;
  peakRssBytes?: number;
  /** On a peer row: the product's req/s for the same scenario ÷ the peer's (above 1: the product is faster). */
  productOverPeer?: number;
}

/**
 * One row per scenario. `runs` alternates floor and scenario runs (floor, a, floor, b, floor);
 * the floor row averages every floor run.
 */
export function summarise(runs: readonly GroupedRun[]): SummaryRow[] {
  const floors = runs.filter((r) => r.group === 'floor');
  const rows: SummaryRow[] = [];
  if (floors.length) {
    const mean = (f: (r: LoadRun) => number) =>
      floors.reduce((s, r) => s + f(r), 0) / floors.length;
    const floorRps = mean((r) => r.requestsPerSecond);
    rows.push({
      scenario: floors.length > 1 ? `floor (mean of ${floors.length})` : 'floor',
      group: 'floor',
      connections: floors[0].connections,
      requestsPerSecond: round(floorRps),
      ratioToFloor: 1,
      adjacentFloorRps: round(floorRps),
      latencyMs: {
        p50: round(
          mean((r) => r.latencyMs.p50),
          2,
        ),
        p95: round(
          mean((r) => r.latencyMs.p95),
          2,
        ),
        p99: round(
          mean((r) => r.latencyMs.p99),
          2,
        ),
      },
      errors: floors.reduce((s, r) => s + r.errors.total, 0),
      requests: floors.reduce((s, r) => s + r.requests, 0),
      sqlPerRequest: floors[0].sqlStatements
        ? round(
            mean((r) => r.sqlStatements?.mean ?? 0),
            2,
          )
        : null,
      peakRssBytes: maxDefined(floors.map((r) => r.peakRssBytes)),
    });
  }
  runs.forEach((run, i) => {
    if (run.group === 'floor') return;
    const adjacent = [runs[i - 1], runs[i + 1]]
      .filter((r) => r?.group === 'floor')
      .map((r) => r!.requestsPerSecond);
    const floorRps = adjacent.length ? adjacent.reduce((a, b) => a + b, 0) / adjacent.length : NaN;
    const product =
      run.group === 'peer'
        ? runs
            .slice(0, i)
            .reverse()
            .find((r) => r.group !== 'peer' && r.scenario === run.peerOf)
        : undefined;
    rows.push({
      scenario: run.scenario,
      group: run.group,
      connections: run.connections,
      ratePerSecond: run.ratePerSecond,
      requestsPerSecond: run.requestsPerSecond,
      // At an offered load the req/s is that load, not what the service can do: no ratio.
      ratioToFloor: run.ratePerSecond ? NaN : round(run.requestsPerSecond / floorRps, 3),
      adjacentFloorRps: round(floorRps),
      latencyMs: run.latencyMs,
      errors: run.errors.total,
      requests: run.requests,
      sqlPerRequest: run.sqlStatements?.mean ?? null,
      peakRssBytes: run.peakRssBytes,
      productOverPeer: product
        ? round(product.requestsPerSecond / run.requestsPerSecond, 2)
        : undefined,
    });
  });
  return rows;
}

const HEADERS = [
  'scenario',
  'conns',
  'req/s',
  '× floor',
  'product ÷ peer',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'errors',
  'SQL/req',
  'peak RSS MiB',
];

function cells(row: SummaryRow): string[] {
  return [
    row.scenario,
    row.ratePerSecond ? `open, ${row.ratePerSecond}/s` : String(row.connections),
    row.requestsPerSecond.toFixed(1),
    Number.isFinite(row.ratioToFloor) ? row.ratioToFloor.toFixed(3) : 'n/a',
    row.productOverPeer === undefined ? '' : row.productOverPeer.toFixed(2),
    row.latencyMs.p50.toFixed(1),
    row.latencyMs.p95.toFixed(1),
    row.latencyMs.p99.toFixed(1),
    `${row.errors}/${row.requests}`,
    row.sqlPerRequest === null ? 'n/a' : String(row.sqlPerRequest),
    row.peakRssBytes === undefined ? 'n/a' : (row.peakRssBytes / 1048576).toFixed(0),
  ];
}

/** The table for the terminal: fast scenarios with the floor, then the slow-by-design ones apart. */
export function textTable(rows: readonly SummaryRow[]): string {
  const sections = [
    rows.filter((r) => r.group !== 'slow'),
    rows.filter((r) => r.group === 'slow'),
  ].filter((s) => s.length);
  const all = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [line(HEADERS), rule];
  sections.forEach((section, i) => {
    if (i > 0) out.push(rule, 'slow by design (password hashing):');
    for (const row of section) out.push(line(cells(row)));
  });
  return out.join('\n');
}

export function markdownTable(rows: readonly SummaryRow[]): string {
  const md = (r: string[]) => `| ${r.join(' | ')} |`;
  const sep = md(HEADERS.map((_, i) => (i === 0 ? '---' : '---:')));
  const main = rows.filter((r) => r.group !== 'slow');
  const slow = rows.filter((r) => r.group === 'slow');
  const parts = [md(HEADERS), sep, ...main.map((r) => md(cells(r)))];
  if (slow.length)
    parts.push(
      '',
      'Slow by design (argon2id password hashing):',
      '',
      md(HEADERS),
      sep,
      ...slow.map((r) => md(cells(r))),
    );
  return parts.join('\n');
}

function maxDefined(values: (number | undefined)[]): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length ? Math.max(...defined) : undefined;
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
