/**
 * Pure mapping between Wijkpost and Open311 GeoReport v2: categories ↔ services, extra questions ↔
 * attributes, the workflow ↔ open/closed, request fields ↔ the intake's body. No I/O.
 */
import type { CategoryQuestion, OfferedSubcategory } from '../categories/index.ts';
import { toCrs84 } from '../geography/index.ts';
import { isClosed, type ReportStatus } from '../reports/index.ts';
import type { FieldProblem } from '../../shared/errors.ts';
import type { ServiceRequestRow } from './repository.ts';
import type { Service, ServiceAttribute, ServiceDefinition, ServiceRequest } from './schemas.ts';

/** One service per public subcategory; its group is the main category. */
export function toService(category: OfferedSubcategory): Service {
  return {
    service_code: category.code,
    service_name: category.nameNl,
    description: `${category.nameNl} (${category.parentNameNl}) / ${category.nameEn} (${category.parentNameEn})`,
    metadata: category.questions.length > 0,
    type: 'realtime',
    keywords: [category.nameEn, category.parentNameEn].join(', '),
    group: category.parentNameNl,
  };
}

const datatypeDescriptions: Partial<Record<CategoryQuestion['datatype'], string>> = {
  number: 'Een getal / A number',
  datetime: 'Datum en tijd met tijdzone (ISO 8601) / Date and time with a zone (ISO 8601)',
  multivaluelist: 'Eén of meer keuzes / One or more of the values',
};

export function toAttribute(question: CategoryQuestion, index: number): ServiceAttribute {
  return {
    variable: true,
    code: question.code,
    datatype: question.datatype,
    required: question.required,
    datatype_description: datatypeDescriptions[question.datatype] ?? null,
    order: index + 1,
    description: `${question.descriptionNl} / ${question.descriptionEn}`,
    ...(question.values ? { values: question.values.map(({ key, name }) => ({ key, name })) } : {}),
  };
}

export function toServiceDefinition(category: OfferedSubcategory): ServiceDefinition {
  return { service_code: category.code, attributes: category.questions.map(toAttribute) };
}

/** The workflow in two words: resolved and cancelled are closed, everything else (reopened too) is open. */
export function open311Status(status: ReportStatus): 'open' | 'closed' {
  return isClosed(status) ? 'closed' : 'open';
}

/**
 * `attribute[code]=value` (form fields, repeated or `attribute[code][]` for several values), or in JSON an
 * object `attribute: {code: value | [values]}`, or the same flat keys. Returns the values per code.
 */
export function collectAttributes(fields: Record<string, unknown>): Record<string, string[]> {
  const answers: Record<string, string[]> = {};
  const add = (code: string, value: unknown) => {
    const values = (Array.isArray(value) ? value : [value])
      .filter((v) => v !== null && v !== undefined)
      .map((v) => String(v).trim())
      .filter(Boolean);
    if (values.length > 0) (answers[code] ??= []).push(...values);
  };
  for (const [key, value] of Object.entries(fields)) {
    const flat = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (flat) add(flat[1]!, value);
    else if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [code, nested] of Object.entries(value)) add(code, nested);
    }
  }
  return answers;
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const numberText = /^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$/;
const maxLength: Partial<Record<CategoryQuestion['datatype'], number>> = { string: 300, text: 2000 };

/** Why one answer does not fit its question, or null when it does. */
function answerProblem(question: CategoryQuestion, values: string[]): string | null {
  const keys = new Set(question.values?.map((v) => v.key));
  if (question.datatype !== 'multivaluelist' && values.length > 1) return 'takes one value';
  switch (question.datatype) {
    case 'singlevaluelist':
    case 'multivaluelist': {
      const unknown = values.filter((value) => !keys.has(value));
      return unknown.length ? `not one of ${[...keys].join(', ')}: ${unknown.join(', ')}` : null;
    }
    case 'number':
      return numberText.test(values[0]!) ? null : 'a number';
    case 'datetime':
      return isoWithZone.test(values[0]!) && !Number.isNaN(Date.parse(values[0]!))
        ? null
        : 'an ISO 8601 date and time with a zone';
    default:
      return values[0]!.length > maxLength[question.datatype]!
        ? `at most ${maxLength[question.datatype]} characters`
        : null;
  }
}

/** Every problem with the answers at once: unknown codes, missing required answers, values that do not fit. */
export function checkAnswers(
  questions: readonly CategoryQuestion[],
  answers: Record<string, string[]>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byCode = new Map(questions.map((q) => [q.code, q]));
  for (const code of Object.keys(answers)) {
    if (!byCode.has(code))
      problems.push({
        name: `attribute[${code}]`,
        reason: 'not a question of this service',
        code: 'unknown_attribute',
      });
  }
  for (const question of questions) {
    const values = answers[question.code];
    if (!values) {
      if (question.required)
        problems.push({ name: `attribute[${question.code}]`, reason: 'required by this service', code: 'required' });
      continue;
    }
    const reason = answerProblem(question, values);
    if (reason) problems.push({ name: `attribute[${question.code}]`, reason, code: 'invalid_attribute' });
  }
  return problems;
}

/** The intake's field names → the Open311 parameters a client sent. */
const parameterOfIntakeField: Array<[RegExp, string]> = [
  [/^body\.category/, 'service_code'],
  [/^body\.description/, 'description'],
  [/^body\.location/, 'lat/long'],
  [/^body\.address/, 'address_string'],
  [/^body\.reporter\.email/, 'email'],
  [/^body\.reporter\.phone/, 'phone'],
  [/^body\.reporter\.name/, 'first_name/last_name'],
];

export function toOpen311Parameter(intakeField: string): string {
  return parameterOfIntakeField.find(([pattern]) => pattern.test(intakeField))?.[1] ?? intakeField;
}

/** Who handles it, never a person: a team or partner by its name, an officer or a queue as enforcement of their group. */
export function agencyResponsible(holder: {
  teamName: string | null;
  groupName: string | null;
  municipalityName: string;
}): string {
  if (holder.teamName) return holder.teamName;
  if (holder.groupName) return `Handhaving ${holder.municipalityName} – ${holder.groupName}`;
  return `Handhaving ${holder.municipalityName}`;
}

/** The reporter's name as one field: given and family name as the client sent them. */
export function reporterName(firstName: string | undefined, lastName: string | undefined): string | undefined {
  const name = [firstName, lastName].filter(Boolean).join(' ').trim();
  return name || undefined;
}

/** "Handled by <date>" in the municipality's calendar, in Dutch and English. */
export function serviceNotice(deadline: Date, timeZone: string): string {
  const day = (locale: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(deadline);
  return `Uw melding is ontvangen en wordt uiterlijk ${day('nl-NL')} afgehandeld. / Your report was received and will be handled by ${day('en-GB')}.`;
}

/**
 * A stored report as anyone may read it. Only what the public map shows: the place on its grid (six decimals
 * are well below it), the service, the status and dates, and the holder as a team, never a person. Fields
 * that could name or point at someone stay null.
 */
export function toServiceRequest(row: ServiceRequestRow, municipalityName: string): ServiceRequest {
  const [lon, lat] = toCrs84(row.grid_x, row.grid_y);
  return {
    service_request_id: row.public_id,
    status: open311Status(row.status),
    status_notes: null,
    service_name: row.service_name,
    service_code: row.service_code,
    description: null,
    agency_responsible: agencyResponsible({ teamName: row.team_name, groupName: row.group_name, municipalityName }),
    service_notice: null,
    requested_datetime: row.created_at.toISOString(),
    updated_datetime: row.updated_at.toISOString(),
    expected_datetime: row.deadline.toISOString(),
    address: null,
    address_id: null,
    zipcode: null,
    lat: Number(lat.toFixed(6)),
    long: Number(lon.toFixed(6)),
    media_url: null,
  };
}
