/** The analysis area: pure functions (no database, no HTTP, no environment) for hotspots, forecasts and estimates. */
export {
  DEFAULT_CELL_SIZE_M,
  cellId,
  cellIndexOf,
  cellIndices,
  countByCell,
  equirectangular,
  gridCovering,
  projectionFor,
  rdNew,
  studyRegionOf,
  type Grid,
  type Projection,
  type StudyRegion,
} from './grid.ts';
export {
  Z_95,
  Z_999,
  classify,
  distanceBandWeights,
  generalG,
  gridGiStar,
  localG,
  type HotspotClass,
  type LocalGResult,
  type SparseWeights,
  type WeightTransform,
} from './gi-star.ts';
export {
  HOURS_PER_WEEK,
  busiestSlots,
  countsPerWeek,
  hourOfWeekFunction,
  timeOfWeekProfile,
  weekStarts,
  weekTrend,
  type Change,
  type Slot,
  type WeekTrend,
} from './time-of-week.ts';
export {
  WEEK_MS,
  decayed,
  defaultMethods,
  naive,
  prospectiveKernel,
  type EventSeries,
  type ForecastInput,
  type ForecastMethod,
  type KernelOptions,
} from './forecast.ts';
export { flaggedCount, rankCells, scoreWeek, summarise, type Summary, type WeekScore } from './evaluate.ts';
export { choiceRule, rollingBacktest, summariseWeeks, type BacktestInput, type MethodResult } from './backtest.ts';
export {
  DEFAULT_LOOKBACK_WEEKS,
  REPORTED_COVERAGES,
  backtestReport,
  runBacktestProtocol,
  type ProtocolOptions,
  type ProtocolResult,
  type ProtocolRows,
} from './backtest-protocol.ts';
export { chapman, type ChapmanEstimate } from './capture-recapture.ts';
export {
  DEFAULT_MATCH_OPTIONS,
  matchSightings,
  type MatchOptions,
  type MatchedPair,
  type Sighting,
} from './matching.ts';

// The database-backed side (server): what adapters (CLI, demo seed, benchmark) call.
export { generatePatrolPlans } from './generate-patrol-plans.ts';
export { importSurvey } from './survey-import.ts';
export { nextMonday } from './forecast-view.ts';
export { hotspotCells } from './hotspot-cells.ts';
export { hourOfWeekCounts } from './repository-events.ts';
