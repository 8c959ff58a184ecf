import type { Db, Queryable } from '../../db/db.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { setRetentionPeriods } from '../retention/index.ts';
import { selectSettings, updateTimeZone } from './repository.ts';
import { isIanaTimeZone, type MunicipalitySettings, type UpdateSettingsBody } from './schemas.ts';

export async function getMunicipalitySettings(
  deps: { db: Queryable },
  viewer: StaffUser,
): Promise<MunicipalitySettings> {
  const settings = await selectSettings(deps.db, viewer.municipalityCode);
  if (!settings) throw notFound(`Municipality ${viewer.municipalityCode}`);
  return settings;
}

/**
 * Changes the administrator's municipality's settings in one transaction. The retention periods go through the
 * retention area (the jobs apply them at their next run); a new time zone reaches routing and intake through the
 * routing data version, which a trigger on municipalities bumps.
 */
export async function updateMunicipalitySettings(
  deps: { db: Db },
  actor: StaffUser,
  body: UpdateSettingsBody,
): Promise<MunicipalitySettings> {
  if (body.timeZone !== undefined && !isIanaTimeZone(body.timeZone)) {
    throw new DomainError('validation', 'Unknown time zone.', [
      { name: 'body.timeZone', reason: 'An IANA time zone, such as Europe/Amsterdam', code: 'unknown_time_zone' },
    ]);
  }
  return deps.db.transaction(async (tx) => {
    if (body.timeZone !== undefined) await updateTimeZone(tx, actor.municipalityCode, body.timeZone);
    if (body.reporterRetentionDays !== undefined || body.photoRetentionDays !== undefined) {
      await setRetentionPeriods(
        { db: tx },
        {
          municipalityCode: actor.municipalityCode,
          reporterDays: body.reporterRetentionDays,
          photoDays: body.photoRetentionDays,
        },
      );
    }
    return getMunicipalitySettings({ db: tx }, actor);
  });
}
