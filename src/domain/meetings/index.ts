/** The district meetings (wijkraad) area: what other areas may use. */
export { countMeetingsPerDistrict } from './repository.ts';
export { createMeeting } from './create-meeting.ts';
export type { Meeting, PublicMeeting } from './schemas.ts';
