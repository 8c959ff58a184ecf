/**
 * Activity for the Haarlem demo, on top of `seedDemo` (geography, categories, team, rules): field work,
 * wijkraad meetings and sample reports, so worklists, the team board and the charts have content.
 * Kept apart from `seedDemo` because the test template database is built from that and tests assume
 * no sample reports. Each part does nothing when its data exists already, so running it twice is safe.
 */
import type { Db } from '../db.ts';
import type { Clock } from '../../shared/clock.ts';
import { seedDemoAnalysis, type DemoAnalysisCounts } from './demo-analysis.ts';
import { seedDemoFieldwork } from './demo-fieldwork.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoReports, type DemoReportCounts } from './demo-reports.ts';

export interface DemoActivitySummary {
  fieldwork: { rounds: number; contacts: number; observations: number };
  meetings: { created: number };
  reports: DemoReportCounts;
  analysis: DemoAnalysisCounts;
}

export async function seedDemoActivity(
  db: Db,
  options: {
    clock: Clock;
    onStep?: (step: string) => void;
    onReportProgress?: (done: number, total: number) => void;
    reportCount?: number;
  },
): Promise<DemoActivitySummary> {
  const step = options.onStep ?? (() => undefined);
  step('field work (four weeks of rounds, contacts, observations)');
  const fieldwork = await seedDemoFieldwork({ db, clock: options.clock });
  step('wijkraad meetings');
  const meetings = await seedDemoMeetings({ db, clock: options.clock });
  step('sample reports (eight weeks)');
  const reports = await seedDemoReports(db, {
    now: options.clock.now(),
    ...(options.reportCount !== undefined ? { count: options.reportCount } : {}),
    ...(options.onReportProgress ? { onProgress: options.onReportProgress } : {}),
  });
  step('analysis (hotspots over 12 weeks, observations, survey 2024–2025, next week’s patrol plans)');
  const analysis = await seedDemoAnalysis({ db, clock: options.clock });
  return { fieldwork, meetings, reports, analysis };
}
