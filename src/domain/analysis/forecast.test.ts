import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decayed, naive, prospectiveKernel, WEEK_MS } from './forecast.ts';
import { studyRegionOf } from './grid.ts';
import { rankCells } from './evaluate.ts';

const DAY = 86_400_000;
const weekStart = Date.parse('2026-06-01T00:00:00Z');
const grid = { originX: 0, originY: 0, cellSize: 125, cols: 6, rows: 1 };
const region = studyRegionOf(grid, () => true);

function series(events: [cell: number, ageDays: number][]) {
  const sorted = [...events].sort((a, b) => b[1] - a[1]);
  return {
    cell: Int32Array.from(sorted, ([c]) => c),
    time: Float64Array.from(sorted, ([, age]) => weekStart - age * DAY),
  };
}

describe('forecast methods', () => {
  // cell 0: a burst of 4 in the last days; cell 3: 5 events almost four weeks ago; cell 5: 9 events long ago
  const past = series([
    ...Array.from({ length: 4 }, (_, i): [number, number] => [0, 1 + i * 0.5]),
    ...Array.from({ length: 5 }, (): [number, number] => [3, 27]),
    ...Array.from({ length: 9 }, (): [number, number] => [5, 200]),
  ]);
  const top = (scores: Float64Array) => rankCells(scores, new Float64Array(6), region.cells)[0];

  it('naive counts the previous 4 weeks only', () => {
    assert.deepEqual(Array.from(naive(4).score({ region, past, weekStart })), [4, 0, 0, 5, 0, 0]);
  });

  it('time decay ranks the recent burst first where naive does not', () => {
    const scores = decayed(8).score({ region, past, weekStart });
    assert.equal(top(scores), 0);
    assert.equal(top(naive(4).score({ region, past, weekStart })), 3);
    assert.ok(Math.abs(scores[3]! - 5 * 2 ** (-27 / 56)) < 1e-12);
    assert.ok(scores[5]! > 0 && scores[5]! < 1, 'nine events 200 days old weigh less than one');
  });

  it('the prospective kernel spreads events to neighbouring cells, nearer and newer weighing more', () => {
    const scores = prospectiveKernel({ radiusCells: 1, maxAgeWeeks: 8 }).score({
      region,
      past: series([
        [2, 3],
        [2, 10],
      ]),
      weekStart,
    });
    // age 3 days → week 0 (weight 1); 10 days → week 1 (weight 1/2); a neighbour one cell away gets half of that
    assert.deepEqual(Array.from(scores), [0, 0.75, 1.5, 0.75, 0, 0]);
    const old = prospectiveKernel({ radiusCells: 1, maxAgeWeeks: 8 }).score({
      region,
      past: series([[2, 9 * 7]]),
      weekStart,
    });
    assert.deepEqual(Array.from(old), [0, 0, 0, 0, 0, 0], 'beyond the temporal bandwidth');
    assert.equal(WEEK_MS, 7 * DAY);
  });
});
