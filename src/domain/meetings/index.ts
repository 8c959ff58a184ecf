/** The district meetings (wijkraad) area: what other areas may use. */
export { registerMeetingRoutes, meetingEditors, meetingReaders } from './routes.ts';
export { countMeetingsPerDistrict } from './repository.ts';
export { createMeeting } from './create-meeting.ts';
export { seedDemoMeetings } from './seed-demo-meetings.ts';
export type { Meeting, PublicMeeting } from './schemas.ts';
