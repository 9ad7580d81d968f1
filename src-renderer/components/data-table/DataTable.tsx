import { Fragment, type HTMLAttributes, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import './data-table.css';

/** One column, declared once: its header and how a row fills its cell. */
export interface Column<Row> {
  /** Unique in its table (the React key). */
  id: string;
  /** The header's words; also the cell's label in the stacked layout on narrow screens. */
  header: string;
  /** For the actions column: the header is there for screen readers only. */
  hideHeader?: boolean;
  cell: (row: Row) => ReactNode;
  className?: string;
}

/** Attributes for a row's `<tr>` (its accessible name, `data-status` for styles and tests). */
type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string };

/**
 * The app's list of records: one table markup with its loading, error and empty states. Row
 * actions are ordinary buttons in a cell (so Tab reaches them); under 600px wide each row is
 * stacked as a card, every cell labelled with its column's header.
 */
export function DataTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  rowAttributes,
  detail,
  error,
  loading,
  empty,
  scrollClassName,
}: {
  /** The table's accessible name. */
  label: string;
  columns: Column<Row>[];
  /** null while the first load runs. */
  rows: Row[] | null;
  rowKey: (row: Row) => string | number;
  rowAttributes?: (row: Row) => RowAttributes;
  /** An opened row's details, shown in a full-width row under it (null: closed). */
  detail?: (row: Row) => ReactNode;
  /** Why the rows could not be loaded; shown instead of them when there are none yet. */
  error?: string | null;
  /** The loading text (default: "Loading…"). */
  loading?: ReactNode;
  /** What to say when there are no rows: what will be listed here (a string: one muted line). */
  empty: ReactNode;
  /** Extra classes for the scrolling box around the table (e.g. a height limit). */
  scrollClassName?: string;
}) {
  const failed = error ? (
    <p className="form-error" role="alert">
      {error}
    </p>
  ) : null;
  if (rows === null) {
    return (
      failed ?? (
        <p className="muted" role="status">
          {loading ?? <FormattedMessage id="common.loading" />}
        </p>
      )
    );
  }
  if (rows.length === 0) {
    return failed ?? (typeof empty === 'string' ? <p className="muted">{empty}</p> : empty);
  }
  return (
    <>
      {failed}
      <div className={scrollClassName ? `table-scroll ${scrollClassName}` : 'table-scroll'}>
        <table className="data-table data-table--stacks" aria-label={label}>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.id} scope="col">
                  {column.hideHeader ? (
                    <span className="visually-hidden">{column.header}</span>
                  ) : (
                    column.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const opened = detail?.(row);
              return (
                <Fragment key={rowKey(row)}>
                  <tr {...rowAttributes?.(row)}>
                    {columns.map((column) => (
                      <td
                        key={column.id}
                        className={column.className}
                        data-label={column.hideHeader ? undefined : column.header}
                      >
                        {column.cell(row)}
                      </td>
                    ))}
                  </tr>
                  {opened != null && opened !== false && (
                    <tr className="data-table__detail">
                      <td colSpan={columns.length}>{opened}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
