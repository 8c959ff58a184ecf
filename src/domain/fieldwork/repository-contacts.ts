import type { Queryable } from '../../db/db.ts';
import type { KeysetPosition } from '../../shared/cursor.ts';
import type { Contact, Counterpart } from './schemas.ts';

interface ContactRow {
  id: string;
  officer_id: string;
  officer_name: string;
  counterpart: Counterpart;
  topic: string;
  district_code: string;
  occurred_at: Date;
  /** occurred_at as PostgreSQL prints it, microseconds included: the keyset position. */
  occurred_at_text: string;
  partner_team_id: string | null;
  created_at: Date;
}

const selectContacts = `
  SELECT k.id, k.officer_id, u.name AS officer_name, k.counterpart, k.topic, k.district_code,
         k.occurred_at, k.occurred_at::text AS occurred_at_text, k.partner_team_id, k.created_at
    FROM contacts k JOIN users u ON u.id = k.officer_id`;

const toContact = (row: ContactRow): Contact => ({
  id: row.id,
  officerId: row.officer_id,
  officerName: row.officer_name,
  counterpart: row.counterpart,
  topic: row.topic,
  districtCode: row.district_code,
  occurredAt: new Date(row.occurred_at).toISOString(),
  partnerTeamId: row.partner_team_id,
  createdAt: new Date(row.created_at).toISOString(),
});

export interface NewContact {
  municipalityCode: string;
  officerId: string;
  counterpart: Counterpart;
  topic: string;
  districtCode: string;
  occurredAt: Date;
  partnerTeamId: string | null;
  createdAt: Date;
}

export async function insertContact(db: Queryable, c: NewContact): Promise<Contact> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO contacts (municipality_code, officer_id, counterpart, topic, district_code, occurred_at, partner_team_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      c.municipalityCode,
      c.officerId,
      c.counterpart,
      c.topic,
      c.districtCode,
      c.occurredAt,
      c.partnerTeamId,
      c.createdAt,
    ],
  );
  const found = await db.query<ContactRow>(`${selectContacts} WHERE k.id = $1`, [rows[0]!.id]);
  return toContact(found.rows[0]!);
}

export interface ContactFilter {
  municipalityCode: string;
  districtCode?: string | undefined;
  officerId?: string | undefined;
  counterpart?: Counterpart | undefined;
  from: Date | null;
  to: Date | null;
  after: KeysetPosition | null;
  limit: number;
}

/** Newest first, each with its keyset position; the caller asks for one row more than it shows. */
export async function listContactRows(
  db: Queryable,
  f: ContactFilter,
): Promise<Array<{ contact: Contact; position: KeysetPosition }>> {
  const { rows } = await db.query<ContactRow>(
    `${selectContacts}
      WHERE k.municipality_code = $1
        AND ($2::text IS NULL OR k.district_code = $2)
        AND ($3::uuid IS NULL OR k.officer_id = $3)
        AND ($4::text IS NULL OR k.counterpart = $4)
        AND ($5::timestamptz IS NULL OR k.occurred_at >= $5)
        AND ($6::timestamptz IS NULL OR k.occurred_at < $6)
        AND ($7::timestamptz IS NULL OR (k.occurred_at, k.id) < ($7::timestamptz, $8::uuid))
      ORDER BY k.occurred_at DESC, k.id DESC
      LIMIT $9`,
    [
      f.municipalityCode,
      f.districtCode ?? null,
      f.officerId ?? null,
      f.counterpart ?? null,
      f.from,
      f.to,
      f.after?.at ?? null,
      f.after?.id ?? null,
      f.limit,
    ],
  );
  return rows.map((row) => ({ contact: toContact(row), position: { at: row.occurred_at_text, id: row.id } }));
}

/** Contacts per district in [from, to). */
export async function countContactsPerDistrict(
  db: Queryable,
  municipalityCode: string,
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ district_code: string; n: number }>(
    `SELECT district_code, count(*)::int AS n FROM contacts
      WHERE municipality_code = $1 AND occurred_at >= $2 AND occurred_at < $3
      GROUP BY district_code`,
    [municipalityCode, from, to],
  );
  return new Map(rows.map((r) => [r.district_code, r.n]));
}
