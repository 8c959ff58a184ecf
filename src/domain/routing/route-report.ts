/**
 * The routing decision: pure, no I/O, no clock. The same snapshot and input always give the same answer.
 * Order: routing rules → district owner → backup → borough colleague → group colleague → coordinator queue.
 */
import { DomainError } from '../../shared/errors.ts';
import { localDateOf } from '../../shared/time/index.ts';
import { availableInTime, firstDayInTime, onDutyAt } from './availability.ts';
import { dateIn, deadlineOf, inTimePhrase, sentence, unavailablePhrase, whenPhrase, type Phrase } from './reasons.ts';
import { ruleMatches } from './rule-matching.ts';
import type {
  OfficerSnapshot,
  RoutingDecision,
  RoutingInput,
  RoutingRule,
  RoutingSnapshot,
  RoutingStep,
} from './schemas.ts';

/**
 * Pass `trace` (the "try it" preview does) to get every step the decision walked, in order: each rule and why it
 * did not decide, then who in the backup chain was passed over and why, then the step that decided.
 */
export function routeReport(snapshot: RoutingSnapshot, input: RoutingInput, trace?: RoutingStep[]): RoutingDecision {
  for (const rule of snapshot.rules) {
    if (!rule.active) {
      trace?.push(ruleStep(rule, 'inactive'));
      continue;
    }
    if (!ruleMatches(rule.conditions, input)) {
      trace?.push(ruleStep(rule, 'no_match'));
      continue;
    }
    const decision = decideByRule(snapshot, input, rule);
    if (decision) {
      trace?.push(decidedStep(decision));
      return decision;
    }
    trace?.push(ruleStep(rule, 'target_unavailable'));
  }
  const decision = routeThroughBackupChain(snapshot, input, trace);
  trace?.push(decidedStep(decision));
  return decision;
}

function ruleStep(rule: RoutingRule, outcome: Exclude<RoutingStep['outcome'], 'decided' | 'passed_over'>): RoutingStep {
  const phrases = {
    inactive: { nl: `regel "${rule.name}" staat uit`, en: `rule "${rule.name}" is switched off` },
    no_match: { nl: `regel "${rule.name}" past niet`, en: `rule "${rule.name}" does not match` },
    target_unavailable: {
      nl: `regel "${rule.name}" past, maar wie hij aanwijst is afwezig of bestaat niet meer`,
      en: `rule "${rule.name}" matches, but its target is absent or gone`,
    },
  };
  return { step: `rule:${rule.name}`, outcome, ...phrases[outcome] };
}

function decidedStep(decision: RoutingDecision): RoutingStep {
  return {
    step: decision.rule,
    outcome: 'decided',
    nl: `${decision.assignee.name} handelt de melding af`,
    en: `${decision.assignee.name} handles the report`,
  };
}

/** A rule whose target is gone, or an officer who is absent right now, lets the next rule decide. */
function decideByRule(snapshot: RoutingSnapshot, input: RoutingInput, rule: RoutingRule): RoutingDecision | null {
  const { kind, id } = rule.target;
  let name: string | undefined;
  if (kind === 'officer') {
    const officer = snapshot.officers.find((o) => o.id === id);
    if (officer && isAbsentAt(officer, input.receivedAt)) return null;
    name = officer?.name;
  } else if (kind === 'queue') {
    name = snapshot.coordinatorGroups.find((g) => g.id === id)?.name;
  } else {
    name = snapshot.teams.find((t) => t.id === id && t.kind === kind)?.name;
  }
  if (name === undefined) return null;
  return {
    assignee: { kind, id, name },
    rule: `rule:${rule.name}`,
    reasonNl: rule.reasonNl ?? `Regel "${rule.name}" past op deze melding: ${name} handelt hem af.`,
    reasonEn: rule.reasonEn ?? `Rule "${rule.name}" matches this report: ${name} handles it.`,
  };
}

function officerDecision(officer: OfficerSnapshot, rule: string, reason: Phrase): RoutingDecision {
  return {
    assignee: { kind: 'officer', id: officer.id, name: officer.name },
    rule,
    reasonNl: reason.nl,
    reasonEn: reason.en,
  };
}

/** Each step either decides, or adds to `passedOver` why nobody at that step can take the report. */
function routeThroughBackupChain(
  snapshot: RoutingSnapshot,
  input: RoutingInput,
  trace: RoutingStep[] | undefined,
): RoutingDecision {
  const passedOver: Phrase[] = [];
  const findOfficer = (id: string | null) => (id === null ? undefined : snapshot.officers.find((o) => o.id === id));
  const owner = findOfficer(snapshot.district.ownerId);
  const backup = findOfficer(snapshot.district.backupId);
  const alreadyTried = new Set([owner?.id, backup?.id]);
  const colleagues = snapshot.officers.filter((o) => !alreadyTried.has(o.id));
  const decision =
    tryOwner(snapshot, input, owner, passedOver) ??
    tryBackup(snapshot, input, backup, passedOver) ??
    tryBoroughColleague(snapshot, input, colleagues, passedOver) ??
    tryGroupColleague(snapshot, input, colleagues, passedOver) ??
    queueDecision(snapshot, passedOver);
  // The queue's phrase for a district without a group is the last one; it is a passed-over step too.
  trace?.push(...passedOver.map((phrase) => ({ step: 'backup-chain', outcome: 'passed_over' as const, ...phrase })));
  return decision;
}

function tryOwner(
  snapshot: RoutingSnapshot,
  input: RoutingInput,
  owner: OfficerSnapshot | undefined,
  passedOver: Phrase[],
): RoutingDecision | null {
  const { district } = snapshot;
  if (!owner) {
    passedOver.push(
      district.ownerId === null
        ? { nl: `${district.name} heeft geen wijkhandhaver`, en: `${district.name} has no district officer` }
        : {
            nl: `de wijkhandhaver van ${district.name} is niet meer actief`,
            en: `the district officer of ${district.name} is no longer active`,
          },
    );
    return null;
  }
  const ownerIs = {
    nl: `${owner.name} is wijkhandhaver van ${district.name} en`,
    en: `${owner.name} is the district officer of ${district.name} and`,
  };
  if (input.urgent && onDutyAt(owner, input).onDuty) {
    return officerDecision(
      owner,
      'district-owner',
      sentence([], {
        nl: `${ownerIs.nl} is nu in dienst voor deze urgente melding`,
        en: `${ownerIs.en} is on duty now for this urgent report`,
      }),
    );
  }
  const day = input.urgent ? null : firstDayInTime(owner, input, 'district').date;
  if (day !== null) {
    const when = dateIn(day);
    const today = day === localDateOf(input.receivedAt, input.timeZone);
    const inTime = inTimePhrase(input, day);
    return officerDecision(
      owner,
      'district-owner',
      sentence([], {
        nl: `${ownerIs.nl} heeft ${today ? `vandaag (${when.nl})` : when.nl} een wijkdag${inTime.nl}`,
        en: `${ownerIs.en} has a district day ${today ? `today (${when.en})` : `on ${when.en}`}${inTime.en}`,
      }),
    );
  }
  const ownerRole = {
    nl: `${owner.name}, wijkhandhaver van ${district.name},`,
    en: `${owner.name}, district officer of ${district.name},`,
  };
  passedOver.push(
    unavailablePhrase(ownerRole, owner, input, {
      absence: blockingAbsence(owner, input, 'district'),
      noDayPhrase: noDay(input, 'district'),
    }),
  );
  return null;
}

function tryBackup(
  snapshot: RoutingSnapshot,
  input: RoutingInput,
  backup: OfficerSnapshot | undefined,
  passedOver: Phrase[],
): RoutingDecision | null {
  const { district } = snapshot;
  if (!backup) {
    passedOver.push({ nl: `${district.name} heeft geen actieve back-up`, en: `${district.name} has no active backup` });
    return null;
  }
  const availability = availableInTime(backup, input);
  if (availability.available) {
    const when = whenPhrase(input, availability.date);
    return officerDecision(
      backup,
      'district-backup',
      sentence(passedOver, {
        nl: `${backup.name}, back-up voor ${district.name}, neemt het over: ${when.nl}`,
        en: `${backup.name}, backup for ${district.name}, takes over: ${when.en}`,
      }),
    );
  }
  passedOver.push(
    unavailablePhrase({ nl: `back-up ${backup.name}`, en: `backup ${backup.name}` }, backup, input, {
      absence: blockingAbsence(backup, input, 'working'),
      noDayPhrase: noDay(input, 'working'),
    }),
  );
  return null;
}

function tryBoroughColleague(
  snapshot: RoutingSnapshot,
  input: RoutingInput,
  colleagues: OfficerSnapshot[],
  passedOver: Phrase[],
): RoutingDecision | null {
  const { boroughCode } = snapshot.district;
  if (boroughCode === null) return null;
  const boroughName = snapshot.district.boroughName ?? boroughCode;
  const colleague = pickColleague(
    colleagues.filter((o) => o.boroughCodes.includes(boroughCode)),
    input,
  );
  if (!colleague) {
    passedOver.push({
      nl: `in stadsdeel ${boroughName} is geen collega op tijd beschikbaar`,
      en: `no colleague in borough ${boroughName} is available in time`,
    });
    return null;
  }
  const when = whenPhrase(input, colleague.date);
  const count = colleague.officer.openReportCount;
  return officerDecision(
    colleague.officer,
    'borough-colleague',
    sentence(passedOver, {
      nl: `${colleague.officer.name} uit stadsdeel ${boroughName} neemt het over (${count} open meldingen, de minste van wie op tijd kan): ${when.nl}`,
      en: `${colleague.officer.name} from borough ${boroughName} takes over (${count} open reports, the fewest of those available in time): ${when.en}`,
    }),
  );
}

function tryGroupColleague(
  snapshot: RoutingSnapshot,
  input: RoutingInput,
  colleagues: OfficerSnapshot[],
  passedOver: Phrase[],
): RoutingDecision | null {
  const group = snapshot.coordinatorGroup;
  if (!group) return null;
  const colleague = pickColleague(
    colleagues.filter((o) => o.boroughCodes.some((code) => group.boroughCodes.includes(code))),
    input,
  );
  if (!colleague) {
    passedOver.push({
      nl: `in de groep ${group.name} is niemand op tijd beschikbaar`,
      en: `nobody in group ${group.name} is available in time`,
    });
    return null;
  }
  const when = whenPhrase(input, colleague.date);
  const count = colleague.officer.openReportCount;
  return officerDecision(
    colleague.officer,
    'group-colleague',
    sentence(passedOver, {
      nl: `${colleague.officer.name} uit de groep ${group.name} neemt het over (${count} open meldingen): ${when.nl}`,
      en: `${colleague.officer.name} from group ${group.name} takes over (${count} open reports): ${when.en}`,
    }),
  );
}

function queueDecision(snapshot: RoutingSnapshot, passedOver: Phrase[]): RoutingDecision {
  const group = snapshot.coordinatorGroup ?? snapshot.coordinatorGroups[0];
  if (!group) {
    // Only reachable when a municipality has no coordinator group at all: a set-up error, not a routing outcome.
    throw new DomainError(
      'unavailable',
      `No coordinator group in the municipality of district ${snapshot.district.code}; routing has no queue to fall back on`,
    );
  }
  if (!snapshot.coordinatorGroup) {
    passedOver.push({
      nl: `${snapshot.district.name} valt onder geen coördinatiegroep`,
      en: `${snapshot.district.name} belongs to no coordinator group`,
    });
  }
  const coordinator = group.coordinatorName
    ? { nl: ` (coördinator ${group.coordinatorName})`, en: ` (coordinator ${group.coordinatorName})` }
    : { nl: '', en: '' };
  const reason = sentence(passedOver, {
    nl: `de melding gaat naar de wachtrij van ${group.name}${coordinator.nl}`,
    en: `the report goes to the queue of ${group.name}${coordinator.en}`,
  });
  return {
    assignee: { kind: 'queue', id: group.id, name: group.name },
    rule: 'coordinator-queue',
    reasonNl: reason.nl,
    reasonEn: reason.en,
  };
}

/** Fewest open reports first, then name, then id: the same colleagues always give the same pick. */
function pickColleague(
  officers: OfficerSnapshot[],
  input: RoutingInput,
): { officer: OfficerSnapshot; date: string | null } | null {
  const ordered = [...officers].sort(
    (a, b) => a.openReportCount - b.openReportCount || compareText(a.name, b.name) || compareText(a.id, b.id),
  );
  for (const officer of ordered) {
    const availability = availableInTime(officer, input);
    if (availability.available) return { officer, date: availability.date };
  }
  return null;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const isAbsentAt = (officer: OfficerSnapshot, at: Date) =>
  officer.absences.some((a) => a.startsAt <= at && a.endsAt > at);

/** The absence that keeps an officer from the report, if an absence is the reason. */
function blockingAbsence(officer: OfficerSnapshot, input: RoutingInput, kind: 'district' | 'working') {
  if (!input.urgent) return firstDayInTime(officer, input, kind).absence;
  const duty = onDutyAt(officer, input);
  return duty.onDuty ? null : duty.absence;
}

function noDay(input: RoutingInput, kind: 'district' | 'working'): Phrase {
  const deadline = deadlineOf(input);
  return kind === 'district'
    ? {
        nl: `heeft geen wijkdag vóór de termijn (${deadline.nl})`,
        en: `has no district day before the deadline (${deadline.en})`,
      }
    : {
        nl: `heeft geen werkdag vóór de termijn (${deadline.nl})`,
        en: `has no working day before the deadline (${deadline.en})`,
      };
}
