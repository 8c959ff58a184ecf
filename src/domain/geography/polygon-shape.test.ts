import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asMultiPolygon, PolygonShape } from './polygon-shape.ts';

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('PolygonShape (exact point in polygon)', () => {
  const withHole = new PolygonShape([[square(0, 0, 100), square(40, 40, 20)]]);
  const twoParts = new PolygonShape(
    asMultiPolygon({ type: 'MultiPolygon', coordinates: [[square(0, 0, 10)], [square(50, 50, 10)]] }),
  );

  it('finds points inside, outside and in a hole', () => {
    assert.equal(withHole.covers(10, 10), true);
    assert.equal(withHole.covers(50, 50), false, 'inside the hole');
    assert.equal(withHole.covers(150, 50), false);
    assert.equal(withHole.covers(-0.001, 50), false);
  });

  it('covers every part of a multipolygon and nothing between them', () => {
    assert.equal(twoParts.covers(5, 5), true);
    assert.equal(twoParts.covers(55, 55), true);
    assert.equal(twoParts.covers(30, 30), false);
  });

  it('counts edges and vertices (outer ring and hole) as covered', () => {
    for (const [x, y] of [
      [0, 0],
      [100, 50],
      [50, 0],
      [0, 100],
      [40, 50],
      [60, 60],
      [50, 40],
    ] as const) {
      assert.equal(withHole.covers(x, y), true, `${x}, ${y}`);
    }
  });

  it('handles slanted edges, and a ray through a vertex, exactly', () => {
    const diamond = new PolygonShape(
      asMultiPolygon({
        type: 'Polygon',
        coordinates: [
          [
            [0, 50],
            [50, 0],
            [100, 50],
            [50, 100],
            [0, 50],
          ],
        ],
      }),
    );
    assert.equal(diamond.covers(50, 50), true);
    assert.equal(diamond.covers(25, 25), true, 'on a slanted edge');
    assert.equal(diamond.covers(24, 24), false);
    assert.equal(diamond.covers(10, 50), true, 'ray passes through the vertex at (100, 50)');
    assert.equal(diamond.covers(-10, 50), false, 'ray passes through two vertices');
  });

  it('measures the distance to the nearest edge', () => {
    assert.equal(withHole.distanceTo(10, 10), 0);
    assert.equal(withHole.distanceTo(130, 50), 30);
    assert.equal(withHole.distanceTo(50, 50), 10, 'from the middle of the hole');
    assert.ok(Math.abs(withHole.distanceTo(103, 104) - 5) < 1e-9);
  });

  it('refuses non-area geometry', () => {
    assert.throws(() => asMultiPolygon({ type: 'LineString', coordinates: [] }), /Polygon or MultiPolygon/);
  });
});
