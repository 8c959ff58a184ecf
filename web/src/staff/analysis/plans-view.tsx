import { useState } from 'react';
import type { PatrolPlan } from '../../api/contract.ts';
import { patrolPlanEvaluation, patrolPlans, type AnalysisFilters } from '../../api/staff-analysis.ts';
import { FormField } from '../../components/form-field.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { ViewStatus } from './downloads.tsx';
import { SimpleTable } from './simple-table.tsx';
import { useView } from './use-view.ts';
import { mondayOf } from './weeks.ts';

/** Plannen: the team's visits for a week per officer; for a past week, the plan against what happened. */
// The shared filters do not apply: a plan is for one week and the whole team.
export function PlansView(_props: { filters: AnalysisFilters }) {
  const { t, timeZone } = useStaffI18n();
  const weeks = [-1, 0, 1, 2].map((offset) => ({ offset, monday: mondayOf(new Date(), offset, timeZone) }));
  const [week, setWeek] = useState(weeks[2]!.monday);
  const state = useView(() => patrolPlans(week), week);
  const past = week < mondayOf(new Date(), 0, timeZone);
  return (
    <section aria-labelledby="plans-title" className="wp-section">
      <h2 className="utrecht-heading-2" id="plans-title">
        {t('analysis.plansTitle')}
      </h2>
      <FormField id="plans-week" label={t('analysis.week')}>
        {(a11y) => (
          <select
            {...a11y}
            className="utrecht-select utrecht-select--html-select"
            value={week}
            onChange={(e) => setWeek(e.target.value)}
          >
            {weeks.map((w) => (
              <option key={w.monday} value={w.monday}>
                {t(w.offset < 0 ? 'analysis.weekPast' : w.offset === 0 ? 'analysis.weekThis' : 'analysis.weekOf', {
                  date: w.monday,
                })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {state.status !== 'loaded' ? (
        <ViewStatus state={state} />
      ) : state.data.plans.length === 0 ? (
        <p className="utrecht-paragraph" id="plans-empty">
          {t('analysis.noPlans')}
        </p>
      ) : (
        state.data.plans.map((plan) => <OfficerPlan key={plan.id} plan={plan} evaluate={past} />)
      )}
    </section>
  );
}

function OfficerPlan({ plan, evaluate }: { plan: PatrolPlan; evaluate: boolean }) {
  const { t, formatShort } = useStaffI18n();
  return (
    <div className="wp-card wp-plan" data-officer={plan.officer.name}>
      <h3 className="utrecht-heading-3">{plan.officer.name}</h3>
      <VisitTable plan={plan} id={`plan-${plan.id}`} />
      {evaluate ? <Evaluation planId={plan.id} /> : null}
      <p className="wp-plan__meta">
        {t('analysis.planMeta', { method: plan.method, generated: formatShort(plan.generatedAt) })}
      </p>
    </div>
  );
}

export function VisitTable({ plan, id }: { plan: PatrolPlan; id: string }) {
  const { t, language, locale, timeZone } = useStaffI18n();
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone,
    }).format(new Date(iso));
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
  return (
    <SimpleTable
      id={id}
      caption={t('analysis.visitsOf', { name: plan.officer.name })}
      head={[t('analysis.day'), t('analysis.time'), t('analysis.district'), t('analysis.reason')]}
      rows={plan.visits.map((v) => [
        day(v.startsAt),
        `${time(v.startsAt)}–${time(v.endsAt)}`,
        v.districtName,
        language === 'en' ? v.reason.en : v.reason.nl,
      ])}
      empty={t('analysis.noVisits')}
    />
  );
}

function Evaluation({ planId }: { planId: string }) {
  const { t, formatShort } = useStaffI18n();
  const state = useView(() => patrolPlanEvaluation(planId), planId);
  if (state.status !== 'loaded') return <ViewStatus state={state} />;
  const { data } = state;
  return (
    <>
      <p className="utrecht-paragraph">
        {t('analysis.covered', {
          share: data.coveredShare === null ? '–' : `${Math.round(data.coveredShare * 100)}%`,
        })}
      </p>
      <SimpleTable
        id={`evaluation-${planId}`}
        caption={t('analysis.evaluationCaption')}
        head={[
          t('analysis.visit'),
          t('analysis.coveredHead'),
          t('analysis.roundMinutes'),
          t('analysis.observationsThatDay'),
        ]}
        rows={data.visits.map((v) => [
          formatShort(v.startsAt),
          v.covered ? t('analysis.yes') : t('analysis.no'),
          Math.round(v.roundMinutes),
          v.observationsInCellThatDay,
        ])}
        empty={t('analysis.noVisits')}
      />
    </>
  );
}
