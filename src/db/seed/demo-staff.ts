import type { Db } from '../db.ts';
import type { Role, StaffUser } from '../../domain/people/index.ts';

/** The municipality's active staff, ordered by e-mail, as use cases take their actor: the demo acts as them. */
export async function loadStaff(db: Db, municipalityCode: string): Promise<StaffUser[]> {
  const { rows } = await db.query<{
    id: string;
    municipality_code: string;
    name: string;
    email: string;
    roles: Role[];
    team_id: string | null;
  }>(
    'SELECT id, municipality_code, name, email, roles, team_id FROM users WHERE municipality_code = $1 AND active ORDER BY email',
    [municipalityCode],
  );
  return rows.map((r) => ({
    id: r.id,
    municipalityCode: r.municipality_code,
    name: r.name,
    email: r.email,
    roles: r.roles,
    teamId: r.team_id,
  }));
}
