-- The contact person of a partner organisation, shown to officers who forward a report to it or see it held
-- there. Who forwarded a report is not stored again: the last 'forwarded' entry of report_history names them,
-- and a partner's list is served by reports_open_assignee_deadline_idx (0040).
ALTER TABLE teams ADD COLUMN contact_name text;
ALTER TABLE teams ADD COLUMN contact_phone text;
ALTER TABLE teams ADD COLUMN contact_email text;
