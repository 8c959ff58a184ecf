import { z } from 'zod';
import type { Db, Queryable } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { fieldProblemsFromIssues } from '../../shared/field-problems.ts';
import { findCategory } from '../categories/index.ts';
import { findOfficer } from '../people/index.ts';
import { insertContact } from './repository-contacts.ts';
import { coveringNeighbourhood, districtInMunicipality } from './repository-districts.ts';
import { insertObservation } from './repository-observations.ts';
import { insertFinishedRound } from './repository-presence.ts';
import { categoryCodeSchema, counterparts, districtCodeSchema } from './schemas.ts';

const officerId = z.uuid();
const moment = z.date();

/** Field work recorded elsewhere (another system, or the demo): finished rounds, contacts and observations. */
export const fieldworkImportSchema = z.object({
  rounds: z
    .array(
      z
        .object({ officerId, districtCode: districtCodeSchema, startedAt: moment, endedAt: moment })
        .refine((round) => round.endedAt >= round.startedAt, { path: ['endedAt'], message: 'not before startedAt' }),
    )
    .default([]),
  contacts: z
    .array(
      z.object({
        officerId,
        counterpart: z.enum(counterparts),
        topic: z.string().trim().min(1).max(200),
        districtCode: districtCodeSchema,
        occurredAt: moment,
        /** When it was written down; default occurredAt. */
        createdAt: moment.optional(),
      }),
    )
    .default([]),
  observations: z
    .array(
      z.object({
        officerId,
        categoryCode: categoryCodeSchema,
        /** RD New (EPSG:28992) x, y in metres. */
        rd: z.tuple([z.number(), z.number()]),
        districtCode: districtCodeSchema,
        observedAt: moment,
        note: z.string().trim().min(1).max(500).nullable().default(null),
        /** When it was written down; default observedAt. */
        createdAt: moment.optional(),
      }),
    )
    .default([]),
});

export type FieldworkImport = z.input<typeof fieldworkImportSchema>;
type ParsedFieldwork = z.output<typeof fieldworkImportSchema>;

/** Each reference checked once, reported on every row that makes it. */
async function referenceProblems(db: Queryable, municipalityCode: string, work: ParsedFieldwork) {
  const rows = [
    ...work.rounds.map((row, i) => ({ row, at: `fieldwork.rounds.${i}` })),
    ...work.contacts.map((row, i) => ({ row, at: `fieldwork.contacts.${i}` })),
    ...work.observations.map((row, i) => ({ row, at: `fieldwork.observations.${i}` })),
  ];
  const cached = new Map<string, Promise<boolean>>();
  const once = (key: string, check: () => Promise<boolean>) => {
    if (!cached.has(key)) cached.set(key, check());
    return cached.get(key)!;
  };
  const problems: FieldProblem[] = [];
  for (const { row, at } of rows) {
    if (!(await once(`d:${row.districtCode}`, () => districtInMunicipality(db, row.districtCode, municipalityCode))))
      problems.push({ name: `${at}.districtCode`, reason: `no district ${row.districtCode} here`, code: 'unknown' });
    if (!(await once(`o:${row.officerId}`, async () => !!(await findOfficer(db, municipalityCode, row.officerId)))))
      problems.push({ name: `${at}.officerId`, reason: 'no officer with this id here', code: 'unknown' });
    if ('categoryCode' in row) {
      const code = row.categoryCode;
      const isSubcategory = async () => (await findCategory(db, municipalityCode, code))?.parentCode != null;
      if (!(await once(`c:${code}`, isSubcategory)))
        problems.push({ name: `${at}.categoryCode`, reason: `no subcategory ${code} here`, code: 'unknown' });
    }
  }
  return problems;
}

/**
 * Loads field work as recorded: finished rounds (counted as stopped), contacts and observations, each
 * observation in the district given, with the neighbourhood of that district that covers its point. All or
 * nothing, and every problem at once. Rows carry no key that would recognise them, so loading twice loads
 * twice: the caller decides whether to load (the demo does only into a municipality without rounds).
 */
export async function importFieldwork(
  deps: { db: Db },
  municipalityCode: string,
  work: FieldworkImport,
): Promise<{ rounds: number; contacts: number; observations: number }> {
  const parsed = fieldworkImportSchema.safeParse(work);
  const problems = parsed.success
    ? await referenceProblems(deps.db, municipalityCode, parsed.data)
    : fieldProblemsFromIssues('fieldwork', parsed.error.issues);
  if (problems.length > 0 || !parsed.success)
    throw new DomainError('validation', `The field work cannot be imported: ${problems.length} problem(s).`, problems);
  const { rounds, contacts, observations } = parsed.data;

  await deps.db.transaction(async (tx) => {
    for (const round of rounds) await insertFinishedRound(tx, { municipalityCode, ...round });
    for (const contact of contacts)
      await insertContact(tx, {
        municipalityCode,
        ...contact,
        partnerTeamId: null,
        createdAt: contact.createdAt ?? contact.occurredAt,
      });
    const categoryIds = new Map<string, string>();
    for (const observation of observations) {
      const { categoryCode, rd, districtCode } = observation;
      if (!categoryIds.has(categoryCode))
        categoryIds.set(categoryCode, (await findCategory(tx, municipalityCode, categoryCode))!.id);
      await insertObservation(tx, {
        municipalityCode,
        ...observation,
        categoryId: categoryIds.get(categoryCode)!,
        neighbourhoodCode: await coveringNeighbourhood(tx, districtCode, rd),
        createdAt: observation.createdAt ?? observation.observedAt,
      });
    }
  });
  return { rounds: rounds.length, contacts: contacts.length, observations: observations.length };
}
