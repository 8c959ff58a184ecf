import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { importCategoryTree } from '../categories/index.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { importFieldwork } from './index.ts';

const square = (x: number, y: number, size: number) =>
  `ST_GeomFromText('MULTIPOLYGON(((${x} ${y}, ${x + size} ${y}, ${x + size} ${y + size}, ${x} ${y + size}, ${x} ${y})))', 28992)`;

describe('importFieldwork', () => {
  let db: Db;
  let officerId: string;
  const at = (time: string) => new Date(`2026-11-23T${time}:00+01:00`);

  /** One district of 1 km², its south-west quarter a neighbourhood; one officer; one subcategory. */
  before(async () => {
    db = await openTestDb({ empty: true });
    await db.exec(`
      INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem');
      INSERT INTO districts (code, municipality_code, name, geom) VALUES ('WK039201', 'GM0392', 'Oude Stad', ${square(104000, 488000, 1000)});
      INSERT INTO neighbourhoods (code, municipality_code, district_code, name, geom)
        VALUES ('BU03920100', 'GM0392', 'WK039201', 'Grote Markt', ${square(104000, 488000, 500)});
    `);
    const user = await db.query<{ id: string }>(
      `INSERT INTO users (municipality_code, email, name, roles) VALUES ('GM0392', 'o@example.org', 'Olga', '{officer}') RETURNING id`,
    );
    officerId = user.rows[0]!.id;
    await db.query('INSERT INTO officers (user_id) VALUES ($1)', [officerId]);
    await importCategoryTree({ db }, 'GM0392', [
      {
        code: 'afval',
        nameNl: 'Afval',
        nameEn: 'Waste',
        subcategories: [
          { code: 'grofvuil', nameNl: 'Grofvuil', nameEn: 'Bulky waste', deadline: { amount: 5, unit: 'workdays' } },
        ],
      },
    ]);
  });
  after(() => db.close());

  it('stores finished rounds, contacts and observations as recorded, each observation with its neighbourhood', async () => {
    const districtCode = 'WK039201';
    const counts = await importFieldwork({ db }, 'GM0392', {
      rounds: [{ officerId, districtCode, startedAt: at('10:00'), endedAt: at('12:00') }],
      contacts: [{ officerId, counterpart: 'school', topic: 'Schoolplein', districtCode, occurredAt: at('10:45') }],
      observations: [
        {
          officerId,
          categoryCode: 'grofvuil',
          rd: [104100, 488100],
          districtCode,
          observedAt: at('10:30'),
          createdAt: at('12:00'),
        },
        {
          officerId,
          categoryCode: 'grofvuil',
          rd: [104900, 488900],
          districtCode,
          observedAt: at('11:00'),
          note: 'Matras',
        },
      ],
    });
    assert.deepEqual(counts, { rounds: 1, contacts: 1, observations: 2 });
    const rounds = await db.query<{ ended_reason: string; ended_at: Date }>(
      'SELECT ended_reason, ended_at FROM presence_rounds',
    );
    assert.deepEqual(rounds.rows, [{ ended_reason: 'stopped', ended_at: at('12:00') }]);
    const contacts = await db.query<{ created_at: Date }>('SELECT created_at FROM contacts');
    assert.deepEqual(contacts.rows, [{ created_at: at('10:45') }], 'createdAt defaults to the moment itself');
    const observations = await db.query<{ neighbourhood_code: string | null; note: string | null; created_at: Date }>(
      'SELECT neighbourhood_code, note, created_at FROM observations ORDER BY observed_at',
    );
    assert.deepEqual(observations.rows, [
      { neighbourhood_code: 'BU03920100', note: null, created_at: at('12:00') },
      { neighbourhood_code: null, note: 'Matras', created_at: at('11:00') },
    ]);
  });

  it('names every problem at once and stores nothing', async () => {
    const stored = await db.query(
      'SELECT (SELECT count(*) FROM presence_rounds) + (SELECT count(*) FROM observations) AS n',
    );
    const stranger = '00000000-0000-4000-8000-000000000000';
    const work = {
      rounds: [
        { officerId, districtCode: 'WK039201', startedAt: at('10:00'), endedAt: at('12:00') },
        { officerId: stranger, districtCode: 'WK039299', startedAt: at('12:00'), endedAt: at('11:00') },
      ],
      contacts: [
        { officerId, counterpart: 'neighbour', topic: ' ', districtCode: 'WK039201', occurredAt: at('10:45') },
      ],
      observations: [
        { officerId, categoryCode: 'afval', rd: [104100, 488100], districtCode: 'WK039201', observedAt: at('10:30') },
      ],
    };
    await assert.rejects(importFieldwork({ db }, 'GM0392', work as never), (error: unknown) => {
      assert.ok(error instanceof DomainError && error.code === 'validation');
      assert.deepEqual(error.fieldProblems.map((p) => p.name).sort(), [
        'fieldwork.contacts.0.counterpart',
        'fieldwork.contacts.0.topic',
        'fieldwork.rounds.1.endedAt',
      ]);
      return true;
    });
    const shapely = { ...work, rounds: work.rounds.map((r) => ({ ...r, endedAt: at('13:00') })), contacts: [] };
    await assert.rejects(importFieldwork({ db }, 'GM0392', shapely as never), (error: unknown) => {
      assert.ok(error instanceof DomainError && error.code === 'validation');
      assert.deepEqual(error.fieldProblems.map((p) => p.name).sort(), [
        'fieldwork.observations.0.categoryCode',
        'fieldwork.rounds.1.districtCode',
        'fieldwork.rounds.1.officerId',
      ]);
      return true;
    });
    assert.deepEqual(
      (await db.query('SELECT (SELECT count(*) FROM presence_rounds) + (SELECT count(*) FROM observations) AS n')).rows,
      stored.rows,
    );
  });
});
