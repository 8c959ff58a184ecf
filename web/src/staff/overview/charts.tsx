import { useId } from 'react';

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), distinguishable for common colour blindness. */
export const seriesColours = ['#a3111a', '#1f5fa8', '#2d7a3e', '#7a4fa0', '#b35900', '#4b4b4b', '#006d77'];

export interface Series {
  key: string;
  label: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 12, right: 8, bottom: 40, left: 40 };

/** A round, even top for the axis, so the middle tick is a whole number too. */
function niceMax(max: number): number {
  if (max <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const top = Math.ceil(max / magnitude) * magnitude;
  return top % 2 === 0 ? top : top + magnitude;
}

/** Stacked columns per week. The SVG is one image with a title and description; the legend and a table carry the data. */
export function StackedColumns({
  title,
  description,
  columns,
  series,
}: {
  title: string;
  description: string;
  columns: string[];
  series: Series[];
}) {
  const id = useId();
  const totals = columns.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const band = plotW / Math.max(1, columns.length);
  const barW = Math.min(56, Math.max(4, band * 0.7));
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const ticks = [0, max / 2, max];
  return (
    <figure className="wp-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="wp-chart__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#c8c8c8" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#333">
              {tick}
            </text>
          </g>
        ))}
        {columns.map((column, i) => {
          let base = 0;
          const x = PAD.left + i * band + (band - barW) / 2;
          return (
            <g key={column}>
              {series.map((s, k) => {
                const value = s.values[i] ?? 0;
                if (!value) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return (
                  <rect
                    key={s.key}
                    x={x}
                    y={top}
                    width={barW}
                    height={height}
                    fill={seriesColours[k % seriesColours.length]}
                    stroke="#fff"
                    strokeWidth="0.5"
                  />
                );
              })}
              {columns.length <= 16 || i % 2 === 0 ? (
                <text x={x + barW / 2} y={HEIGHT - PAD.bottom + 14} textAnchor="middle" fontSize="10" fill="#333">
                  {column.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <Legend series={series} />
    </figure>
  );
}

/** Horizontal bars with their value written out (e.g. "87%"), one per row. */
export function Bars({
  title,
  description,
  rows,
  format,
  max,
}: {
  title: string;
  description: string;
  rows: { label: string; value: number | null }[];
  format: (value: number | null) => string;
  max?: number;
}) {
  const id = useId();
  const rowH = 26;
  const labelW = 190;
  const height = rows.length * rowH + 8;
  const top = max ?? Math.max(1e-9, ...rows.map((r) => r.value ?? 0));
  const barSpace = WIDTH - labelW - 70;
  return (
    <figure className="wp-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="wp-chart__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map((row, i) => {
          const width = Math.max(0, ((row.value ?? 0) / top) * barSpace);
          const yPos = 4 + i * rowH;
          return (
            <g key={row.label}>
              <text x={labelW - 6} y={yPos + 16} textAnchor="end" fontSize="12" fill="#1a1a1a">
                {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
              </text>
              <rect x={labelW} y={yPos + 3} width={width} height={rowH - 8} fill={seriesColours[1]} />
              <text x={labelW + width + 6} y={yPos + 16} fontSize="12" fill="#1a1a1a">
                {format(row.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul className="wp-legend">
      {series.map((s, k) => (
        <li key={s.key}>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" fill={seriesColours[k % seriesColours.length]} />
          </svg>{' '}
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** The data behind a chart as a real table: the accessible alternative, and the numbers for whoever wants them. */
export function DataTable({
  caption,
  head,
  rows,
  id,
}: {
  caption: string;
  head: string[];
  rows: (string | number)[][];
  id?: string;
}) {
  return (
    <details className="wp-data-table">
      <summary>{caption}</summary>
      <div className="wp-table-scroll">
        <table className="utrecht-table utrecht-table--html-table wp-table" id={id}>
          <caption className="utrecht-table__caption wp-visually-hidden">{caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {head.map((cell, i) => (
                <th key={i} scope="col" className="utrecht-table__header-cell">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((row, r) => (
              <tr key={r} className="utrecht-table__row">
                {row.map((cell, c) =>
                  c === 0 ? (
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
    </details>
  );
}
