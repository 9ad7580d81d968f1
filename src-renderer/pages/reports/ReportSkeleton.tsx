/** As many figure cards as the headline shows, so the page does not jump when the answer lands. */
const FIGURES = 8;
/** Rows of the first table's placeholder. */
const ROWS = 4;

/**
 * What the reports page shows while its first answer is computed (a large history takes a few
 * seconds): grey shapes where the headline figures, the trend chart, the busiest hours and the
 * tables will be, so the page is laid out already. The shapes are decoration (hidden from screen
 * readers); the page's status line says "Calculating…".
 */
export function ReportSkeleton() {
  return (
    <div className="reports__skeleton" data-testid="reports-skeleton" aria-hidden="true">
      <div className="reports__headline">
        {Array.from({ length: FIGURES }, (_, index) => (
          <div key={index} className="reports__figure">
            <span className="skeleton skeleton--label" />
            <span className="skeleton skeleton--value" />
            <span className="skeleton skeleton--note" />
          </div>
        ))}
      </div>
      <div className="reports__section">
        <span className="skeleton skeleton--heading" />
        <div className="skeleton skeleton--chart" />
      </div>
      <div className="reports__section">
        <span className="skeleton skeleton--heading" />
        <div className="skeleton skeleton--heat" />
      </div>
      <div className="reports__section">
        <span className="skeleton skeleton--heading" />
        {Array.from({ length: ROWS }, (_, index) => (
          <span key={index} className="skeleton skeleton--row" />
        ))}
      </div>
    </div>
  );
}
