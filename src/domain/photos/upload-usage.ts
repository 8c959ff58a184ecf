import { createHmac } from 'node:crypto';
import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { addUploadUsage, findInstallationKey } from './repository.ts';

const keys = new WeakMap<object, Promise<string>>();

/**
 * The calling address as the usage table knows it: an HMAC with the installation's own key, so the address is
 * not stored and cannot be recovered by hashing every IPv4 address. The key is read once per database handle.
 */
export async function uploadAddressKey(db: Queryable, address: string): Promise<string> {
  let key = keys.get(db);
  if (!key) {
    key = findInstallationKey(db, 'upload-address');
    keys.set(db, key);
  }
  return createHmac('sha256', await key)
    .update(address)
    .digest('base64url');
}

const secondsToNextUtcDay = (now: Date) =>
  (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000;

/**
 * Counts the bytes an address adds today (UTC) and refuses the upload, in the caller's transaction, when they
 * would pass the day's cap: a resident adds at most a few photos, a script filling the database is stopped.
 */
export async function chargeUploadUsage(
  tx: Queryable,
  input: { addressKey: string; now: Date; bytes: number; capBytes: number },
): Promise<void> {
  const total = await addUploadUsage(tx, input.addressKey, input.now.toISOString().slice(0, 10), input.bytes);
  if (total > input.capBytes) {
    throw new DomainError(
      'rate_limited',
      'This address has sent as many photos as it may today; try again tomorrow.',
      [],
      secondsToNextUtcDay(input.now),
    );
  }
}
