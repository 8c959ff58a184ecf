import { type App, type AppDeps, currentStaff, requireRoles, problemSchema } from '../../http/route-kit.ts';
import type { Role } from '../people/index.ts';
import { managementOverview } from './overview.ts';
import { overviewQuerySchema, overviewSchema, teamBoardSchema } from './schemas.ts';
import { teamBoard } from './team-board.ts';

/** Who plans the team: coordinators and the team manager. */
export const teamBoardReaders: readonly Role[] = ['coordinator', 'team_manager', 'administrator'];
/** Who reads the management numbers: the planners plus the analyst. */
export const overviewReaders: readonly Role[] = ['coordinator', 'team_manager', 'analyst', 'administrator'];

const tags = ['dashboards'];
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/** Read-only aggregates for the staff screens; roles are checked before the query string is read. */
export function registerDashboardRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/dashboards/team-board',
    {
      onRequest: requireRoles(...teamBoardReaders),
      schema: {
        tags,
        summary:
          'Team board: district days and absences today, open and overdue reports per officer, district and other assignee',
        response: { 200: teamBoardSchema, ...problems },
      },
    },
    async (request) => teamBoard(deps, currentStaff(request)),
  );

  app.get(
    '/api/v1/dashboards/overview',
    {
      onRequest: requireRoles(...overviewReaders),
      schema: {
        tags,
        summary:
          "Management overview: reports per week by main category and borough, share resolved within the deadline, residents' satisfaction and reopen rate per category and district",
        querystring: overviewQuerySchema,
        response: { 200: overviewSchema, ...problems },
      },
    },
    async (request) => managementOverview(deps, currentStaff(request), request.query),
  );
}
