/**
 * What each role may do: one row per operation of the OpenAPI document, keyed "METHOD /path" as the document
 * writes it (relative to /api/v1). `test/authz/authz.test.ts` holds the running app to this table, and fails for
 * an operation without a row (it prints the row to add) and for a row whose operation is gone.
 *
 * - `allow`: 'public' (anyone, anonymous included), 'staff' (every signed-in role) or the roles that may call it.
 *   Anonymous callers get 401 on anything not public; a role not listed gets `refused` (403 unless hiding that
 *   the operation exists is the design).
 * - `scope`, for an operation with a record in its path: 'own' when only the caller's municipality's records are
 *   served (another municipality's answers 404, as if it did not exist), 'public' when any municipality's record
 *   is served to anyone (public pages by district code or tracking code).
 * - `recordBound`: allowed roles that may still be refused (403/404) for a record that is not theirs (an
 *   officer and another officer's absence, a partner and a report its team does not hold), with the reason.
 */
import type { Role } from '../../src/domain/people/index.ts';

export interface Access {
  allow: 'public' | 'staff' | readonly Role[];
  scope?: 'own' | 'public';
  refused?: 403 | 404;
  recordBound?: { roles: readonly Role[]; why: string };
}

export const accessTable: Record<string, Access> = {
  'GET /health': { allow: 'public' },
  'GET /municipalities/{municipalityCode}/categories': { allow: 'public', scope: 'public' },
  'GET /categories': { allow: ['administrator'] },
  'POST /categories': { allow: ['administrator'] },
  'PATCH /categories/{code}': { allow: ['administrator'], scope: 'own' },
  'GET /routing-rules': { allow: ['coordinator', 'team_manager', 'administrator'] },
  'PUT /routing-rules': { allow: ['coordinator', 'administrator'] },
  'GET /municipalities': { allow: 'public' },
  'GET /municipalities/{municipalityCode}': { allow: 'public', scope: 'public' },
  'GET /municipalities/{municipalityCode}/boroughs': { allow: 'public', scope: 'public' },
  'GET /municipalities/{municipalityCode}/districts': { allow: 'public', scope: 'public' },
  'GET /districts/{districtCode}': { allow: 'public', scope: 'public' },
  'GET /municipalities/{municipalityCode}/neighbourhoods': { allow: 'public', scope: 'public' },
  'GET /locate': { allow: 'public' },
  'POST /sessions': { allow: 'public' },
  'DELETE /sessions/current': { allow: 'staff' },
  'GET /me': { allow: 'staff' },
  'GET /officers': { allow: ['officer', 'coordinator', 'team_manager', 'analyst', 'contact_centre', 'administrator'] },
  'GET /officers/{officerId}': {
    allow: ['officer', 'coordinator', 'team_manager', 'analyst', 'contact_centre', 'administrator'],
    scope: 'own',
  },
  'PUT /officers/{officerId}/schedule': { allow: ['coordinator', 'team_manager', 'administrator'], scope: 'own' },
  'PUT /districts/{districtCode}/assignment': { allow: ['coordinator', 'team_manager', 'administrator'], scope: 'own' },
  'GET /districts/{districtCode}/assignments': {
    allow: ['officer', 'coordinator', 'team_manager', 'analyst', 'contact_centre', 'administrator'],
    scope: 'own',
  },
  'GET /teams': { allow: ['officer', 'coordinator', 'team_manager', 'analyst', 'contact_centre', 'administrator'] },
  'GET /coordinator-groups': {
    allow: ['officer', 'coordinator', 'team_manager', 'analyst', 'contact_centre', 'administrator'],
  },
  'GET /public/districts/{districtCode}/officer': { allow: 'public', scope: 'public' },
  'POST /officers/{officerId}/absences': {
    allow: ['officer', 'coordinator', 'team_manager', 'administrator'],
    scope: 'own',
  },
  'GET /officers/{officerId}/absences': {
    allow: ['officer', 'coordinator', 'team_manager', 'administrator'],
    scope: 'own',
  },
  'GET /absences': { allow: ['coordinator', 'team_manager', 'administrator'] },
  'DELETE /absences/{absenceId}': { allow: ['officer', 'coordinator', 'team_manager', 'administrator'], scope: 'own' },
  'POST /observations': { allow: ['officer'] },
  'GET /observations': { allow: ['officer', 'coordinator', 'team_manager', 'analyst'] },
  'POST /contacts': { allow: ['officer'] },
  'GET /contacts': { allow: ['officer', 'coordinator', 'team_manager', 'analyst'] },
  'POST /presence/rounds': { allow: ['officer'] },
  'GET /presence/rounds': { allow: ['officer', 'coordinator', 'team_manager', 'analyst'] },
  'POST /presence/rounds/current/stop': { allow: ['officer'] },
  'GET /presence/rounds/current': { allow: ['officer'] },
  'GET /visibility': { allow: ['coordinator', 'team_manager', 'analyst'] },
  'POST /district-meetings': { allow: ['officer', 'coordinator', 'administrator'] },
  'GET /district-meetings': { allow: ['officer', 'coordinator', 'team_manager', 'analyst'] },
  'PATCH /district-meetings/{meetingId}': { allow: ['officer', 'coordinator', 'administrator'], scope: 'own' },
  'DELETE /district-meetings/{meetingId}': { allow: ['officer', 'coordinator', 'administrator'], scope: 'own' },
  'GET /public/districts/{districtCode}/meetings': { allow: 'public', scope: 'public' },
  'POST /reports': { allow: 'public' },
  'GET /reports': { allow: 'staff' },
  'GET /reports/{reportId}': { allow: 'staff', scope: 'own' },
  'POST /reports/{reportId}/status': {
    allow: ['officer', 'coordinator', 'team_manager', 'partner', 'administrator'],
    scope: 'own',
  },
  'POST /reports/{reportId}/assignment': {
    allow: ['officer', 'coordinator', 'team_manager', 'contact_centre', 'administrator'],
    scope: 'own',
  },
  'POST /reports/{reportId}/notes': {
    allow: ['officer', 'coordinator', 'team_manager', 'contact_centre', 'partner', 'administrator'],
    scope: 'own',
  },
  'GET /public/reports/{trackingCode}': { allow: 'public', scope: 'public' },
  'GET /public/reports/nearby': { allow: 'public' },
  'GET /public/districts/{districtCode}/reports': { allow: 'public', scope: 'public' },
  'POST /public/report-followers': { allow: 'public' },
  'GET /addresses/suggest': { allow: 'public' },
  'GET /addresses/{addressId}': { allow: 'public', scope: 'public' },
  'GET /reports/{reportId}/photos': { allow: 'staff', scope: 'own' },
  'GET /observations/{observationId}/photos': {
    allow: ['officer', 'coordinator', 'team_manager', 'analyst'],
    scope: 'own',
  },
  'POST /observations/{observationId}/photos': { allow: ['officer'], scope: 'own' },
  'GET /photos/{photoId}': { allow: 'staff', scope: 'own' },
  'GET /dashboards/team-board': { allow: ['coordinator', 'team_manager', 'administrator'] },
  'GET /dashboards/overview': { allow: ['coordinator', 'team_manager', 'analyst', 'administrator'] },
  'POST /public/reports/{trackingCode}/photos': { allow: 'public', scope: 'public' },
  'GET /analysis/hotspots': { allow: ['coordinator', 'team_manager', 'analyst', 'administrator'] },
  'GET /analysis/time-profile': { allow: ['coordinator', 'team_manager', 'analyst', 'administrator'] },
  'GET /analysis/unreported': { allow: ['coordinator', 'team_manager', 'analyst', 'administrator'] },
  'GET /analysis/visibility': { allow: ['coordinator', 'team_manager', 'analyst', 'administrator'] },
  'POST /analysis/surveys': { allow: ['administrator'] },
  'GET /analysis/forecast': { allow: ['coordinator', 'team_manager', 'analyst', 'administrator'] },
  'POST /analysis/patrol-plans': { allow: ['coordinator', 'analyst', 'administrator'] },
  'GET /patrol-plans': { allow: ['officer', 'coordinator', 'team_manager', 'analyst', 'administrator'] },
  'GET /patrol-plans/mine': { allow: ['officer'] },
  'POST /patrol-plans/calendar-token': { allow: ['officer'] },
  'GET /patrol-plans/{officerId}/calendar': { allow: 'public', scope: 'public' },
  'GET /patrol-plans/{planId}/evaluation': {
    allow: ['officer', 'coordinator', 'team_manager', 'analyst', 'administrator'],
    scope: 'own',
  },
  'GET /exports/signalen': { allow: ['administrator'] },
  'POST /privacy/requests/search': { allow: ['administrator'] },
  'POST /privacy/requests/erase': { allow: ['administrator'] },
  'GET /ui-config': { allow: 'public' },
  'POST /routing/preview': { allow: ['administrator', 'coordinator', 'team_manager'] },
  'POST /teams': { allow: ['administrator'] },
  'PATCH /teams/{teamId}': { allow: ['administrator'], scope: 'own' },
  'POST /coordinator-groups': { allow: ['administrator'] },
  'PATCH /coordinator-groups/{groupId}': { allow: ['administrator'], scope: 'own' },
  'GET /boroughs': { allow: ['coordinator', 'team_manager', 'administrator'] },
  'GET /district-assignments': { allow: ['coordinator', 'team_manager', 'administrator'] },
  // {userId} is a throwaway account per municipality: deactivating and resetting it signs no caller out.
  'GET /users': { allow: ['administrator'] },
  'POST /users': { allow: ['administrator'] },
  'PATCH /users/{userId}': { allow: ['administrator'], scope: 'own' },
  'POST /users/{userId}/deactivate': { allow: ['administrator'], scope: 'own' },
  'POST /users/{userId}/reactivate': { allow: ['administrator'], scope: 'own' },
  'POST /users/{userId}/password-reset': { allow: ['administrator'], scope: 'own' },
  'PUT /me/password': { allow: 'staff' },
  'GET /me/password-status': { allow: 'staff' },
  'PUT /officers/{officerId}/profile': { allow: ['administrator'], scope: 'own' },
  'PUT /officers/{officerId}/district-days': {
    allow: ['officer', 'coordinator', 'team_manager', 'administrator'],
    scope: 'own',
  },
  'PUT /officers/{officerId}/photo': { allow: ['administrator'], scope: 'own' },
  'GET /public/officer-photos/{photoId}': { allow: 'public', scope: 'public' },
  'GET /oidc/role-mappings': { allow: ['administrator'] },
  'PUT /oidc/role-mappings': { allow: ['administrator'] },
  'POST /reports/{reportId}/duplicate-of': {
    allow: ['officer', 'coordinator', 'team_manager', 'contact_centre', 'administrator'],
    scope: 'own',
  },
  'GET /reports/{reportId}/deliveries': { allow: 'staff', scope: 'own' },
  // The signed link is the key: any municipality's report, anyone who holds it (test/authz/requests.ts pathRecordKey).
  'GET /public/feedback/{token}': { allow: 'public', scope: 'public' },
  'POST /public/feedback/{token}': { allow: 'public', scope: 'public' },
  'GET /public/answers/{token}': { allow: 'public', scope: 'public' },
  'POST /public/answers/{token}': { allow: 'public', scope: 'public' },
  'POST /public/report-followers/unsubscribe': { allow: 'public' },
  // {reportId} here is a report forwarded to the partner's organisation in each municipality.
  'GET /partner/reports': { allow: ['partner'] },
  'POST /partner/reports/{reportId}/accept': { allow: ['partner'], scope: 'own' },
  'POST /partner/reports/{reportId}/send-back': { allow: ['partner'], scope: 'own' },
  'POST /partner/reports/{reportId}/resolve': { allow: ['partner'], scope: 'own' },
  'GET /outbox/status': { allow: ['administrator'] },
  'GET /outbox/failed': { allow: ['administrator'] },
  'GET /partners/{partnerId}/delivery-channel': { allow: ['administrator'], scope: 'own' },
  'PUT /partners/{partnerId}/delivery-channel': { allow: ['administrator'], scope: 'own' },
  'GET /audit-log': { allow: ['administrator'] },
  'GET /municipality/settings': { allow: ['administrator'] },
  'PATCH /municipality/settings': { allow: ['administrator'] },
};
