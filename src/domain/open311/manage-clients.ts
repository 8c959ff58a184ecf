import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { insertClient, listClients, markClientRevoked } from './repository.ts';
import type { Open311Client } from './schemas.ts';

/** Only this hash of a key is stored; the key is shown once and cannot be read back. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

const clientName = /^[a-z0-9][a-z0-9._-]{0,62}$/;

function checkName(name: string): void {
  if (!clientName.test(name)) {
    throw new DomainError(
      'validation',
      'A client name is 1–63 lower-case letters, digits, dots, dashes or underscores.',
      [{ name: 'name', reason: 'lower-case letters, digits, ".", "-" and "_", starting with a letter or digit' }],
    );
  }
}

async function addClient(
  deps: { db: Queryable; clock: Clock },
  name: string,
  key: string,
): Promise<Open311Client | null> {
  checkName(name);
  return insertClient(deps.db, { name, keyHash: hashApiKey(key), createdAt: deps.clock.now() });
}

/** A new client with a random 256-bit key: the key is returned here once and stored only as its sha256. */
export async function createOpen311Client(
  deps: { db: Queryable; clock: Clock },
  name: string,
): Promise<{ client: Open311Client; key: string }> {
  const key = `wp311_${randomBytes(32).toString('base64url')}`;
  const client = await addClient(deps, name, key);
  if (!client) throw new DomainError('conflict', `There is already an Open311 client named "${name}".`);
  return { client, key };
}

/**
 * A client with a key chosen beforehand (the demo's published key); nothing happens when the name exists.
 * Returns whether it was added.
 */
export async function registerOpen311Client(
  deps: { db: Queryable; clock: Clock },
  input: { name: string; key: string },
): Promise<boolean> {
  return (await addClient(deps, input.name, input.key)) !== null;
}

export function listOpen311Clients(deps: { db: Queryable }): Promise<Open311Client[]> {
  return listClients(deps.db);
}

/** The key stops working at once; the client's row and name stay. */
export async function revokeOpen311Client(deps: { db: Queryable; clock: Clock }, name: string): Promise<Open311Client> {
  const client = await markClientRevoked(deps.db, name, deps.clock.now());
  if (!client) throw notFound(`Open311 client "${name}"`);
  return client;
}
