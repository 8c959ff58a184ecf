/** The read-only aggregates of the team board and the management overview. */
import { apiGet } from './client.ts';
import type { Overview, TeamBoard } from './contract.ts';

export const teamBoard = () => apiGet<TeamBoard>('/api/v1/dashboards/team-board');

/** `period` is the query string `from=…&to=…`. */
export const managementOverview = (period: string) => apiGet<Overview>(`/api/v1/dashboards/overview?${period}`);
