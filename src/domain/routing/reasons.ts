/** The plain-language explanations of a routing decision, in Dutch and English. */
import { formatLocalDate, localDateOf, type LocalDate } from '../../shared/time/index.ts';
import type { Absence } from './availability.ts';
import type { OfficerSnapshot, RoutingInput } from './schemas.ts';

export interface Phrase {
  nl: string;
  en: string;
}

export const dateIn = (date: LocalDate): Phrase => ({
  nl: formatLocalDate(date, 'nl'),
  en: formatLocalDate(date, 'en'),
});

export const deadlineOf = (input: RoutingInput): Phrase => dateIn(localDateOf(input.deadline, input.timeZone));

/** "<role> Jan Bakker" describing why they cannot take the report. */
export function unavailablePhrase(
  who: Phrase,
  officer: OfficerSnapshot,
  input: RoutingInput,
  why: { absence: Absence | null; noDayPhrase: Phrase },
): Phrase {
  if (why.absence) {
    // Never the kind of absence: the reason reaches anonymous residents and the append-only history, and "sick" is health data.
    const until = dateIn(localDateOf(why.absence.endsAt, input.timeZone));
    return { nl: `${who.nl} is afwezig tot ${until.nl}`, en: `${who.en} is away until ${until.en}` };
  }
  if (input.urgent) {
    const hours = `${officer.workStart}–${officer.workEnd}`;
    return {
      nl: `${who.nl} is nu niet in dienst (werktijd ${hours}) en de melding is urgent`,
      en: `${who.en} is not on duty now (working hours ${hours}) and the report is urgent`,
    };
  }
  return { nl: `${who.nl} ${why.noDayPhrase.nl}`, en: `${who.en} ${why.noDayPhrase.en}` };
}

/** ", vóór de termijn (donderdag 3 december)", or ", de laatste dag van de termijn" when the day is the deadline day. */
export function inTimePhrase(input: RoutingInput, date: LocalDate): Phrase {
  if (date === localDateOf(input.deadline, input.timeZone))
    return { nl: ', de laatste dag van de termijn', en: ', the last day of the deadline' };
  const deadline = deadlineOf(input);
  return { nl: `, vóór de termijn (${deadline.nl})`, en: `, before the deadline (${deadline.en})` };
}

/** When the one who takes over will act: on duty now, or the working day before the deadline. */
export function whenPhrase(input: RoutingInput, date: LocalDate | null): Phrase {
  if (input.urgent || date === null) return { nl: 'nu in dienst', en: 'on duty now' };
  const day = dateIn(date);
  const inTime = inTimePhrase(input, date);
  return { nl: `werkt ${day.nl}${inTime.nl}`, en: `working on ${day.en}${inTime.en}` };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Joins the reasons why others were passed over with the final assignment into one sentence each. */
export function sentence(passedOver: Phrase[], conclusion: Phrase): Phrase {
  const join = (language: keyof Phrase) =>
    capitalise([...passedOver.map((p) => p[language]), conclusion[language]].join('; ')) + '.';
  return { nl: join('nl'), en: join('en') };
}
