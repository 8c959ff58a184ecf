import type { Queryable } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { findOfficer, hasAnyRole, type StaffUser } from '../people/index.ts';
import { districtMunicipality, districtStewards } from './repository.ts';

/**
 * A district's wijkraad meetings are entered, changed and removed by those who look after the district: its
 * officer (owner or backup), the coordinator of the group its borough belongs to, and administrators. Other
 * officers and coordinators get 403 (they may read every meeting of their municipality, so this hides nothing).
 */
export async function assertMayManageMeetingsOf(db: Queryable, actor: StaffUser, districtCode: string): Promise<void> {
  if (hasAnyRole(actor, ['administrator'])) return;
  const stewards = await districtStewards(db, districtCode);
  const isDistrictOfficer =
    hasAnyRole(actor, ['officer']) && (stewards.ownerId === actor.id || stewards.backupId === actor.id);
  const isGroupCoordinator = hasAnyRole(actor, ['coordinator']) && stewards.coordinatorId === actor.id;
  if (isDistrictOfficer || isGroupCoordinator) return;
  throw new DomainError(
    'forbidden',
    `Only the officer of district ${districtCode} (owner or backup), the coordinator of its group and administrators manage its meetings.`,
  );
}

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
