/**
 * Imports the yearly resident survey per district from CSV (columns year, districtCode, question, share,
 * respondents; comma or semicolon separated). A share is a fraction 0–1, a percentage 1–100, or "45%".
 * Every bad row is reported in one 400 and then nothing is stored; a good file replaces the stored rows
 * of the years it contains (re-importing a year is an upsert of that year).
 */
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { districtNames, replaceSurveyYears, type SurveyRow } from './repository-surveys.ts';
import type { SurveyImportResult } from './schemas.ts';

const REQUIRED = ['year', 'districtCode', 'question', 'share'] as const;
const MAX_ROWS = 10_000;

export function parseShare(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  const percent = text.endsWith('%');
  const value = Number(percent ? text.slice(0, -1).trim() : text);
  if (text === '' || text === '%' || !Number.isFinite(value) || value < 0) return null;
  if (percent || value > 1) return value <= 100 ? value / 100 : null;
  return value;
}

function parseCsv(csv: string): { header: string[]; records: string[][] } {
  const firstLine = csv.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(csv, { delimiter, skip_empty_lines: true, bom: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new DomainError('validation', 'The body is not readable CSV', [
      { name: 'body', reason: (error as Error).message.slice(0, 200), code: 'invalid_csv' },
    ]);
  }
  const [header = [], ...rest] = records;
  return { header, records: rest };
}

function rowProblems(
  record: string[],
  column: Map<string, number>,
  line: number,
  districts: Map<string, string>,
): { row: SurveyRow | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const cell = (name: string) => (column.has(name) ? (record[column.get(name)!] ?? '').trim() : '');
  const at = (field: string) => `body.rows[${line}].${field}`;
  const year = Number(cell('year'));
  if (!/^\d{4}$/.test(cell('year')) || year < 1990 || year > 2100)
    problems.push({ name: at('year'), reason: 'a year 1990–2100' });
  const districtCode = cell('districtCode');
  if (!districts.has(districtCode))
    problems.push({ name: at('districtCode'), reason: 'unknown district in this municipality' });
  const question = cell('question');
  if (question.length < 1 || question.length > 200) problems.push({ name: at('question'), reason: '1–200 characters' });
  const share = parseShare(cell('share'));
  if (share === null) problems.push({ name: at('share'), reason: 'a share 0–1, a percentage 0–100 or "45%"' });
  const rawRespondents = cell('respondents');
  const respondents = rawRespondents === '' ? null : Number(rawRespondents);
  if (respondents !== null && !(Number.isInteger(respondents) && respondents >= 0))
    problems.push({ name: at('respondents'), reason: 'a whole number ≥ 0, or empty' });
  if (problems.length) return { row: null, problems };
  return { row: { year, districtCode, question, share: share!, respondents }, problems };
}

export async function importSurvey(
  deps: { db: Db; clock: Clock },
  municipalityCode: string,
  csv: string,
  importedBy: string | null,
): Promise<SurveyImportResult> {
  const { header, records } = parseCsv(csv);
  const column = new Map(header.map((name, index) => [name.trim(), index]));
  const missing = REQUIRED.filter((name) => !column.has(name));
  if (missing.length)
    throw new DomainError(
      'validation',
      `Missing column(s): ${missing.join(', ')}`,
      missing.map((name) => ({ name: `body.header.${name}`, reason: 'required column', code: 'missing_column' })),
    );
  if (records.length === 0) throw new DomainError('validation', 'No rows', [{ name: 'body', reason: 'no data rows' }]);
  if (records.length > MAX_ROWS)
    throw new DomainError('validation', 'Too many rows', [{ name: 'body', reason: `at most ${MAX_ROWS} rows` }]);
  const districts = await districtNames(deps.db, municipalityCode);
  const rows: SurveyRow[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const line = index + 1;
    const checked = rowProblems(record, column, line, districts);
    problems.push(...checked.problems);
    if (!checked.row) return;
    const key = `${checked.row.year}|${checked.row.districtCode}|${checked.row.question}`;
    if (seen.has(key))
      problems.push({ name: `body.rows[${line}]`, reason: 'the same year, district and question twice' });
    seen.add(key);
    rows.push(checked.row);
  });
  if (problems.length)
    throw new DomainError(
      'validation',
      `${problems.length} problem(s) in the survey file; nothing was stored`,
      problems,
    );
  const replaced = await deps.db.transaction((tx) =>
    replaceSurveyYears(tx, municipalityCode, rows, deps.clock.now(), importedBy),
  );
  return { imported: rows.length, years: [...new Set(rows.map((r) => r.year))].sort(), replaced };
}
