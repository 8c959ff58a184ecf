-- The analysis reads, for every report or observation of a municipality in a period, only its place,
-- time, category and district. The list indexes already lead with (municipality_code, time); carrying
-- those three columns in them lets the period's rows be read by an index-only scan instead of a scan of
-- the whole, wide table. Measured on the PostgreSQL server with 1,000,000 reports: counting the newest
-- 300,000 by 125 m cell took 444 ms by sequential scan and 127 ms by index-only scan. Widening the
-- existing index, rather than adding one, keeps intake at the same number of index writes per report.
-- (The rebuild locks the table for writes while it runs: seconds at a million rows.)
DROP INDEX reports_list_idx;
CREATE INDEX reports_list_idx ON reports (municipality_code, created_at DESC, id DESC)
  INCLUDE (location, category_id, district_code);

DROP INDEX observations_municipality_time_idx;
CREATE INDEX observations_municipality_time_idx ON observations (municipality_code, observed_at DESC, id DESC)
  INCLUDE (location, category_id, district_code);
