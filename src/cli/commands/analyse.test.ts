import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { analyseBacktest, parseBacktestArguments } from './analyse.ts';

const dir = mkdtempSync(join(tmpdir(), 'wijkpost-analyse-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Four study cells about 1 km apart (A busy with parking before --from), one cell that only appears later.
const A = '42.3500,-71.0600';
const B = '42.3600,-71.0600';
const C = '42.3500,-71.0450';
const D = '42.3600,-71.0450';
const NEW = '42.3700,-71.0300';
const row = (id: number, when: string, service: string, at: string) => {
  const [lat, lon] = at.split(',');
  return `${id},${when},closed,${service},${lat},${lon},"somewhere, Boston"`;
};
const csv = [
  'id,requested_datetime,status,service_name,lat,lon,address',
  row(1, '2016-01-02T10:00:00-05:00', 'Illegal Parking', A),
  row(2, '2015-12-30T10:00:00-05:00', 'Illegal Parking', A),
  row(3, '2015-12-29T10:00:00-05:00', 'Illegal Parking', A),
  row(4, '2015-12-29T11:00:00-05:00', 'Other', B),
  row(5, '2015-12-29T12:00:00-05:00', 'Other', C),
  row(6, '2015-12-29T13:00:00-05:00', 'Other', D),
  row(7, 'not a date', 'Illegal Parking', A),
  row(8, '2016-01-05T10:00:00-05:00', 'Illegal Parking', '43.5,-70.0'), // outside --bbox
  // the scored week, Mon 4 Jan 2016 00:00 EST – Mon 11 Jan: 2 in A, 1 in B, 1 outside the study region
  row(9, '2016-01-04T00:30:00-05:00', 'Illegal Parking', A),
  row(10, '2016-01-06T09:00:00-05:00', 'Abandoned Vehicle', A),
  row(11, '2016-01-07T09:00:00-05:00', 'Illegal Parking', B),
  row(12, '2016-01-08T09:00:00-05:00', 'Illegal Parking', NEW),
  row(13, '2016-01-08T09:30:00-05:00', 'Other', A), // not selected by --service
  row(14, '2016-01-11T00:30:00-05:00', 'Illegal Parking', B), // the week after: not scored
].join('\n');
writeFileSync(join(dir, 'requests.csv'), csv);
writeFileSync(join(dir, 'requests.csv.gz'), gzipSync(csv));

const options = (input: string) => ({
  input: join(dir, input),
  from: '2016-01-04',
  weeks: '1',
  tz: 'America/New_York',
  cell: '125',
  coverage: '0.25',
  bbox: '-71.2,42.2,-70.9,42.45',
  service: '^(Abandoned Vehicle|Illegal Parking)$',
  json: true,
});

describe('wijkpost analyse backtest', () => {
  for (const input of ['requests.csv', 'requests.csv.gz']) {
    it(`prints the hand-computed figures as one JSON object (${input})`, async () => {
      const lines: string[] = [];
      await analyseBacktest(options(input), (line) => lines.push(line));
      assert.equal(lines.length, 1);
      const report = JSON.parse(lines[0]!);
      assert.equal(report.weeks, 1);
      assert.equal(report.cellSize, 125);
      assert.equal(report.studyCells, 4);
      assert.equal(report.events, 4);
      assert.deepEqual(report.rows, { read: 14, skipped: 1, outsideBbox: 1 });
      // 1 of 4 cells flagged (A): 2 of the 4 events → hit rate 0.5, PAI 0.5 / 0.25 = 2, PEI 2 / 2 = 1
      assert.deepEqual(
        report.methods.map((m: { name: string; hitRate: number; pai: number; pei: number }) => [
          m.name,
          m.hitRate,
          m.pai,
          m.pei,
        ]),
        [
          ['naive', 0.5, 2, 1],
          ['decay', 0.5, 2, 1],
          ['kernel', 0.5, 2, 1],
        ],
      );
      assert.equal(report.chosen.pai, 2);
      assert.deepEqual(report.chosen.weekly, [
        { weekStart: '2016-01-04T05:00:00.000Z', events: 4, hitRate: 0.5, pai: 2, pei: 1, method: 'naive' },
      ]);
      assert.match(report.chosen.rule, /previous 8 weeks/);
    });
  }

  it('lists every problem with the arguments', () => {
    const { problems, args } = parseBacktestArguments({
      input: join(dir, 'missing.csv'),
      from: '2016-02-30',
      weeks: '0',
      tz: 'Mars/Olympus',
      cell: 'big',
      coverage: '3',
      bbox: '1,2,3',
      service: '(',
    });
    assert.equal(args, undefined);
    assert.equal(problems.length, 8, problems.join('\n'));
    assert.match(problems.join('\n'), /--input.*--from.*--weeks.*--tz.*--cell.*--coverage.*--bbox.*--service/s);
  });

  it('exits with code 2 on bad arguments', async () => {
    const original = console.error;
    const errors: string[] = [];
    console.error = (line: string) => errors.push(line);
    try {
      await analyseBacktest({ weeks: 'x' }, () => assert.fail('nothing is printed'));
      assert.equal(process.exitCode, 2);
      assert.match(errors.join('\n'), /--input is required/);
    } finally {
      console.error = original;
      process.exitCode = 0;
    }
  });
});
