/**
 * Request and response schemas of the analyst's API (hotspots, time profile, forecast, unreported,
 * visibility, surveys) and of patrol plans. One schema per request/response so the OpenAPI document
 * stays complete; the analyst's screens are built from these types.
 */
import { z } from 'zod';
import { dateInput, dateTimeInput } from '../../shared/time/index.ts';

const timestamp = z.string().describe('ISO 8601 timestamp with zone');
const localDate = dateInput({ error: 'a date YYYY-MM-DD' });
const text = z.object({ nl: z.string(), en: z.string() });

export const MIN_CELL_SIZE = 50;
export const MAX_CELL_SIZE = 1000;
export const DEFAULT_CELL_SIZE = 125;

// ── Filters ───────────────────────────────────────────────────────────────────
export const sources = ['reports', 'observations', 'both'] as const;
export type Source = (typeof sources)[number];
export const formats = ['json', 'csv', 'geojson'] as const;
export type Format = (typeof formats)[number];

const filterFields = {
  from: dateTimeInput().optional().describe('Start of the period (inclusive). Default: `to` − 12 weeks'),
  to: dateTimeInput().optional().describe('End of the period (exclusive). Default: now'),
  category: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional()
    .describe('A main category code (all its subcategories) or a subcategory code'),
  district: z
    .string()
    .regex(/^WK[0-9]{6}$/)
    .optional()
    .describe('CBS district code'),
  borough: z.string().min(1).max(100).optional().describe('Borough code'),
  format: z.enum(formats).optional().describe('`csv` (or `Accept: text/csv`), `geojson` for the map views'),
};

export const analysisFilterQuerySchema = z.object({
  ...filterFields,
  source: z.enum(sources).default('reports').describe('Resident reports, officer observations, or both'),
});
export type AnalysisFilterQuery = z.infer<typeof analysisFilterQuerySchema>;

export const hotspotQuerySchema = analysisFilterQuerySchema.extend({
  cellSize: z.coerce
    .number()
    .int()
    .min(MIN_CELL_SIZE)
    .max(MAX_CELL_SIZE)
    .default(DEFAULT_CELL_SIZE)
    .describe('Grid cell size in metres (RD New)'),
  crs: z.string().optional().describe('CRS of the cell polygons: CRS84 (default) or EPSG:28992'),
});
export type HotspotQuery = z.infer<typeof hotspotQuerySchema>;

/** The filters as the server applied them (defaults filled in). */
export const appliedFiltersSchema = z.object({
  from: timestamp,
  to: timestamp,
  category: z.string().nullable(),
  district: z.string().nullable(),
  borough: z.string().nullable(),
  source: z.enum(sources),
});
export type AppliedFilters = z.infer<typeof appliedFiltersSchema>;

// ── Hotspots ──────────────────────────────────────────────────────────────────
export const hotspotClasses = ['hot-99.9', 'hot-95', 'none', 'cold-95', 'cold-99.9'] as const;

export const hotspotCellPropertiesSchema = z.object({
  cellId: z.string().describe('`col:row` with col = floor(x / cellSize), row = floor(y / cellSize) in RD New'),
  col: z.number().int(),
  row: z.number().int(),
  count: z.number().int(),
  z: z.number().describe('Getis-Ord Gi* z-score, binary queen contiguity including the cell itself'),
  zRowStandardised: z.number().describe('Gi* z-score with row-standardised weights'),
  class: z.enum(hotspotClasses).describe('hot-99.9: z > 3.29; hot-95: z > 1.96 (binary weights)'),
});
export type HotspotCellProperties = z.infer<typeof hotspotCellPropertiesSchema>;

const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))),
});

export const hotspotMapSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: polygonSchema,
      properties: hotspotCellPropertiesSchema,
    }),
  ),
  crs: z.enum(['CRS84', 'EPSG:28992', 'EPSG:4258']),
  cellSize: z.number().int(),
  studyCells: z.number().int().describe('Cells of the study region (cells overlapping the selected area)'),
  total: z.number().int().describe('Events counted in the study region'),
  filters: appliedFiltersSchema,
  cached: z.boolean().describe('Whether the grid counts came from the cache'),
});
export type HotspotMap = z.infer<typeof hotspotMapSchema>;

// ── Time profile ──────────────────────────────────────────────────────────────
export const hourOfWeekSchema = z.object({
  weekday: z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday, municipal time zone'),
  hour: z.number().int().min(0).max(23),
  count: z.number().int(),
});

export const trendSchema = z.object({
  current: z.number().int(),
  previous: z.number().int(),
  change: z.number().nullable().describe('current / previous − 1; null when previous is 0'),
  currentFrom: timestamp,
  previousFrom: timestamp,
});

export const timeProfileSchema = z.object({
  filters: appliedFiltersSchema,
  timeZone: z.string(),
  total: z.number().int(),
  hours: z.array(hourOfWeekSchema).length(168).describe('Monday 00–01 first, Sunday 23–24 last'),
  busiest: z.array(hourOfWeekSchema).describe('The busiest slots, most events first (at most 5)'),
  weekOverWeek: trendSchema.describe('The last 7 days before `to` against the 7 days before them'),
  sameWeekLastYear: trendSchema.describe('The last 7 days before `to` against the same 7 days 52 weeks earlier'),
});
export type TimeProfile = z.infer<typeof timeProfileSchema>;

// ── Forecast ──────────────────────────────────────────────────────────────────
export const forecastQuerySchema = analysisFilterQuerySchema.extend({
  source: z.enum(sources).default('reports').describe('Default: resident reports only (see `feedbackLoop`)'),
  method: z.string().min(1).max(50).optional().describe('Forecast method; default: the one the backtest chose'),
  weeks: z.coerce.number().int().min(4).max(104).default(26).describe('Backtest weeks before the forecast week'),
  cellSize: hotspotQuerySchema.shape.cellSize,
  crs: hotspotQuerySchema.shape.crs,
});
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;

const figure = z.number().nullable();
const coverageFigures = z
  .object({
    coverage: z.number().describe('Share of the study cells flagged: 0.01, 0.03, 0.05'),
    hitRate: figure,
    hitRateP10: figure,
    hitRateP90: figure,
    pai: figure,
    paiP10: figure,
    paiP90: figure,
    pei: figure,
    peiP10: figure,
    peiP90: figure,
  })
  .describe('Mean and 10th–90th percentile over the backtest weeks; null when no week had events');

export const forecastSchema = z.object({
  filters: appliedFiltersSchema,
  weekStartDate: localDate.describe('The forecast week: Monday 00:00 local time'),
  method: z.string(),
  cellSize: z.number().int(),
  crs: z.enum(['CRS84', 'EPSG:28992', 'EPSG:4258']),
  cells: z
    .array(
      z.object({
        cellId: z.string(),
        col: z.number().int(),
        row: z.number().int(),
        score: z.number(),
        rank: z.number().int().describe('1 = highest score'),
        geometry: polygonSchema,
      }),
    )
    .describe('Study cells with a positive score, best first (at most 5 % of the study cells)'),
  studyCells: z.number().int(),
  backtest: z.object({
    weeks: z.number().int(),
    methods: z.array(z.object({ name: z.string(), description: z.string(), coverages: z.array(coverageFigures) })),
    chosen: z.object({
      name: z.string().describe('The method chosen for next week, from the weeks before it only'),
      rule: z.string(),
      coverages: z.array(coverageFigures).describe("The chosen-each-week method's own backtest"),
    }),
  }),
  feedbackLoop: text.describe('Why the forecast is fed with resident reports by default'),
});
export type Forecast = z.infer<typeof forecastSchema>;

// ── Unreported (capture–recapture) ────────────────────────────────────────────
export const DEFAULT_MATCH_DISTANCE_M = 50;
export const DEFAULT_MATCH_HOURS = 72;

export const unreportedQuerySchema = z.object({
  ...filterFields,
  matchDistance: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(DEFAULT_MATCH_DISTANCE_M)
    .describe('An observation and a report are the same nuisance within this many metres…'),
  matchHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(DEFAULT_MATCH_HOURS)
    .describe('…and this many hours of each other, in the same subcategory'),
});
export type UnreportedQuery = z.infer<typeof unreportedQuerySchema>;

export const unreportedRowSchema = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  categoryCode: z.string(),
  categoryNameNl: z.string(),
  categoryNameEn: z.string(),
  observations: z.number().int().describe('n₁: seen by officers'),
  reports: z.number().int().describe('n₂: reported by residents'),
  matched: z.number().int().describe('m: pairs that are the same nuisance (one-to-one)'),
  estimate: z.number().describe('Chapman N̂ = (n₁+1)(n₂+1)/(m+1) − 1'),
  variance: z.number(),
  lower95: z.number(),
  upper95: z.number(),
  shareOnlyOfficers: z
    .number()
    .nullable()
    .describe('Share of the observations that no report matched; null without observations'),
});
export type UnreportedRow = z.infer<typeof unreportedRowSchema>;

export const unreportedSchema = z.object({
  filters: appliedFiltersSchema.omit({ source: true }),
  matchDistance: z.number().int(),
  matchHours: z.number().int(),
  rows: z.array(unreportedRowSchema),
  assumptions: text,
});
export type Unreported = z.infer<typeof unreportedSchema>;

// ── Visibility ────────────────────────────────────────────────────────────────
export const visibilityQuerySchema = z.object({
  fromYear: z.coerce.number().int().min(1990).max(2100).optional().describe('Default: 4 years before toYear'),
  toYear: z.coerce.number().int().min(1990).max(2100).optional().describe('Default: this year'),
  district: filterFields.district,
  format: filterFields.format,
});
export type VisibilityQuery = z.infer<typeof visibilityQuerySchema>;

export const visibilityYearSchema = z.object({
  year: z.number().int(),
  presenceHours: z.number(),
  contacts: z.number().int(),
  meetings: z.number().int(),
  surveys: z.array(z.object({ question: z.string(), share: z.number(), respondents: z.number().int().nullable() })),
});

export const visibilitySchema = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  districts: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      years: z.array(visibilityYearSchema),
      surveyTrend: z
        .number()
        .nullable()
        .describe('Change in share per year (least squares over the years with a survey); null with fewer than 2'),
      presenceTrend: z.number().nullable().describe('Change in presence hours per year (least squares)'),
    }),
  ),
});
export type Visibility = z.infer<typeof visibilitySchema>;

// ── Survey import ─────────────────────────────────────────────────────────────
export const surveyImportResultSchema = z.object({
  imported: z.number().int(),
  years: z.array(z.number().int()),
  replaced: z.number().int().describe('Rows of those years that were replaced'),
});
export type SurveyImportResult = z.infer<typeof surveyImportResultSchema>;

// ── Patrol plans ──────────────────────────────────────────────────────────────
export const patrolPlanRequestSchema = z.object({
  weekStart: localDate.describe('Monday of the week to plan (municipal time zone)'),
  method: z.string().min(1).max(50).optional().describe('Forecast method; default: the one the backtest chose'),
});
export type PatrolPlanRequest = z.infer<typeof patrolPlanRequestSchema>;

export const patrolVisitSchema = z.object({
  id: z.uuid(),
  districtCode: z.string(),
  districtName: z.string(),
  cellId: z.string(),
  cellSize: z.number().int(),
  centre: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }).describe('CRS84'),
  startsAt: timestamp,
  endsAt: timestamp,
  reason: text,
});
export type PatrolVisit = z.infer<typeof patrolVisitSchema>;

export const patrolPlanSchema = z.object({
  id: z.uuid(),
  officer: z.object({ id: z.uuid(), name: z.string() }),
  weekStartDate: localDate,
  method: z.string(),
  generatedAt: timestamp,
  visits: z.array(patrolVisitSchema),
});
export type PatrolPlan = z.infer<typeof patrolPlanSchema>;

export const patrolPlanListSchema = z.object({ weekStartDate: localDate, plans: z.array(patrolPlanSchema) });
export type PatrolPlanList = z.infer<typeof patrolPlanListSchema>;

export const patrolPlanGenerationSchema = patrolPlanListSchema.extend({
  replaced: z.number().int().describe('Unstarted plans of that week that were replaced'),
  kept: z.number().int().describe('Plans of that week kept because a visit had started'),
});

export const patrolPlanListQuerySchema = z.object({
  weekStart: localDate.optional().describe('Default: the coming week (next Monday)'),
});

export const calendarTokenSchema = z.object({
  token: z.string().describe('Shown once; stored only as its sha256'),
  url: z.string().describe('The subscription path, with the token'),
  createdAt: timestamp,
});

export const patrolPlanEvaluationSchema = z.object({
  planId: z.uuid(),
  weekStartDate: localDate,
  visits: z.array(
    z.object({
      visitId: z.uuid(),
      startsAt: timestamp,
      endsAt: timestamp,
      districtCode: z.string(),
      cellId: z.string(),
      covered: z.boolean().describe("A presence round of the officer in that district overlapped the visit's time"),
      roundMinutes: z.number().describe('Minutes of presence rounds overlapping the visit'),
      observationsInCellThatDay: z.number().int(),
    }),
  ),
  coveredShare: z.number().nullable(),
});
export type PatrolPlanEvaluation = z.infer<typeof patrolPlanEvaluationSchema>;

export const myPatrolPlansSchema = z.object({
  plans: z.array(patrolPlanSchema).describe("The officer's plans of this week and later weeks, earliest first"),
});
export type MyPatrolPlans = z.infer<typeof myPatrolPlansSchema>;
