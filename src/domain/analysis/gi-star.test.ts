import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify, distanceBandWeights, generalG, gridGiStar, localG } from './gi-star.ts';
import { studyRegionOf } from './grid.ts';

// domain.md §5 (the PySAL esda fixture): six points, distance band 15.
const points = [
  [10, 10],
  [20, 10],
  [40, 10],
  [15, 20],
  [30, 20],
  [30, 30],
] as const;
const y = [2, 3, 3.2, 5, 8, 7];
const band = distanceBandWeights(points, 15);
const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-8, `${actual} ≠ ${expected}`);

describe('Getis-Ord G on the domain fixture', () => {
  it('Gi* with binary weights: z of point 0 = −1.39727626', () => {
    const { z } = localG(y, band, { star: true, transform: 'binary' });
    close(z[0]!, -1.39727626);
    close(z[5]!, 2.02424331);
  });

  it('row-standardised weights: z of point 0 = −0.62074534 (G_i, self excluded, as in PySAL)', () => {
    const { z } = localG(y, band, { star: false, transform: 'row-standardised' });
    close(z[0]!, -0.62074534);
    close(z[2]!, 1.31558703);
  });

  it('Gi* with row-standardised weights uses the same moments (W_i = 1)', () => {
    const { z } = localG(y, band, { star: true, transform: 'row-standardised' });
    // W_i = 1, N = 6: (10/3/28.2 − 1/6) / sqrt(5/5/36 · s²/x̄²)
    const mean = 28.2 / 6;
    const variance = 161.24 / 6 - mean * mean;
    close(z[0]!, (10 / 3 / 28.2 - 1 / 6) / Math.sqrt((1 / 36) * (variance / (mean * mean))));
  });

  it('global G = 0.55709779', () => close(generalG(y, band), 0.55709779));

  it('classes at 1.96 and 3.29, hot and cold', () => {
    assert.deepEqual([3.3, 2, 1.9, -2, -3.3].map(classify), ['hot-99.9', 'hot-95', 'none', 'cold-95', 'cold-99.9']);
  });
});

describe('grid Gi* (queen contiguity, self included)', () => {
  it('equals the general Gi* with the same queen weights, and finds the burst', () => {
    const grid = { originX: 0, originY: 0, cellSize: 1, cols: 5, rows: 4 };
    const region = studyRegionOf(grid, (i) => i !== 7); // a hole: cell 2:1 is outside the study region
    const counts = Array.from(region.cells, (cell) => (cell === 12 ? 30 : cell === 13 ? 12 : cell % 3));
    const queen = {
      neighbours: (s: number) => {
        const cell = region.cells[s]!;
        const [c, r] = [cell % 5, Math.floor(cell / 5)];
        const out: { j: number; w: number }[] = [];
        for (let dr = -1; dr <= 1; dr++)
          for (let dc = -1; dc <= 1; dc++) {
            const [cc, rr] = [c + dc, r + dr];
            if (cc < 0 || rr < 0 || cc >= 5 || rr >= 4 || (dc === 0 && dr === 0)) continue;
            const t = region.studyIndex[rr * 5 + cc]!;
            if (t >= 0) out.push({ j: t, w: 1 });
          }
        return out;
      },
    };
    for (const transform of ['binary', 'row-standardised'] as const) {
      const fast = gridGiStar(region, counts, transform);
      const general = localG(counts, queen, { star: true, transform });
      for (let s = 0; s < counts.length; s++) close(fast.z[s]!, general.z[s]!);
    }
    const { z } = gridGiStar(region, counts);
    const zOfCell = (cell: number) => z[region.studyIndex[cell]!]!;
    assert.ok(zOfCell(12) > 1.5, `burst cell z ${zOfCell(12)}`);
    assert.ok(zOfCell(0) < 0, `far corner z ${zOfCell(0)}`);
    assert.equal(region.cells.length, 19);
  });
});
