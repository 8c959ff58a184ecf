import { type App, type AppDeps, currentStaff, requireRoles, problemSchema } from '../../http/route-kit.ts';
import { crsHeaderValue, parseCrs } from '../geography/index.ts';
import { currentRound } from './current-round.ts';
import { listContacts } from './list-contacts.ts';
import { listObservations } from './list-observations.ts';
import { listRounds } from './list-rounds.ts';
import { logContact } from './log-contact.ts';
import { logObservation } from './log-observation.ts';
import {
  contactListSchema,
  contactSchema,
  currentRoundSchema,
  listContactsQuerySchema,
  listObservationsQuerySchema,
  listRoundsQuerySchema,
  logContactBodySchema,
  logObservationBodySchema,
  observationListSchema,
  observationSchema,
  roundListSchema,
  roundSchema,
  startedRoundSchema,
  startRoundBodySchema,
  visibilityQuerySchema,
  visibilitySchema,
} from './schemas.ts';
import { startRound } from './start-round.ts';
import { stopRound } from './stop-round.ts';
import { districtVisibility } from './visibility.ts';
import { fieldworkReaders, visibilityReaders } from './readers.ts';

const staffProblems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const onlyOfficers = requireRoles('officer');
const readers = requireRoles(...fieldworkReaders);
const crs84 = crsHeaderValue('CRS84');

export function registerFieldworkRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/v1/observations',
    {
      preHandler: onlyOfficers,
      schema: {
        tags: ['field work'],
        summary:
          'Log nuisance you see yourself, reported or not (officer). Location in CRS84 unless Content-Crs says EPSG:28992 or EPSG:4258.',
        body: logObservationBodySchema,
        response: { 201: observationSchema, ...staffProblems, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const crs = parseCrs(request.headers['content-crs'] as string | undefined, 'header.content-crs');
      const observation = await logObservation(deps, currentStaff(request), request.body, crs);
      return reply.status(201).header('Content-Crs', crs84).send(observation);
    },
  );

  app.get(
    '/api/v1/observations',
    {
      preHandler: readers,
      schema: {
        tags: ['field work'],
        summary: 'Observations of your municipality, newest first (officer, coordinator, team manager, analyst)',
        querystring: listObservationsQuerySchema,
        response: { 200: observationListSchema, ...staffProblems },
      },
    },
    async (request, reply) => {
      const list = await listObservations(deps, currentStaff(request), request.query);
      return reply.header('Content-Crs', crs84).send(list);
    },
  );

  app.post(
    '/api/v1/contacts',
    {
      preHandler: onlyOfficers,
      schema: {
        tags: ['field work'],
        summary:
          'Log a talk in the district (officer). The topic must not contain personal data: no names, addresses, phone numbers or e-mail addresses.',
        body: logContactBodySchema,
        response: { 201: contactSchema, ...staffProblems },
      },
    },
    async (request, reply) => reply.status(201).send(await logContact(deps, currentStaff(request), request.body)),
  );

  app.get(
    '/api/v1/contacts',
    {
      preHandler: readers,
      schema: {
        tags: ['field work'],
        summary: 'Contacts of your municipality, newest first (officer, coordinator, team manager, analyst)',
        querystring: listContactsQuerySchema,
        response: { 200: contactListSchema, ...staffProblems },
      },
    },
    async (request) => listContacts(deps, currentStaff(request), request.query),
  );

  app.post(
    '/api/v1/presence/rounds',
    {
      preHandler: onlyOfficers,
      schema: {
        tags: ['presence'],
        summary: 'Start a district round (officer). A round still open is closed at this moment.',
        body: startRoundBodySchema,
        response: { 201: startedRoundSchema, ...staffProblems, 409: problemSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startRound(deps, currentStaff(request), request.body.districtCode)),
  );

  app.post(
    '/api/v1/presence/rounds/current/stop',
    {
      preHandler: onlyOfficers,
      schema: {
        tags: ['presence'],
        summary: 'Stop your open district round (officer); 409 when none is open',
        response: { 200: roundSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (request) => stopRound(deps, currentStaff(request)),
  );

  app.get(
    '/api/v1/presence/rounds/current',
    {
      preHandler: onlyOfficers,
      schema: {
        tags: ['presence'],
        summary: 'Your open district round, or null (officer)',
        response: { 200: currentRoundSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => ({ round: await currentRound(deps, currentStaff(request)) }),
  );

  app.get(
    '/api/v1/presence/rounds',
    {
      preHandler: readers,
      schema: {
        tags: ['presence'],
        summary:
          'District rounds overlapping the period, newest first, with the hours they count (officer, coordinator, team manager, analyst)',
        description:
          'A round counts from its start to its stop, at most 8 hours. A round left open (or closed only because the officer started the next one) ' +
          "counts until the officer's work end on the day it started, and never more than 8 hours.",
        querystring: listRoundsQuerySchema,
        response: { 200: roundListSchema, ...staffProblems },
      },
    },
    async (request) => listRounds(deps, currentStaff(request), request.query),
  );

  app.get(
    '/api/v1/visibility',
    {
      preHandler: requireRoles(...visibilityReaders),
      schema: {
        tags: ['field work'],
        summary:
          'Visibility per district: hours present on rounds, contacts and council meetings in the period (coordinator, team manager, analyst)',
        querystring: visibilityQuerySchema,
        response: { 200: visibilitySchema, ...staffProblems },
      },
    },
    async (request) => districtVisibility(deps, currentStaff(request), request.query),
  );
}
