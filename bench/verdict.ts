/**
 * Verdicts decided on ratios, so a busy machine that slows the app and the raw side alike does
 * not flip them. A time budget (e.g. "p95 ≤ 5 ms") is a promise about a modest but otherwise idle
 * PC; the raw better-sqlite3 side, timed in turns with the app in the same run, says how fast
 * this machine is right now. A row is met when the app stays within `maxRatio` × raw and within
 * the budget, except that the budget is waived when the raw side alone is slower than
 * budget ÷ maxRatio: then the machine, not the app, sets the time ("machine-bound"), and only the
 * ratio can say whether the app's own code is within its share.
 */
export interface TimeBudget {
  /** The absolute budget on an idle machine, ms. */
  budgetMs: number;
  /** The app may take this many times the raw side's time. */
  maxRatio: number;
}

export interface TimeVerdict {
  met: boolean;
  /** The raw side alone was too slow for the absolute budget to mean anything. */
  machineBound: boolean;
}

export function timeVerdict(app: number, raw: number, budget: TimeBudget): TimeVerdict {
  const machineBound = raw > budget.budgetMs / budget.maxRatio;
  const withinRatio = raw > 0 && app / raw <= budget.maxRatio;
  return { met: withinRatio && (machineBound || app <= budget.budgetMs), machineBound };
}

/** The target column: "p95 ≤ 5 ms, ≤ 2× raw". */
export function budgetText(quantile: string, budget: TimeBudget): string {
  return `${quantile} ≤ ${budget.budgetMs} ms, ≤ ${budget.maxRatio}× raw`;
}
