/**
 * The API contract as the web app sees it: every request and response shape is the server's own zod schema
 * type, so changing a response on the server fails `npm run typecheck` (tsc -p web) wherever the UI reads it.
 * Type-only imports: none of this reaches the browser bundle, and the web never imports server code it runs.
 */
import type { z } from 'zod';
import type * as analysis from '../../../src/domain/analysis/schemas.ts';
import type * as addresses from '../../../src/domain/addresses/schemas.ts';
import type * as categories from '../../../src/domain/categories/schemas.ts';
import type * as dashboards from '../../../src/domain/dashboards/schemas.ts';
import type * as feedback from '../../../src/domain/feedback/schemas.ts';
import type * as fieldwork from '../../../src/domain/fieldwork/schemas.ts';
import type * as geography from '../../../src/domain/geography/schemas.ts';
import type * as meetings from '../../../src/domain/meetings/schemas.ts';
import type * as outbox from '../../../src/domain/outbox/schemas.ts';
import type * as people from '../../../src/domain/people/schemas.ts';
import type * as peopleAdmin from '../../../src/domain/people/schemas-admin.ts';
import type * as photos from '../../../src/domain/photos/schemas.ts';
import type * as publicReports from '../../../src/domain/reports/public-reports-schemas.ts';
import type * as reports from '../../../src/domain/reports/schemas.ts';
import type * as workflow from '../../../src/domain/reports/workflow.ts';
import type * as audit from '../../../src/domain/audit/schemas.ts';
import type * as routing from '../../../src/domain/routing/schemas.ts';
import type * as settings from '../../../src/domain/settings/schemas.ts';
import type { problemSchema } from '../../../src/http/route-kit.ts';

type Out<Schema extends z.ZodType> = z.output<Schema>;
type In<Schema extends z.ZodType> = z.input<Schema>;

// ── Shared ─────────────────────────────────────────────────────────────────────
export type { UiConfig } from '../../../src/http/web.ts';
export type ServerProblem = Out<typeof problemSchema>;
export type FieldProblem = NonNullable<ServerProblem['invalidParams']>[number];

// ── Workflow (src/domain/reports/workflow.ts) ──────────────────────────────────
export type ReportStatus = workflow.ReportStatus;
export type AllowedTransitions = workflow.AllowedTransitions;
export type ClosedStatus = (typeof workflow.closedStatuses)[number];
export type TextRequiredStatus = (typeof workflow.textRequiredStatuses)[number];
export type ReporterTextStatus = (typeof workflow.reporterTextStatuses)[number];

// ── Geography, categories, addresses ───────────────────────────────────────────
export type LocatedPoint = Out<typeof geography.locatedPointSchema>;
export type DistrictCollection = Out<typeof geography.districtCollectionSchema>;
export type CategoryTree = Out<typeof categories.categoryTreeSchema>;
export type AddressSuggestionList = Out<typeof addresses.suggestionListSchema>;
export type Address = Out<typeof addresses.addressSchema>;

// ── Reports ────────────────────────────────────────────────────────────────────
export type CreateReportBody = In<typeof reports.createReportBodySchema>;
export type CreatedReport = Out<typeof reports.createdReportSchema>;
export type ChangeStatusBody = In<typeof reports.changeStatusBodySchema>;
export type AssignBody = In<typeof reports.assignBodySchema>;
export type NoteBody = In<typeof reports.noteBodySchema>;
export type SendBackBody = In<typeof reports.sendBackBodySchema>;
export type ResolveByPartnerBody = In<typeof reports.resolveByPartnerBodySchema>;
export type ReportSummary = Out<typeof reports.reportSummarySchema>;
export type ReportList = Out<typeof reports.reportListSchema>;
export type ReportDetail = Out<typeof reports.reportDetailSchema>;
export type HistoryEntry = ReportDetail['history'][number];
export type Assignee = ReportSummary['assignee'];
export type PublicReportStatus = Out<typeof reports.publicReportStatusSchema>;
export type NearbyPublicReports = Out<typeof publicReports.nearbyPublicReportsSchema>;
export type NearbyPublicReport = Out<typeof publicReports.nearbyPublicReportSchema>;
export type DistrictReportCollection = Out<typeof publicReports.districtReportCollectionSchema>;
export type DistrictReportFeature = DistrictReportCollection['features'][number];
export type PublicCategory = NearbyPublicReport['category'];
export type FollowReportBody = In<typeof publicReports.followReportBodySchema>;
export type FollowReceipt = Out<typeof publicReports.followReceiptSchema>;
export type FeedbackForm = Out<typeof feedback.feedbackFormSchema>;
export type FeedbackBody = In<typeof feedback.feedbackBodySchema>;
export type FeedbackReceipt = Out<typeof feedback.feedbackReceiptSchema>;
export type AnswerForm = Out<typeof feedback.answerFormSchema>;
export type AnswerBody = In<typeof feedback.answerBodySchema>;
export type AnswerReceipt = Out<typeof feedback.answerReceiptSchema>;

// ── Outbox ─────────────────────────────────────────────────────────────────────
export type DeliveryList = Out<typeof outbox.deliveryListSchema>;
export type Delivery = DeliveryList['items'][number];

// ── Photos ─────────────────────────────────────────────────────────────────────
export type Photo = Out<typeof photos.photoSchema>;
export type PhotoList = Out<typeof photos.photoListSchema>;
export type UploadReceipt = Out<typeof photos.uploadReceiptSchema>;

// ── People ─────────────────────────────────────────────────────────────────────
export type StaffUser = Out<typeof people.staffUserSchema>;
export type Role = StaffUser['roles'][number];
export type LoginBody = In<typeof people.loginBodySchema>;
export type LoginResponse = Out<typeof people.loginResponseSchema>;
export type Officer = Out<typeof people.officerSchema>;
export type Team = Out<typeof people.teamSchema>;
export type CoordinatorGroup = Out<typeof people.coordinatorGroupSchema>;
export type AbsenceBody = In<typeof people.absenceBodySchema>;
/** POST /officers/{id}/absences declares this object inline in its route; its parts are the schemas'. */
export type AbsenceCreated = {
  absence: Out<typeof people.absenceSchema>;
  reroutedReports: number;
  reroutedOverdueReports: number;
};
export type OfficerCard = Out<typeof people.publicOfficerCardSchema>;
export type ScheduleBody = In<typeof people.scheduleBodySchema>;
export type Assignment = Out<typeof people.assignmentSchema>;
export type AssignmentBody = In<typeof people.assignmentBodySchema>;
export type Absence = Out<typeof people.absenceSchema>;

// ── Administration of people (src/domain/people/schemas-admin.ts) ───────────────
export type AdminUser = Out<typeof peopleAdmin.adminUserSchema>;
export type UsersQuery = In<typeof peopleAdmin.usersQuerySchema>;
export type CreateUserBody = In<typeof peopleAdmin.createUserBodySchema>;
export type CreatedUser = Out<typeof peopleAdmin.createdUserSchema>;
export type UpdateUserBody = In<typeof peopleAdmin.updateUserBodySchema>;
export type DeactivatedUser = Out<typeof peopleAdmin.deactivatedUserSchema>;
export type PasswordReset = Out<typeof peopleAdmin.passwordResetSchema>;
export type OfficerProfileBody = In<typeof peopleAdmin.officerProfileBodySchema>;
export type CreateTeamBody = In<typeof peopleAdmin.createTeamBodySchema>;
export type CreateGroupBody = In<typeof peopleAdmin.createGroupBodySchema>;
export type UpdateGroupBody = In<typeof peopleAdmin.updateGroupBodySchema>;
export type DistrictDuty = Out<typeof peopleAdmin.districtDutySchema>;
export type Borough = Out<typeof peopleAdmin.boroughSchema>;
export type PasswordStatus = Out<typeof peopleAdmin.passwordStatusSchema>;
export type OwnPasswordBody = In<typeof peopleAdmin.ownPasswordBodySchema>;

// ── Field work, meetings, dashboards ───────────────────────────────────────────
export type LogObservationBody = In<typeof fieldwork.logObservationBodySchema>;
export type Observation = Out<typeof fieldwork.observationSchema>;
export type LogContactBody = In<typeof fieldwork.logContactBodySchema>;
export type Contact = Out<typeof fieldwork.contactSchema>;
export type Round = Out<typeof fieldwork.roundSchema>;
export type CurrentRound = Out<typeof fieldwork.currentRoundSchema>;
export type StartedRound = Out<typeof fieldwork.startedRoundSchema>;
export type Visibility = Out<typeof fieldwork.visibilitySchema>;
export type PublicMeetingList = Out<typeof meetings.publicMeetingListSchema>;
export type PublicMeeting = Out<typeof meetings.publicMeetingSchema>;
export type Meeting = Out<typeof meetings.meetingSchema>;
export type MeetingList = Out<typeof meetings.meetingListSchema>;
export type CreateMeetingBody = In<typeof meetings.createMeetingBodySchema>;
export type TeamBoard = Out<typeof dashboards.teamBoardSchema>;
export type Overview = Out<typeof dashboards.overviewSchema>;

// ── Analysis and patrol plans (src/domain/analysis/schemas.ts) ──────────────────
export type AnalysisSource = analysis.Source;
export type HotspotQuery = In<typeof analysis.hotspotQuerySchema>;
export type HotspotMap = Out<typeof analysis.hotspotMapSchema>;
export type HotspotCell = HotspotMap['features'][number];
export type TimeProfile = Out<typeof analysis.timeProfileSchema>;
export type AnalysisTrend = TimeProfile['weekOverWeek'];
export type Forecast = Out<typeof analysis.forecastSchema>;
export type CoverageFigures = Forecast['backtest']['chosen']['coverages'][number];
export type Unreported = Out<typeof analysis.unreportedSchema>;
export type AnalysisVisibility = Out<typeof analysis.visibilitySchema>;
export type SurveyImportResult = Out<typeof analysis.surveyImportResultSchema>;
export type PatrolPlan = Out<typeof analysis.patrolPlanSchema>;
export type PatrolVisit = Out<typeof analysis.patrolVisitSchema>;
export type PatrolPlanList = Out<typeof analysis.patrolPlanListSchema>;
export type PatrolPlanEvaluation = Out<typeof analysis.patrolPlanEvaluationSchema>;
export type MyPatrolPlans = Out<typeof analysis.myPatrolPlansSchema>;
export type CalendarToken = Out<typeof analysis.calendarTokenSchema>;

// ── Administration: categories, municipality settings, routing rules, audit log ──
export type AdminCategory = Out<typeof categories.adminCategorySchema>;
export type CreateCategoryBody = In<typeof categories.createCategoryBodySchema>;
export type UpdateCategoryBody = In<typeof categories.updateCategoryBodySchema>;
export type MunicipalitySettings = Out<typeof settings.municipalitySettingsSchema>;
export type UpdateSettingsBody = In<typeof settings.updateSettingsBodySchema>;
export type RoutingRuleView = Out<typeof routing.ruleSchema>;
export type RoutingRuleInput = In<typeof routing.ruleInputSchema>;
export type RoutingPreviewBody = In<typeof routing.routingPreviewBodySchema>;
export type RoutingPreview = Out<typeof routing.routingPreviewSchema>;
export type ReportSourceName = RoutingPreview['source'];
export type AuditPage = Out<typeof audit.auditPageSchema>;
export type AuditEntry = Out<typeof audit.auditEntrySchema>;
