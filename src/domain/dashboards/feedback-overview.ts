import type { Queryable } from '../../db/db.ts';
import { districtNames, feedbackFigures, type FeedbackFigureRow } from './repository-feedback.ts';
import type { FeedbackOverview } from './schemas.ts';

function figures(row: FeedbackFigureRow) {
  return {
    resolved: row.resolved,
    reopened: row.reopened,
    reopenedByReporter: row.reopened_by_reporter,
    reopenRate: row.resolved > 0 ? row.reopened / row.resolved : null,
    responses: row.responses,
    solved: row.solved,
    meanSatisfaction: row.mean_satisfaction === null ? null : Number(row.mean_satisfaction),
  };
}

/** Satisfaction (mean, n) and reopen rate per main category and per district, for the management overview. */
export async function feedbackOverview(
  db: Queryable,
  municipalityCode: string,
  period: { from: Date; to: Date },
): Promise<FeedbackOverview> {
  const [byCategory, byDistrict, names] = await Promise.all([
    feedbackFigures(db, municipalityCode, period.from, period.to, 'category'),
    feedbackFigures(db, municipalityCode, period.from, period.to, 'district'),
    districtNames(db, municipalityCode),
  ]);
  return {
    byCategory: byCategory.map((row) => ({ categoryCode: row.key, ...figures(row) })),
    byDistrict: byDistrict.map((row) => ({
      districtCode: row.key,
      districtName: names.get(row.key) ?? row.key,
      ...figures(row),
    })),
  };
}
