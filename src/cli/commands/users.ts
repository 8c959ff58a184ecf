import type { Command } from 'commander';
import type { Db } from '../../db/db.ts';
import { recordSystemAuditEntry } from '../../domain/audit/index.ts';
import { createUser, deactivateUser, listUsers, setUserPassword } from '../../domain/people/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';

type Ctx = { db: Db; clock: Clock };
type Print = (line: string) => void;

/** The command line has no signed-in user: its entries name the command, after the use case committed. */
const audit = (ctx: Ctx, command: string, user: { id: string; municipalityCode: string }) =>
  recordSystemAuditEntry(
    ctx,
    { name: 'command line', municipalityCode: user.municipalityCode },
    { action: `wijkpost users ${command}`, record: { kind: 'users', id: user.id }, outcome: 'ok' },
  );

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export async function usersCreate(
  ctx: Ctx,
  print: Print,
  options: { municipality: string; email: string; name: string; roles: string; team?: string; password?: string },
) {
  const { user, generatedPassword } = await createUser(ctx, {
    municipalityCode: options.municipality,
    email: options.email,
    name: options.name,
    roles: list(options.roles),
    teamCode: options.team ?? null,
    password: options.password ?? null,
  });
  await audit(ctx, 'create', user);
  print(`Created ${user.name} <${user.email}> (${user.roles.join(', ')}) in ${user.municipalityCode}, id ${user.id}.`);
  if (generatedPassword) print(`Password (shown once, store it safely): ${generatedPassword}`);
}

export async function usersList(ctx: Ctx, print: Print, options: { municipality: string }) {
  const users = await listUsers(ctx.db, options.municipality);
  for (const user of users) {
    print(
      `${user.email.padEnd(40)} ${user.roles.join(',').padEnd(26)} ${(user.active ? 'active' : 'inactive').padEnd(9)} ${user.name}`,
    );
  }
  print(`${users.length} user(s) in ${options.municipality}.`);
}

export async function usersSetPassword(ctx: Ctx, print: Print, options: { email: string; password?: string }) {
  const result = await setUserPassword(ctx, { email: options.email, password: options.password ?? null });
  await audit(ctx, 'set-password', result.user);
  print(`New password set for ${result.user.email}; ${result.revokedSessions} session(s) ended.`);
  if (result.generatedPassword) print(`Password (shown once, store it safely): ${result.generatedPassword}`);
}

export async function usersDeactivate(ctx: Ctx, print: Print, options: { email: string }) {
  const result = await deactivateUser(ctx, { email: options.email });
  await audit(ctx, 'deactivate', result.user);
  print(`Deactivated ${result.user.email}; ${result.revokedSessions} session(s) ended.`);
  if (result.ownedDistrictCodes.length > 0) {
    print(
      `Still the owner of ${result.ownedDistrictCodes.join(', ')}: give these districts a new owner (PUT /api/v1/districts/{code}/assignment).`,
    );
  }
}

/** Runs one sub-command; domain errors become a readable message and exit code 1. */
function action<O>(run: (ctx: Ctx, print: Print, options: O) => Promise<void>) {
  return async (options: O) => {
    try {
      await withContext((ctx) => run(ctx, console.log, options));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      console.error(error.detail);
      for (const problem of error.fieldProblems) console.error(`  - ${problem.name}: ${problem.reason}`);
      process.exitCode = 1;
    }
  };
}

export function registerUsersCommand(program: Command) {
  const users = program.command('users').description('manage staff accounts');
  users
    .command('create')
    .description('create a staff user (a strong password is generated and shown once when --password is omitted)')
    .requiredOption('--municipality <code>', 'CBS municipality code, e.g. GM0392')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption(
      '--roles <roles>',
      'comma-separated: officer, coordinator, team_manager, analyst, contact_centre, partner, administrator',
    )
    .option('--team <code>', "team code; partner users need a team of kind 'partner'")
    .option(
      '--password <password>',
      'at least 12 characters (prefer omitting it: a generated one is safer than shell history)',
    )
    .action(action(usersCreate));
  users
    .command('list')
    .description('list the users of a municipality')
    .requiredOption('--municipality <code>')
    .action(action(usersList));
  users
    .command('set-password')
    .description('set a new password (generated when omitted) and end all sessions of the user')
    .requiredOption('--email <email>')
    .option('--password <password>')
    .action(action(usersSetPassword));
  users
    .command('deactivate')
    .description('block sign-in and end all sessions of the user')
    .requiredOption('--email <email>')
    .action(action(usersDeactivate));
}
