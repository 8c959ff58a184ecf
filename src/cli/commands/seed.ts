import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';

/** Seeds the Haarlem demo when the database holds no municipality yet; prints the demo logins. */
export async function ensureDemoData(_ctx: { db: Db; config: Config; clock: Clock }): Promise<void> {
}

export function registerSeedCommand(_program: Command) {
}
