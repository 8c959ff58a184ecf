import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testApp } from '../../../test/support/app.ts';

const PARKWIJK = { type: 'Point', coordinates: [4.6681, 52.3768] };

describe('intake while an absence is being registered', () => {
  let db: Db;
  let app: App;
  before(async () => {
    db = await openTestDb();
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('does not hand a report to the officer whose absence commits while the report is filed', async () => {
    const owner = await db.query<{ id: string; name: string }>(
      `SELECT u.id, u.name FROM district_assignments a JOIN users u ON u.id = a.owner_id WHERE a.district_code = 'WK039209' AND a.valid_to IS NULL`,
    );
    const { id: ownerId, name: ownerName } = owner.rows[0]!;
    const file = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: { category: 'hondenpoep', description: 'Hondenpoep', location: PARKWIJK },
      });
    // The routing data is cached by the first intake; the second decides on that cache.
    const warmUp = await file();
    assert.equal(warmUp.json().assignee.id, ownerId, `${ownerName} owns Parkwijk and is in`);

    let intake: ReturnType<typeof file> | undefined;
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at) VALUES ($1, 'leave', '2026-11-23T00:00:00Z', '2027-01-31T00:00:00Z', now())`,
        [ownerId],
      );
      intake = file();
      // Give the intake time to decide and reach its insert while this transaction still holds the change.
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    const response = await intake!;
    assert.equal(response.statusCode, 201, response.body);
    assert.notEqual(
      response.json().assignee.id,
      ownerId,
      `the report went to ${response.json().assignee.name} while ${ownerName} is away`,
    );
  });
});
