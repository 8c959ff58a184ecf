import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chapman } from './capture-recapture.ts';
import { matchSightings, type Sighting } from './matching.ts';

describe('Chapman capture–recapture', () => {
  it('domain fixture (100, 150, 20) → N̂ 725.2381, variance 16348.22', () => {
    const e = chapman(100, 150, 20);
    assert.ok(Math.abs(e.estimate - 725.2381) < 5e-5, `${e.estimate}`);
    assert.ok(Math.abs(e.variance - 16348.22) < 5e-3, `${e.variance}`);
    assert.equal(e.observed, 230);
    assert.equal(e.seenByOfficersOnlyShare, 0.8);
    const [low, high] = e.interval95;
    assert.ok(low > 230 && low < e.estimate && high > e.estimate, `${low}–${high}`);
    assert.ok(high - e.estimate > e.estimate - low, 'log-normal interval is skewed upward');
    const half = 1.96 * Math.sqrt(e.variance);
    assert.deepEqual(e.normalInterval95, [e.estimate - half, e.estimate + half]);
  });

  it('refuses impossible counts', () => {
    assert.throws(() => chapman(5, 3, 4), RangeError);
    assert.throws(() => chapman(-1, 3, 0), RangeError);
  });
});

const at = (id: string, category: string, x: number, y: number, hour: number): Sighting => ({
  id,
  category,
  x,
  y,
  time: Date.parse('2026-05-04T08:00:00Z') + hour * 3_600_000,
});

describe('matching observations to reports', () => {
  it('pairs same-category sightings within 50 m and 72 h one to one, closest first', () => {
    const observations = [at('o1', 'dog', 0, 0, 0), at('o2', 'dog', 10, 0, 1), at('o3', 'litter', 0, 0, 0)];
    const reports = [
      at('r1', 'dog', 5, 0, 1), // close to both o1 and o2; closest to o2
      at('r2', 'dog', 0, 40, 60), // within the window of o1 only once r1 is taken
      at('r3', 'litter', 0, 0, 80), // too late
      at('r4', 'dog', 60, 0, 0), // too far
    ];
    assert.deepEqual(
      matchSightings(observations, reports).map((p) => [p.observationId, p.reportId]),
      [
        ['o2', 'r1'],
        ['o1', 'r2'],
      ],
    );
    assert.deepEqual(
      matchSightings(observations, reports, { maxDistanceM: 100, maxHours: 100 }).map((p) => p.reportId),
      ['r1', 'r4', 'r3'], // with 100 m and 100 h: r4 (60 m, 0 h) is now closer to o1 than r2, and r3 is in time
    );
  });
});
