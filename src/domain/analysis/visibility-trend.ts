/**
 * GET /analysis/visibility: per district and year, presence hours, contacts and wijkraad meetings (from the
 * field-work area) next to the survey results, with a least-squares trend per district.
 */
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { districtVisibility, type Visibility as FieldworkVisibility } from '../fieldwork/index.ts';
import type { StaffUser } from '../people/index.ts';
import { toCsv } from './csv.ts';
import { districtNames, surveyResults, yearStarts } from './repository-surveys.ts';
import { municipalityTimeZone } from './resolve-scope.ts';
import type { Visibility, VisibilityQuery } from './schemas.ts';

const DEFAULT_YEARS = 5;

/** Slope of the least-squares line through (x, y); null with fewer than two distinct x. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number | null {
  if (new Set(points.map(([x]) => x)).size < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return num / den;
}

export async function visibilityByYear(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  query: VisibilityQuery,
): Promise<Visibility> {
  const toYear = query.toYear ?? deps.clock.now().getUTCFullYear();
  const fromYear = query.fromYear ?? toYear - (DEFAULT_YEARS - 1);
  if (fromYear > toYear) {
    throw new DomainError('validation', 'fromYear must not lie after toYear', [
      { name: 'query.fromYear', reason: 'must not lie after toYear' },
    ]);
  }
  const municipality = viewer.municipalityCode;
  const names = await districtNames(deps.db, municipality);
  if (query.district && !names.has(query.district)) {
    throw new DomainError('validation', 'unknown district', [
      { name: 'query.district', reason: 'unknown district in this municipality' },
    ]);
  }
  const starts = await yearStarts(deps.db, await municipalityTimeZone(deps.db, municipality), fromYear, toYear);
  const now = deps.clock.now();
  const perYear: Array<FieldworkVisibility['districts']> = [];
  for (let i = 0; i < starts.length - 1; i++) {
    const from = starts[i]!;
    const to = new Date(Math.min(starts[i + 1]!.getTime(), now.getTime()));
    perYear.push(
      from < to
        ? (await districtVisibility(deps, viewer, { from: from.toISOString(), to: to.toISOString() })).districts
        : [],
    );
  }
  const surveys = await surveyResults(deps.db, municipality, fromYear, toYear);
  const codes = query.district ? [query.district] : [...names.keys()];
  return {
    fromYear,
    toYear,
    districts: codes.map((code) => {
      const years = perYear.map((districts, i) => {
        const activity = districts.find((d) => d.districtCode === code);
        const year = fromYear + i;
        return {
          year,
          presenceHours: activity?.hoursPresent ?? 0,
          contacts: activity?.contacts ?? 0,
          meetings: activity?.meetings ?? 0,
          surveys: surveys
            .filter((s) => s.districtCode === code && s.year === year)
            .map(({ question, share, respondents }) => ({ question, share, respondents })),
        };
      });
      const surveyPoints = years.flatMap((y) => (y.surveys[0] ? [[y.year, y.surveys[0].share] as const] : []));
      return {
        code,
        name: names.get(code)!,
        years,
        surveyTrend: slope(surveyPoints),
        presenceTrend: slope(years.map((y) => [y.year, y.presenceHours] as const)),
      };
    }),
  };
}

export function visibilityCsv(view: Visibility): string {
  return toCsv(
    [
      'districtCode',
      'districtName',
      'year',
      'presenceHours',
      'contacts',
      'meetings',
      'question',
      'share',
      'respondents',
    ],
    view.districts.flatMap((d) =>
      d.years.flatMap((y) =>
        (y.surveys.length ? y.surveys : [null]).map((s) => [
          d.code,
          d.name,
          y.year,
          y.presenceHours,
          y.contacts,
          y.meetings,
          s?.question,
          s?.share,
          s?.respondents,
        ]),
      ),
    ),
  );
}
