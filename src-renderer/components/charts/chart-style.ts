/**
 * The look every recharts chart shares (Reports' trend, a key's usage): grid, axes and tooltip
 * drawn with the theme's CSS variables, so both themes read well, and the axes mirrored in
 * right-to-left languages. Spread onto recharts' own elements (they must stay its direct children).
 */
const MUTED_TICK = { fill: 'var(--muted)', fontSize: 12 };

export const CHART_MARGIN = { top: 8, right: 12, bottom: 4, left: 12 };
export const CHART_GRID = { stroke: 'var(--border)', strokeDasharray: '3 3' };
export const CHART_TOOLTIP_STYLE = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  color: 'var(--text)',
};

export function chartXAxis(rtl: boolean) {
  return { reversed: rtl, stroke: 'var(--muted)', tick: MUTED_TICK };
}

export function chartYAxis(rtl: boolean) {
  return {
    allowDecimals: false,
    orientation: rtl ? ('right' as const) : ('left' as const),
    width: 40,
    stroke: 'var(--muted)',
    tick: MUTED_TICK,
  };
}
