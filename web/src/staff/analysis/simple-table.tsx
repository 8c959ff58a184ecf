/** A visible table (the analysis views' main content, unlike the chart tables folded under a chart). */
export function SimpleTable({
  id,
  caption,
  head,
  rows,
  empty,
  headerColumns = 1,
}: {
  id: string;
  caption: string;
  head: string[];
  rows: (string | number)[][];
  empty: string;
  headerColumns?: number;
}) {
  if (!rows.length)
    return (
      <p className="utrecht-paragraph" id={id}>
        {empty}
      </p>
    );
  return (
    // A wide table scrolls on its own: focusable and named, so the keyboard can scroll it too.
    <div className="wp-table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="utrecht-table utrecht-table--html-table wp-table" id={id}>
        <caption className="utrecht-table__caption" id={`${id}-caption`}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {head.map((cell) => (
              <th key={cell} scope="col" className="utrecht-table__header-cell">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row, r) => (
            <tr key={r} className="utrecht-table__row">
              {row.map((cell, c) =>
                c < headerColumns ? (
                  <th key={c} scope="row" className="utrecht-table__header-cell">
                    {cell}
                  </th>
                ) : (
                  <td key={c} className="utrecht-table__cell utrecht-table__cell--numeric">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
