import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeDeadline } from '../../shared/time/index.ts';
import { routeReport } from './route-report.ts';
import type { OfficerSnapshot, RoutingInput, RoutingRule, RoutingSnapshot } from './schemas.ts';

const AMS = 'Europe/Amsterdam';
const ids = {
  fatima: '00000000-0000-4000-8000-000000000001',
  jan: '00000000-0000-4000-8000-000000000002',
  piet: '00000000-0000-4000-8000-000000000003',
  anna: '00000000-0000-4000-8000-000000000004',
  kees: '00000000-0000-4000-8000-000000000005',
  zoe: '00000000-0000-4000-8000-000000000006',
  eva: '00000000-0000-4000-8000-000000000007',
  group: '00000000-0000-4000-8000-0000000000a1',
  otherGroup: '00000000-0000-4000-8000-0000000000a2',
  parkeren: '00000000-0000-4000-8000-0000000000b1',
  spaarnelanden: '00000000-0000-4000-8000-0000000000b2',
};

function officer(id: string, name: string, extra: Partial<OfficerSnapshot> = {}): OfficerSnapshot {
  return {
    id,
    name,
    workingWeekdays: [1, 2, 3, 4, 5],
    districtWeekdays: [2, 4],
    workStart: '08:00',
    workEnd: '17:00',
    absences: [],
    openReportCount: 0,
    boroughCodes: ['oost'],
    ...extra,
  };
}

const away = (kind: 'sick' | 'leave' | 'training' | 'other', from: string, to: string) => ({
  kind,
  startsAt: new Date(from),
  endsAt: new Date(to),
});
const allOfNovemberAndDecember = away('leave', '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z');

function snapshot(
  overrides: { officers?: OfficerSnapshot[]; rules?: RoutingRule[]; withGroup?: boolean } = {},
): RoutingSnapshot {
  const group = {
    id: ids.group,
    name: 'Oost + Schalkwijk',
    coordinatorName: 'Carla Coördinator',
    boroughCodes: ['oost', 'schalkwijk'],
  };
  const otherGroup = {
    id: ids.otherGroup,
    name: 'Centrum + Noord',
    coordinatorName: null,
    boroughCodes: ['centrum', 'noord'],
  };
  return {
    district: {
      code: 'WK039206',
      name: 'Parkwijk',
      boroughCode: 'oost',
      boroughName: 'Oost',
      ownerId: ids.fatima,
      backupId: ids.jan,
    },
    officers: overrides.officers ?? [
      officer(ids.fatima, 'Fatima de Vries'),
      officer(ids.jan, 'Jan Bakker', { districtWeekdays: [1, 3] }),
      officer(ids.piet, 'Piet Jansen', { openReportCount: 5 }),
      officer(ids.anna, 'Anna Smit', { openReportCount: 2 }),
      officer(ids.kees, 'Kees Visser', { boroughCodes: ['schalkwijk'] }),
      officer(ids.zoe, 'Zoë de Boer', { boroughCodes: ['centrum'] }),
    ],
    coordinatorGroup: overrides.withGroup === false ? null : group,
    coordinatorGroups: [otherGroup, group],
    rules: overrides.rules ?? [],
    teams: [
      { id: ids.parkeren, code: 'parkeren', name: 'Team Parkeren', kind: 'team' },
      { id: ids.spaarnelanden, code: 'spaarnelanden', name: 'Spaarnelanden', kind: 'partner' },
    ],
  };
}

/** Monday 30 November 2026, 10:00 in Haarlem; 3 work days → Thursday 3 December. */
function input(overrides: Partial<RoutingInput> & { workdays?: number } = {}): RoutingInput {
  const receivedAt = overrides.receivedAt ?? new Date('2026-11-30T09:00:00Z');
  return {
    receivedAt,
    timeZone: AMS,
    categoryCode: 'jongerenoverlast',
    parentCategoryCode: 'openbare-orde',
    urgent: false,
    deadline: computeDeadline({ amount: overrides.workdays ?? 3, unit: 'workdays' }, receivedAt, AMS),
    source: 'web',
    districtCode: 'WK039206',
    boroughCode: 'oost',
    ...overrides,
  };
}

function withAbsences(base: RoutingSnapshot, absences: Record<string, OfficerSnapshot['absences']>): RoutingSnapshot {
  return { ...base, officers: base.officers.map((o) => ({ ...o, absences: absences[o.id] ?? o.absences })) };
}

describe('routeReport: the district officer first', () => {
  it('gives the report to the owner who has a district day before the deadline, and says so', () => {
    const decision = routeReport(snapshot(), input());
    assert.deepEqual(decision, {
      assignee: { kind: 'officer', id: ids.fatima, name: 'Fatima de Vries' },
      rule: 'district-owner',
      reasonNl:
        'Fatima de Vries is wijkhandhaver van Parkwijk en heeft dinsdag 1 december een wijkdag, vóór de termijn (donderdag 3 december).',
      reasonEn:
        'Fatima de Vries is the district officer of Parkwijk and has a district day on Tuesday 1 December, before the deadline (Thursday 3 December).',
    });
  });

  it('counts today as a district day only while the owner is still at work', () => {
    const tuesdayMorning = routeReport(snapshot(), input({ receivedAt: new Date('2026-12-01T09:00:00Z') }));
    assert.equal(tuesdayMorning.rule, 'district-owner');
    assert.match(tuesdayMorning.reasonNl, /vandaag \(dinsdag 1 december\)/);
    // Thursday 18:00, one work day → Friday: the owner's Thursday is over, Friday is no district day.
    const thursdayEvening = routeReport(
      snapshot(),
      input({ receivedAt: new Date('2026-12-03T17:00:00Z'), workdays: 1 }),
    );
    assert.equal(thursdayEvening.rule, 'district-backup');
    assert.equal(thursdayEvening.assignee.id, ids.jan);
    assert.equal(
      thursdayEvening.reasonNl,
      'Fatima de Vries, wijkhandhaver van Parkwijk, heeft geen wijkdag vóór de termijn (vrijdag 4 december); Jan Bakker, back-up voor Parkwijk, neemt het over: werkt vrijdag 4 december, de laatste dag van de termijn.',
    );
  });

  it('passes an absent owner over to the backup, naming the absence', () => {
    const base = withAbsences(snapshot(), {
      [ids.fatima]: [away('leave', '2026-11-27T23:00:00Z', '2026-12-06T23:00:00Z')],
    });
    const decision = routeReport(base, input());
    assert.equal(decision.rule, 'district-backup');
    assert.deepEqual(decision.assignee, { kind: 'officer', id: ids.jan, name: 'Jan Bakker' });
    assert.equal(
      decision.reasonEn,
      'Fatima de Vries, district officer of Parkwijk, is away until Monday 7 December; Jan Bakker, backup for Parkwijk, takes over: working on Monday 30 November, before the deadline (Thursday 3 December).',
    );
    assert.match(
      decision.reasonNl,
      /^Fatima de Vries, wijkhandhaver van Parkwijk, is afwezig tot maandag 7 december; Jan Bakker, back-up voor Parkwijk, neemt het over/,
    );
  });

  it('keeps the owner when the absence ends before a district day in time', () => {
    const base = withAbsences(snapshot(), {
      [ids.fatima]: [away('sick', '2026-11-30T07:00:00Z', '2026-12-02T07:00:00Z')],
    });
    const decision = routeReport(base, input());
    assert.equal(decision.rule, 'district-owner');
    assert.match(decision.reasonNl, /donderdag 3 december een wijkdag/);
  });

  it('ignores a cancelled absence because the snapshot never holds one', () => {
    assert.equal(routeReport(snapshot(), input()).rule, 'district-owner');
  });
});

describe('routeReport: urgent reports go to someone on duty now', () => {
  it('gives an urgent report to the owner during working hours', () => {
    const decision = routeReport(snapshot(), input({ urgent: true }));
    assert.equal(decision.rule, 'district-owner');
    assert.equal(
      decision.reasonEn,
      'Fatima de Vries is the district officer of Parkwijk and is on duty now for this urgent report.',
    );
  });

  it('passes an urgent evening report to a colleague who is on duty now', () => {
    const officers = [
      ...snapshot().officers,
      officer(ids.eva, 'Eva Mulder', { workStart: '14:00', workEnd: '23:00', openReportCount: 9 }),
    ];
    const decision = routeReport(
      snapshot({ officers }),
      input({ urgent: true, receivedAt: new Date('2026-11-30T19:00:00Z') }),
    );
    assert.equal(decision.assignee.id, ids.eva);
    assert.equal(decision.rule, 'borough-colleague');
    assert.match(
      decision.reasonNl,
      /^Fatima de Vries, wijkhandhaver van Parkwijk, is nu niet in dienst \(werktijd 08:00–17:00\) en de melding is urgent; back-up Jan Bakker is nu niet in dienst/,
    );
    assert.match(
      decision.reasonNl,
      /Eva Mulder uit stadsdeel Oost neemt het over \(9 open meldingen.*\): nu in dienst\.$/,
    );
  });

  it('sends an urgent night report with nobody on duty to the coordinator queue', () => {
    const decision = routeReport(snapshot(), input({ urgent: true, receivedAt: new Date('2026-11-30T23:30:00Z') }));
    assert.equal(decision.rule, 'coordinator-queue');
    assert.deepEqual(decision.assignee, { kind: 'queue', id: ids.group, name: 'Oost + Schalkwijk' });
  });

  it('reads working hours on the local clock across the end of summer time', () => {
    // 06:30 UTC is 08:30 on Friday 23 October (CEST) but 07:30 on Monday 26 October (CET).
    assert.equal(
      routeReport(snapshot(), input({ urgent: true, receivedAt: new Date('2026-10-22T06:30:00Z') })).rule,
      'district-owner',
    );
    assert.equal(
      routeReport(snapshot(), input({ urgent: true, receivedAt: new Date('2026-10-26T06:30:00Z') })).rule,
      'coordinator-queue',
    );
    assert.equal(
      routeReport(snapshot(), input({ urgent: true, receivedAt: new Date('2026-10-26T07:30:00Z') })).rule,
      'district-owner',
    );
  });
});

describe('routeReport: the backup chain', () => {
  const ownerAndBackupAway = {
    [ids.fatima]: [allOfNovemberAndDecember],
    [ids.jan]: [away('sick', '2026-11-29T00:00:00Z', '2026-12-10T00:00:00Z')],
  };

  it('goes to the borough colleague with the fewest open reports', () => {
    const decision = routeReport(withAbsences(snapshot(), ownerAndBackupAway), input());
    assert.equal(decision.rule, 'borough-colleague');
    assert.equal(decision.assignee.name, 'Anna Smit');
    assert.match(
      decision.reasonNl,
      /back-up Jan Bakker is afwezig tot donderdag 10 december; Anna Smit uit stadsdeel Oost neemt het over \(2 open meldingen/,
    );
  });

  it('breaks ties on name, then id', () => {
    const base = withAbsences(snapshot(), ownerAndBackupAway);
    const tied = {
      ...base,
      officers: base.officers.map((o) => (o.id === ids.piet ? { ...o, openReportCount: 2 } : o)),
    };
    assert.equal(routeReport(tied, input()).assignee.name, 'Anna Smit');
    const sameName = {
      ...tied,
      officers: tied.officers.map((o) => (o.id === ids.piet ? { ...o, name: 'Anna Smit' } : o)),
    };
    assert.equal(routeReport(sameName, input()).assignee.id, ids.piet, 'the lower id wins between equal names');
  });

  it('goes to a colleague of the coordinator group when the borough has nobody in time', () => {
    const decision = routeReport(
      withAbsences(snapshot(), {
        ...ownerAndBackupAway,
        [ids.anna]: [allOfNovemberAndDecember],
        [ids.piet]: [allOfNovemberAndDecember],
      }),
      input(),
    );
    assert.equal(decision.rule, 'group-colleague');
    assert.equal(decision.assignee.name, 'Kees Visser');
    assert.match(
      decision.reasonEn,
      /no colleague in borough Oost is available in time; Kees Visser from group Oost \+ Schalkwijk takes over/,
    );
  });

  it("ends in the coordinator group's queue, never with an officer outside the group", () => {
    const absences = {
      ...ownerAndBackupAway,
      [ids.anna]: [allOfNovemberAndDecember],
      [ids.piet]: [allOfNovemberAndDecember],
      [ids.kees]: [allOfNovemberAndDecember],
    };
    const decision = routeReport(withAbsences(snapshot(), absences), input());
    assert.equal(decision.rule, 'coordinator-queue');
    assert.deepEqual(decision.assignee, { kind: 'queue', id: ids.group, name: 'Oost + Schalkwijk' });
    assert.match(
      decision.reasonNl,
      /in de groep Oost \+ Schalkwijk is niemand op tijd beschikbaar; de melding gaat naar de wachtrij van Oost \+ Schalkwijk \(coördinator Carla Coördinator\)\.$/,
    );
  });

  it('explains a district without owner or backup', () => {
    const base = snapshot();
    const orphan = { ...base, district: { ...base.district, ownerId: null, backupId: null } };
    const decision = routeReport(orphan, input());
    assert.equal(decision.rule, 'borough-colleague');
    assert.match(
      decision.reasonNl,
      /^Parkwijk heeft geen wijkhandhaver; Parkwijk heeft geen actieve back-up; Fatima de Vries uit stadsdeel Oost neemt het over \(0 open meldingen/,
    );
  });

  it("falls back on the municipality's first group when the district's borough has none", () => {
    const base = withAbsences(snapshot({ withGroup: false }), {
      [ids.fatima]: [allOfNovemberAndDecember],
      [ids.jan]: [allOfNovemberAndDecember],
      [ids.anna]: [allOfNovemberAndDecember],
      [ids.piet]: [allOfNovemberAndDecember],
    });
    const decision = routeReport(base, input());
    assert.equal(decision.assignee.id, ids.otherGroup);
    assert.match(
      decision.reasonEn,
      /Parkwijk belongs to no coordinator group; the report goes to the queue of Centrum \+ Noord\.$/,
    );
  });
});

describe('routeReport: holidays', () => {
  it('does not count Easter Monday as a district day', () => {
    // Owner's district days Monday and Wednesday. Friday 3 April 2026, 1 work day → Tuesday 7 April (Monday 6 is Easter Monday).
    const base = snapshot();
    const mondays = {
      ...base,
      officers: base.officers.map((o) => (o.id === ids.fatima ? { ...o, districtWeekdays: [1, 3] } : o)),
    };
    const easter = routeReport(mondays, input({ receivedAt: new Date('2026-04-03T15:30:00Z'), workdays: 1 }));
    assert.equal(easter.rule, 'district-backup');
    assert.match(
      easter.reasonNl,
      /heeft geen wijkdag vóór de termijn \(dinsdag 7 april\); Jan Bakker, back-up voor Parkwijk, neemt het over: werkt dinsdag 7 april/,
    );
    const weekLater = routeReport(mondays, input({ receivedAt: new Date('2026-04-10T15:30:00Z'), workdays: 1 }));
    assert.equal(weekLater.rule, 'district-owner');
    assert.match(weekLater.reasonNl, /maandag 13 april een wijkdag/);
  });
});

describe('routeReport: routing rules come first', () => {
  const rule = (
    name: string,
    conditions: RoutingRule['conditions'],
    target: RoutingRule['target'],
    active = true,
  ): RoutingRule => ({
    name,
    active,
    conditions,
    target,
    reasonNl: null,
    reasonEn: null,
  });
  const toParking = rule(
    'parkeren',
    { categoryCodes: ['parkeeroverlast', 'fout-geparkeerd'] },
    { kind: 'team', id: ids.parkeren },
  );
  const parkingInput = input({ categoryCode: 'parkeeroverlast', parentCategoryCode: 'parkeren' });

  it('routes a matching category to its team', () => {
    assert.deepEqual(routeReport(snapshot({ rules: [toParking] }), parkingInput), {
      assignee: { kind: 'team', id: ids.parkeren, name: 'Team Parkeren' },
      rule: 'rule:parkeren',
      reasonNl: 'Regel "parkeren" past op deze melding: Team Parkeren handelt hem af.',
      reasonEn: 'Rule "parkeren" matches this report: Team Parkeren handles it.',
    });
    assert.equal(
      routeReport(snapshot({ rules: [toParking] }), input()).rule,
      'district-owner',
      'other categories keep the chain',
    );
  });

  it('matches a main category code against the parent of the subcategory', () => {
    const allParking = rule('alles parkeren', { categoryCodes: ['parkeren'] }, { kind: 'team', id: ids.parkeren });
    assert.equal(routeReport(snapshot({ rules: [allParking] }), parkingInput).rule, 'rule:alles parkeren');
  });

  it('uses its own reason text when the rule has one', () => {
    const explained = {
      ...toParking,
      reasonNl: 'Parkeren doet Team Parkeren.',
      reasonEn: 'Parking is done by Team Parkeren.',
    };
    assert.equal(
      routeReport(snapshot({ rules: [explained] }), parkingInput).reasonEn,
      'Parking is done by Team Parkeren.',
    );
  });

  it('matches district, borough and source', () => {
    const byDistrict = rule('wijk', { districtCodes: ['WK039206'] }, { kind: 'partner', id: ids.spaarnelanden });
    const otherDistrict = rule(
      'andere wijk',
      { districtCodes: ['WK039201'] },
      { kind: 'partner', id: ids.spaarnelanden },
    );
    const byBorough = rule('stadsdeel', { boroughCodes: ['oost'] }, { kind: 'officer', id: ids.kees });
    const phoneOnly = rule('telefoon', { sources: ['phone'] }, { kind: 'queue', id: ids.group });
    assert.equal(routeReport(snapshot({ rules: [byDistrict] }), input()).assignee.name, 'Spaarnelanden');
    assert.equal(routeReport(snapshot({ rules: [otherDistrict] }), input()).rule, 'district-owner');
    assert.equal(routeReport(snapshot({ rules: [byBorough] }), input()).assignee.name, 'Kees Visser');
    assert.equal(routeReport(snapshot({ rules: [byBorough] }), input({ boroughCode: null })).rule, 'district-owner');
    assert.equal(routeReport(snapshot({ rules: [phoneOnly] }), input()).rule, 'district-owner');
    assert.equal(routeReport(snapshot({ rules: [phoneOnly] }), input({ source: 'phone' })).assignee.kind, 'queue');
  });

  it('needs every condition of a rule to hold', () => {
    const both = rule(
      'parkeren per telefoon',
      { categoryCodes: ['parkeeroverlast'], sources: ['phone'] },
      { kind: 'team', id: ids.parkeren },
    );
    assert.equal(routeReport(snapshot({ rules: [both] }), parkingInput).rule, 'district-owner');
    assert.equal(
      routeReport(snapshot({ rules: [both] }), { ...parkingInput, source: 'phone' }).rule,
      'rule:parkeren per telefoon',
    );
  });

  it('matches a night window that wraps midnight, in local time', () => {
    const night = rule('nacht', { timeFrom: '22:00', timeTo: '06:00' }, { kind: 'queue', id: ids.group });
    const at = (iso: string) => routeReport(snapshot({ rules: [night] }), input({ receivedAt: new Date(iso) })).rule;
    assert.equal(at('2026-11-30T22:30:00Z'), 'rule:nacht'); // 23:30 local
    assert.equal(at('2026-11-30T04:59:00Z'), 'rule:nacht'); // 05:59 local
    assert.equal(at('2026-11-30T05:00:00Z'), 'district-owner'); // 06:00 local: the end is exclusive
    assert.equal(at('2026-11-30T21:00:00Z'), 'rule:nacht'); // 22:00 local
    assert.equal(at('2026-11-30T20:59:00Z'), 'district-owner'); // 21:59 local, 20:59 UTC
    assert.equal(at('2026-11-30T11:00:00Z'), 'district-owner');
  });

  it('matches weekdays on the local calendar', () => {
    const weekend = rule('weekend', { weekdays: [6, 7] }, { kind: 'queue', id: ids.group });
    // 23:30 UTC on Friday 4 December is Saturday 00:30 in Haarlem.
    assert.equal(
      routeReport(snapshot({ rules: [weekend] }), input({ receivedAt: new Date('2026-12-04T23:30:00Z') })).rule,
      'rule:weekend',
    );
    assert.equal(
      routeReport(snapshot({ rules: [weekend] }), input({ receivedAt: new Date('2026-12-04T22:30:00Z') })).rule,
      'district-owner',
    );
  });

  it('lets the first matching rule win and skips inactive rules', () => {
    const toQueue = rule('wachtrij', { categoryCodes: ['parkeeroverlast'] }, { kind: 'queue', id: ids.group });
    assert.equal(routeReport(snapshot({ rules: [toQueue, toParking] }), parkingInput).rule, 'rule:wachtrij');
    assert.equal(routeReport(snapshot({ rules: [toParking, toQueue] }), parkingInput).rule, 'rule:parkeren');
    assert.equal(
      routeReport(snapshot({ rules: [{ ...toQueue, active: false }, toParking] }), parkingInput).rule,
      'rule:parkeren',
    );
  });

  it('skips a rule whose target is gone or whose officer is absent now', () => {
    const gone = rule('weg', {}, { kind: 'team', id: '00000000-0000-4000-8000-0000000000ff' });
    const wrongKind = rule('verkeerde soort', {}, { kind: 'partner', id: ids.parkeren });
    const toKees = rule('kees', {}, { kind: 'officer', id: ids.kees });
    assert.equal(routeReport(snapshot({ rules: [gone, wrongKind] }), input()).rule, 'district-owner');
    const keesAway = withAbsences(snapshot({ rules: [toKees, toParking] }), { [ids.kees]: [allOfNovemberAndDecember] });
    assert.equal(routeReport(keesAway, parkingInput).rule, 'rule:parkeren');
  });
});

describe('routeReport: determinism', () => {
  it('gives the same decision for the same snapshot and input, whatever the order of officers', () => {
    const base = withAbsences(snapshot(), {
      [ids.fatima]: [allOfNovemberAndDecember],
      [ids.jan]: [allOfNovemberAndDecember],
    });
    const first = routeReport(base, input());
    assert.deepEqual(routeReport(base, input()), first);
    assert.deepEqual(routeReport({ ...base, officers: [...base.officers].reverse() }, input()), first);
  });
});
