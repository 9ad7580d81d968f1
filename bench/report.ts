/** The results table. */
import { fmtMs } from './measure.js';

export interface Row {
  case: string;
  /** What was measured, e.g. "service" or "REST". */
  what: string;
  median: string;
  p95: string;
  p99?: string;
  raw: string;
  /** App ÷ raw (time) or app ÷ raw (throughput), as printed. */
  ratio: string;
  /** How far the ratio could move: its 95 % bootstrap interval, or the range over blocks. */
  spread?: string;
  target: string;
  /** null: no target (informational). */
  met: boolean | null;
  /** Met on its ratio alone: the raw side itself was slower than the budget allows (verdict.ts). */
  machineBound?: boolean;
  note?: string;
}

export function ms(value: number): string {
  return fmtMs(value);
}

/** Ratio of two times, printed as "1.4×" (app slower by that factor). */
export function timeRatio(app: number, raw: number): string {
  return raw > 0 ? `${(app / raw).toFixed(2)}×` : '–';
}

/** Ratio of two throughputs, printed as "0.62×" (app reaches that share of raw). */
export function rateRatio(app: number, raw: number): string {
  return raw > 0 ? `${(app / raw).toFixed(2)}×` : '–';
}

export function renderTable(rows: readonly Row[]): string {
  const header = [
    '#',
    'case',
    'measured',
    'median',
    'p95',
    'p99',
    'raw median / p95',
    'ratio',
    'ratio spread',
    'target',
    'verdict',
  ];
  const body = rows.map((row) => [
    row.case.split(' ')[0] ?? '',
    row.case.split(' ').slice(1).join(' '),
    row.what,
    row.median,
    row.p95,
    row.p99 ?? '',
    row.raw,
    row.ratio,
    row.spread ?? '',
    row.target,
    verdictText(row),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => displayWidth(cells[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    '| ' +
    cells.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - displayWidth(cell))).join(' | ') +
    ' |';
  const rule = '|' + widths.map((width) => '-'.repeat(width + 2)).join('|') + '|';
  const notes = rows
    .filter((row) => row.note)
    .map((row) => `- ${row.case.split(' ')[0]} ${row.what}: ${row.note}`);
  return [line(header), rule, ...body.map(line), '', ...notes].join('\n');
}

function verdictText(row: Row): string {
  if (row.met === null) return 'info';
  const verdict = row.met ? 'met' : 'NOT MET';
  return row.machineBound ? `${verdict} (machine-bound)` : verdict;
}

/** Characters as a terminal shows them (µ and × are one column; good enough for this table). */
function displayWidth(text: string): number {
  return [...text].length;
}
