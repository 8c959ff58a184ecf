/** The routing area: what other areas may use. */
export { routeReport } from './route-report.ts';
export { decideRouting, loadRoutingSnapshot } from './decide-routing.ts';
export { countAssignment } from './open-report-counts.ts';
export { loadRoutingData, type RoutingData } from './routing-data.ts';
export { importTeamRules, type TeamRuleInput } from './import-team-rules.ts';
export type {
  RoutingDecision,
  RoutingInput,
  RoutingSnapshot,
  OfficerSnapshot,
  CoordinatorGroupSnapshot,
  RoutingRule,
  ReportSource,
  AssigneeKind,
} from './schemas.ts';
