/**
 * A burst of public intakes for the crash tests: several senders post reports, each with its own
 * Idempotency-Key and a description that names it, and remember which ones the server acknowledged (201).
 * After the crash, `settle` sends every report again with the same key until each is acknowledged, and
 * `verifyBurst` checks the store: every acknowledged report is there, with the id it was acknowledged with,
 * and no report is there twice.
 */
import assert from 'node:assert/strict';
import type { Db } from '../../src/db/db.ts';

const PARKWIJK = { type: 'Point', coordinates: [4.6681, 52.3768] };

export interface Burst {
  runId: string;
  /** key → report id, for every 201 */
  acknowledged: Map<string, string>;
  /** every key that was sent at least once */
  sent: Set<string>;
  errors: number;
  /** how often each answer came, by status (0: no answer at all) */
  statuses: Map<number, number>;
}

export function newBurst(runId: string): Burst {
  return { runId, acknowledged: new Map(), sent: new Set(), errors: 0, statuses: new Map() };
}

async function send(port: number, burst: Burst, key: string): Promise<number> {
  burst.sent.add(key);
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({
      category: 'hondenpoep',
      description: `Burst ${key}`,
      location: PARKWIJK,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  burst.statuses.set(response.status, (burst.statuses.get(response.status) ?? 0) + 1);
  if (response.status === 201) {
    const { id } = (await response.json()) as { id: string };
    const earlier = burst.acknowledged.get(key);
    assert.ok(!earlier || earlier === id, `key ${key} was acknowledged as ${earlier} and again as ${id}`);
    burst.acknowledged.set(key, id);
  } else {
    await response.arrayBuffer();
  }
  return response.status;
}

/**
 * Sends new reports from `senders` parallel loops until `stop()` is called; returns when all loops ended.
 * Errors (refused connections, 503s) are counted, not thrown: the server is meant to go away mid-burst.
 */
export function runBurst(port: () => number, burst: Burst, senders: number) {
  let stopped = false;
  let next = 0;
  const loop = async () => {
    while (!stopped) {
      const key = `${burst.runId}-${next++}`;
      try {
        const status = await send(port(), burst, key);
        if (status !== 201) burst.errors++;
      } catch {
        burst.errors++;
        burst.statuses.set(0, (burst.statuses.get(0) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const loops = Array.from({ length: senders }, loop);
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** Sends every key that was ever sent again, with its key, until each is acknowledged (a client's retries). */
export async function settle(port: number, burst: Burst): Promise<void> {
  for (const key of burst.sent) {
    for (let attempt = 1; ; attempt++) {
      const status = await send(port, burst, key).catch(() => 0);
      if (status === 201) break;
      assert.ok(attempt < 40, `key ${key} was not acknowledged after ${attempt} retries (last ${status})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export const describeBurst = (burst: Burst) =>
  `${burst.sent.size} reports sent, ${burst.acknowledged.size} acknowledged; answers: ` +
  [...burst.statuses].map(([status, n]) => `${status || 'none'} ×${n}`).join(', ');

/** Every acknowledged report is stored once with its id; no description (one per key) occurs twice. */
export async function verifyBurst(db: Db, burst: Burst, acknowledgedBeforeCrash: Map<string, string>) {
  const { rows } = await db.query<{ description: string; id: string; created: number }>(
    `SELECT r.description, r.id::text AS id,
            (SELECT count(*)::int FROM report_history h WHERE h.report_id = r.id AND h.action = 'created') AS created
       FROM reports r WHERE r.description LIKE $1`,
    [`Burst ${burst.runId}-%`],
  );
  const byKey = new Map<string, string[]>();
  for (const row of rows) {
    const key = row.description.slice('Burst '.length);
    byKey.set(key, [...(byKey.get(key) ?? []), row.id]);
    assert.equal(row.created, 1, `report ${row.id} has ${row.created} 'created' history entries`);
  }
  const doubled = [...byKey].filter(([, ids]) => ids.length > 1);
  assert.deepEqual(doubled, [], 'no report is stored twice');
  for (const [key, id] of acknowledgedBeforeCrash)
    assert.deepEqual(byKey.get(key), [id], `acknowledged ${key} (${id}) is stored`);
  for (const [key, id] of burst.acknowledged) assert.deepEqual(byKey.get(key), [id], `retried ${key} is stored`);
  assert.equal(rows.length, burst.sent.size, 'every report sent is stored once after the retries');
}
