import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollingBacktest } from './backtest.ts';
import { WEEK_MS, naive, type ForecastMethod } from './forecast.ts';
import { studyRegionOf } from './grid.ts';

const grid = { originX: 0, originY: 0, cellSize: 125, cols: 10, rows: 1 };
const region = studyRegionOf(grid, () => true);
const t0 = Date.parse('2026-01-05T00:00:00Z');
const boundaries = Array.from({ length: 6 }, (_, k) => t0 + k * WEEK_MS);

function series(events: [cell: number, week: number][]) {
  const sorted = [...events].sort((a, b) => a[1] - b[1]);
  return {
    cell: Int32Array.from(sorted, ([c]) => c),
    time: Float64Array.from(sorted, ([, w]) => t0 + w * WEEK_MS + 3_600_000),
  };
}

const always = (name: string, cell: number): ForecastMethod => ({
  name,
  description: `always cell ${cell}`,
  score: () => Float64Array.from({ length: 10 }, (_, i) => (i === cell ? 1 : 0)),
});

const run = (events: ReturnType<typeof series>, methods: ForecastMethod[], warmupWeeks = 0) =>
  rollingBacktest({
    region,
    events,
    boundaries,
    warmupWeeks,
    methods,
    coverage: 0.1,
    coverages: [0.1, 0.2],
    lookbackWeeks: 2,
  });

describe('rolling weekly backtest', () => {
  it('hands each method only the events before its week (no peeking)', () => {
    const peeker: ForecastMethod = {
      name: 'peek',
      description: 'would score the week itself if it could see it',
      score({ past, weekStart }) {
        assert.ok(past.time.every((t) => t < weekStart));
        const scores = new Float64Array(10);
        past.time.forEach((t, i) => {
          if (t >= weekStart) scores[past.cell[i]!]! += 1;
        });
        return scores;
      },
    };
    // a new cell each week: only a method that saw the week could flag it
    const events = series([0, 1, 2, 3, 4].map((w): [number, number] => [w + 5, w]));
    const result = run(events, [peeker]);
    assert.deepEqual(
      result.methods[0]!.weekly.map((w) => w.hitRate),
      [0, 0, 0, 0, 0],
    );
  });

  it('chooses the method for a week from earlier weeks only, naive-first fallback', () => {
    // cell 1 is hot in weeks 0–3, cell 2 in week 4
    const events = series([
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 4],
      [2, 4],
    ]);
    const result = run(events, [always('two', 2), always('one', 1)]);
    assert.deepEqual(
      result.chosen.weekly.map((w) => w.method),
      ['two', 'one', 'one', 'one', 'one'],
    );
    assert.deepEqual(
      result.chosen.weekly.map((w) => w.pai),
      [0, 10, 10, 10, 0],
    );
    assert.equal(result.methods[0]!.weekly[4]!.pai, 10, 'the other method would have won week 4');
  });

  it('leaves warm-up weeks out of the figures but lets the choice learn from them', () => {
    const events = series([
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 4],
    ]);
    const result = run(events, [naive(4), always('one', 1)], 2);
    assert.equal(result.methods[0]!.weekly.length, 3);
    assert.deepEqual(
      result.chosen.weekly.map((w) => [w.weekStart, w.method]),
      [
        [boundaries[2], 'one'], // learnt from warm-up weeks 0–1, where naive had nothing to go on in week 0
        [boundaries[3], 'naive'], // weeks 1–2: both PAI 10, the tie goes to the earlier method
        [boundaries[4], 'naive'],
      ],
    );
    assert.deepEqual(result.methods[0]!.weekly[0]!.byCoverage['0.2'], { hitRate: 1, pai: 5, pei: 1 });
  });
});
