/** Dashboards: read-only aggregates for the staff screens (team board, management overview). */
export { teamBoard } from './team-board.ts';
export { managementOverview } from './overview.ts';
export type { TeamBoard, Overview } from './schemas.ts';
