import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { hashApiKey } from './manage-clients.ts';
import { findClientByKeyHash } from './repository.ts';
import type { Open311Client } from './schemas.ts';

/**
 * The client behind an api_key: 401 without a key, 403 for a key that is unknown or revoked. The lookup is by
 * the key's hash (a unique index), so no key is ever compared in the clear.
 */
export async function authenticateClient(deps: { db: Queryable }, apiKey: string | undefined): Promise<Open311Client> {
  if (!apiKey) throw new DomainError('unauthenticated', 'api_key was not provided: POST requests needs an API key.');
  const client = await findClientByKeyHash(deps.db, hashApiKey(apiKey));
  if (!client || client.revokedAt) throw new DomainError('forbidden', 'api_key is not valid.');
  return client;
}
