import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flaggedCount, rankCells, scoreWeek, summarise } from './evaluate.ts';

describe('hit rate, PAI and PEI', () => {
  it('domain fixture: observed (6,3,0), predicted (3,2,1) → PAI 2, 1.5, 1 and PEI 1, 1, 1', () => {
    const ranked = rankCells([3, 2, 1], [0, 0, 0], [0, 1, 2]);
    const pai = [1 / 3, 2 / 3, 1].map((c) => scoreWeek(ranked, [6, 3, 0], 0, c));
    assert.deepEqual(
      pai.map((s) => s.pai),
      [2, 1.5, 1],
    );
    assert.deepEqual(
      pai.map((s) => s.pei),
      [1, 1, 1],
    );
    assert.deepEqual(
      pai.map((s) => s.hitRate),
      [6 / 9, 1, 1],
    );
  });

  it('counts events outside the study region as misses and compares with the best set', () => {
    const ranked = rankCells([0, 5, 1, 0], [9, 0, 0, 0], [10, 11, 12, 13]);
    assert.deepEqual(Array.from(ranked), [1, 2, 0, 3]);
    const score = scoreWeek(ranked, [4, 1, 0, 0], 5, 0.25);
    assert.deepEqual(score, { hitRate: 0.1, pai: 0.4, pei: 0.25 });
  });

  it('breaks score ties by the all-history count, then by cell id', () => {
    assert.deepEqual(Array.from(rankCells([1, 1, 1, 2], [0, 3, 0, 0], [7, 8, 5, 9])), [3, 1, 2, 0]);
  });

  it('flags ceil(coverage × cells) without floating-point surprises', () => {
    assert.equal(flaggedCount(0.03, 100), 3);
    assert.equal(flaggedCount(0.03, 101), 4);
    assert.equal(flaggedCount(0.01, 20), 1);
  });

  it('weeks without events have no figures and are left out of the summary', () => {
    assert.deepEqual(scoreWeek(rankCells([1, 0], [0, 0], [0, 1]), [0, 0], 0, 0.5), {
      hitRate: null,
      pai: null,
      pei: null,
    });
    const summary = summarise([1, null, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(summary.mean, 5.5);
    assert.ok(Math.abs(summary.p10! - 1.9) < 1e-12 && Math.abs(summary.p90! - 9.1) < 1e-12);
  });
});
