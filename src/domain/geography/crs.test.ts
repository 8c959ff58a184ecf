import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../shared/errors.ts';
import { coordinatesToRd, crsHeaderValue, parseCrs, pointGeometrySchema, pointToRd, toCrs84, toRd } from './crs.ts';

function assertValidationError(fn: () => unknown, pattern: RegExp) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'validation');
    assert.match(error.detail, pattern);
    assert.ok(error.fieldProblems.length > 0);
    return true;
  });
}

describe('CRS conversions', () => {
  it('converts the Amersfoort tower (RD origin area) with the towgs84 datum shift', () => {
    // Onze Lieve Vrouwetoren, Amersfoort: RD 155000, 463000 ≈ 5.387206 E, 52.155174 N (WGS84).
    const [lon, lat] = toCrs84(155000, 463000);
    assert.ok(Math.abs(lon - 5.387206) < 0.00002, `lon ${lon}`);
    assert.ok(Math.abs(lat - 52.155174) < 0.00002, `lat ${lat}`);
  });

  it('round-trips a Haarlem point to within a millimetre', () => {
    const [x, y] = toRd(4.6368, 52.3812);
    assert.ok(x > 103000 && x < 105000 && y > 488000 && y < 489000, `${x}, ${y}`);
    const [lon, lat] = toCrs84(x, y);
    const [x2, y2] = toRd(lon, lat);
    assert.ok(Math.hypot(x2 - x, y2 - y) < 0.001);
  });
});

describe('parseCrs', () => {
  it('accepts the CRS84, RD New and ETRS89 spellings', () => {
    for (const value of [
      'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
      'OGC:CRS84',
      'CRS84',
      'crs84',
      'urn:ogc:def:crs:OGC:1.3:CRS84',
      '<http://www.opengis.net/def/crs/OGC/1.3/CRS84>',
    ]) {
      assert.equal(parseCrs(value), 'CRS84', value);
    }
    for (const value of [
      'EPSG:28992',
      'http://www.opengis.net/def/crs/EPSG/0/28992',
      'urn:ogc:def:crs:EPSG::28992',
      ' <http://www.opengis.net/def/crs/EPSG/0/28992> ',
    ]) {
      assert.equal(parseCrs(value), 'EPSG:28992', value);
    }
    assert.equal(parseCrs('EPSG:4258'), 'EPSG:4258');
    assert.equal(parseCrs('http://www.opengis.net/def/crs/EPSG/0/4258'), 'EPSG:4258');
  });

  it('defaults to CRS84 when absent', () => {
    assert.equal(parseCrs(undefined), 'CRS84');
    assert.equal(parseCrs(''), 'CRS84');
  });

  it('refuses EPSG:4326 because of its axis-order ambiguity, and unknown systems', () => {
    assertValidationError(() => parseCrs('EPSG:4326'), /ambiguous about axis order/);
    assertValidationError(() => parseCrs('http://www.opengis.net/def/crs/EPSG/0/4326'), /ambiguous/);
    assertValidationError(() => parseCrs('EPSG:3857'), /Unsupported coordinate reference system/);
  });

  it('names the field in the problem', () => {
    try {
      parseCrs('EPSG:3857', 'query.crs');
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof DomainError);
      assert.equal(error.fieldProblems[0]!.name, 'query.crs');
    }
  });

  it('writes Content-Crs header values as OGC URIs', () => {
    assert.equal(crsHeaderValue('CRS84'), '<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
    assert.equal(crsHeaderValue('EPSG:28992'), '<http://www.opengis.net/def/crs/EPSG/0/28992>');
  });
});

describe('pointToRd', () => {
  it('validates the GeoJSON point shape', () => {
    assert.ok(pointGeometrySchema.safeParse({ type: 'Point', coordinates: [4.63, 52.38] }).success);
    assert.ok(!pointGeometrySchema.safeParse({ type: 'Point', coordinates: [4.63] }).success);
    assert.ok(!pointGeometrySchema.safeParse({ type: 'LineString', coordinates: [4.63, 52.38] }).success);
    assert.ok(!pointGeometrySchema.safeParse({ type: 'Point', coordinates: ['4.63', 52.38] }).success);
  });

  it('converts CRS84 and passes RD through', () => {
    const [x, y] = pointToRd({ type: 'Point', coordinates: [4.6368, 52.3812] }, 'CRS84');
    assert.deepEqual([x, y], toRd(4.6368, 52.3812));
    assert.deepEqual(pointToRd({ type: 'Point', coordinates: [103900, 488400] }, 'EPSG:28992'), [103900, 488400]);
  });

  it('reads EPSG:4258 in its authority order latitude, longitude', () => {
    const [x, y] = pointToRd({ type: 'Point', coordinates: [52.3812, 4.6368] }, 'EPSG:4258');
    const [ex, ey] = toRd(4.6368, 52.3812);
    assert.ok(Math.hypot(x - ex, y - ey) < 0.001);
  });

  it('refuses implausible coordinates with a clear reason', () => {
    assertValidationError(() => pointToRd({ type: 'Point', coordinates: [52.3812, 4.6368] }, 'CRS84'), /look swapped/);
    assertValidationError(
      () => pointToRd({ type: 'Point', coordinates: [4.6368, 52.3812] }, 'EPSG:4258'),
      /look swapped/,
    );
    assertValidationError(
      () => pointToRd({ type: 'Point', coordinates: [-74.0, 40.7] }, 'CRS84'),
      /not in the Netherlands/,
    );
    assertValidationError(
      () => pointToRd({ type: 'Point', coordinates: [4.6368, 52.3812] }, 'EPSG:28992'),
      /RD New coordinates must lie within/,
    );
    assertValidationError(() => pointToRd({ type: 'Point', coordinates: [103900, 700000] }, 'EPSG:28992'), /RD New/);
    assertValidationError(() => coordinatesToRd(Number.NaN, 52, 'CRS84'), /finite/);
  });
});
