import type { Queryable } from '../../db/db.ts';
import type { FieldProblem } from '../../shared/errors.ts';
import { findOfficer } from '../people/index.ts';
import { districtMunicipality } from './repository.ts';

/** The district and the attending officer must both belong to the caller's municipality. */
export async function meetingFieldProblems(
  db: Queryable,
  municipalityCode: string,
  fields: { districtCode?: string | undefined; officerId?: string | null | undefined },
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (fields.districtCode !== undefined && (await districtMunicipality(db, fields.districtCode)) !== municipalityCode) {
    problems.push({
      name: 'districtCode',
      reason: `no district ${fields.districtCode} in this municipality`,
      code: 'unknown',
    });
  }
  if (fields.officerId) {
    const officer = await findOfficer(db, municipalityCode, fields.officerId);
    if (!officer || !officer.active)
      problems.push({
        name: 'officerId',
        reason: 'no active officer with this id in this municipality',
        code: 'unknown',
      });
  }
  return problems;
}
