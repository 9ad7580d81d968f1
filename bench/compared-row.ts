/**
 * One table row from app and raw samples timed in turns: the quantile the target is about, the
 * ratio with its bootstrap interval, and the verdict decided on the ratio (verdict.ts).
 */
import { stats } from './measure.js';
import { ms, timeRatio, type Row } from './report.js';
import { fmtInterval, ratioInterval } from './spread.js';
import { budgetText, timeVerdict, type TimeBudget } from './verdict.js';

export interface Compared {
  case: string;
  what: string;
  app: readonly number[];
  raw: readonly number[];
  /** The quantile the target is about (p95 unless said). */
  quantile?: 'p95' | 'p99';
  /** No budget: an informational row. */
  budget?: TimeBudget;
  note?: string;
}

export function comparedRow(compared: Compared): Row {
  const quantile = compared.quantile ?? 'p95';
  const app = stats(compared.app);
  const raw = stats(compared.raw);
  const appAt = app[quantile];
  const rawAt = raw[quantile];
  const verdict = compared.budget ? timeVerdict(appAt, rawAt, compared.budget) : null;
  return {
    case: compared.case,
    what: compared.what,
    median: ms(app.median),
    p95: ms(app.p95),
    ...(quantile === 'p99' ? { p99: ms(app.p99) } : {}),
    raw: `${ms(raw.median)} / ${ms(rawAt)}${quantile === 'p99' ? ' p99' : ''}`,
    ratio: `${timeRatio(appAt, rawAt)} ${quantile}`,
    spread: fmtInterval(ratioInterval(compared.app, compared.raw, quantile === 'p99' ? 0.99 : 0.95)),
    target: compared.budget ? budgetText(quantile, compared.budget) : '–',
    met: verdict ? verdict.met : null,
    ...(verdict?.machineBound ? { machineBound: true } : {}),
    ...(compared.note ? { note: compared.note } : {}),
  };
}
