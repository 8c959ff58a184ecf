import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellId, cellIndexOf, cellIndices, countByCell, equirectangular, gridCovering, projectionFor } from './grid.ts';

describe('grid', () => {
  it('puts the origin at the minimum x and y and counts points per cell in one pass', () => {
    const xs = [100, 224.9, 225, 100, 350];
    const ys = [1000, 1000, 1000, 1125, 1010];
    const grid = gridCovering(xs, ys, 125);
    assert.deepEqual(grid, { originX: 100, originY: 1000, cellSize: 125, cols: 3, rows: 2 });
    assert.deepEqual(Array.from(countByCell(grid, xs, ys)), [2, 1, 1, 1, 0, 0]);
    assert.deepEqual(Array.from(cellIndices(grid, [99, 350], [1000, 1249])), [-1, 5]);
    assert.equal(cellIndexOf(grid, 350, 1249), 5);
    assert.equal(cellId(grid, 5), '2:1');
  });

  it('uses RD New in the Netherlands and a local equirectangular projection elsewhere', () => {
    const haarlem = projectionFor([4.63, 4.64], [52.38, 52.39]);
    assert.equal(haarlem.kind, 'rd-new');
    const [x, y] = haarlem.project(4.6462, 52.3812); // central Haarlem, inside the RD box of its districts
    assert.ok(x > 100_000 && x < 110_000 && y > 484_000 && y < 494_000, `${x}, ${y}`);
    const boston = projectionFor([-71.1, -71.0], [42.3, 42.4]);
    assert.equal(boston.kind, 'equirectangular');
    // 0.01° of latitude ≈ 1,112 m; 0.01° of longitude at 42.35° ≈ 822 m
    const [bx, by] = boston.project(-71.04, 42.36);
    const [ax, ay] = equirectangular(-71.05, 42.35).project(-71.05, 42.35);
    assert.deepEqual([ax, ay], [0, 0]);
    assert.ok(Math.abs(by - 1_111.9) < 1, `${by}`);
    assert.ok(Math.abs(bx - 821.9) < 1, `${bx}`);
  });
});
