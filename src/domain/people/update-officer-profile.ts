import type { Db, Queryable } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { updateOfficerPhotoUrl, updateOfficerProfileRow } from './repository-admin.ts';
import { findOfficer, type OfficerRecord } from './repository-officers.ts';

export const MAX_INTRODUCTION_LENGTH = 1000;
/** Digits, spaces, +, -, ( and ): a number as people write it, nothing that could carry markup or a link. */
const phonePattern = /^\+?[0-9][0-9 ()-]{5,24}$/;

export interface OfficerProfileInput {
  introduction?: string | null | undefined;
  publicPhone?: string | null | undefined;
}

/** The public part of an officer's profile: the introduction (Dutch) and the phone number residents may call. */
export async function updateOfficerProfile(
  deps: { db: Db },
  actor: StaffUser,
  officerId: string,
  input: OfficerProfileInput,
): Promise<OfficerRecord> {
  const officer = await findOfficer(deps.db, actor.municipalityCode, officerId);
  if (!officer) throw new DomainError('not_found', 'Officer not found.');
  const introduction = input.introduction === undefined ? officer.introduction : input.introduction?.trim() || null;
  const publicPhone = input.publicPhone === undefined ? officer.publicPhone : input.publicPhone?.trim() || null;
  const problems: FieldProblem[] = [];
  if (introduction && introduction.length > MAX_INTRODUCTION_LENGTH)
    problems.push({
      name: 'introduction',
      reason: `must be at most ${MAX_INTRODUCTION_LENGTH} characters`,
      code: 'too_long',
    });
  if (publicPhone && !phonePattern.test(publicPhone))
    problems.push({ name: 'publicPhone', reason: 'must be a phone number, e.g. 023 511 5115', code: 'invalid_phone' });
  if (problems.length > 0) throw new DomainError('validation', 'The profile was not changed.', problems);
  await updateOfficerProfileRow(deps.db, officerId, { introduction, publicPhone });
  return { ...officer, introduction, publicPhone };
}

/**
 * The photos area stores an officer's portrait and links it here, in its own transaction; people does not import
 * photos (photos → people is the dependency direction).
 */
export async function linkOfficerPhoto(db: Queryable, officerId: string, photoUrl: string | null): Promise<void> {
  await updateOfficerPhotoUrl(db, officerId, photoUrl);
}
