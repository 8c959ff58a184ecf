import { useEffect, useState } from 'react';
import type { PatrolPlan } from '../../api/contract.ts';
import { myPatrolPlans, rotateCalendarToken } from '../../api/staff-analysis.ts';
import { VisitTable } from '../analysis/plans-view.tsx';
import { mondayOf } from '../analysis/weeks.ts';
import { useStaffI18n } from '../staff-i18n.ts';

type State = { status: 'loading' } | { status: 'loaded'; plan: PatrolPlan | null } | { status: 'failed' };

/** This week's plan, or else the next one (plans are made for the coming week). */
const planToShow = (plans: PatrolPlan[]) =>
  plans.find((p) => p.weekStartDate === mondayOf(new Date())) ?? plans[0] ?? null;

/** Print only this section: the rest of the page is hidden while the print dialog is open. */
function printWeek() {
  document.body.classList.add('wp-print-week');
  window.addEventListener('afterprint', () => document.body.classList.remove('wp-print-week'), { once: true });
  window.print();
}

/** Mijn week: the officer's patrol visits (day, time, place, reason), printable and as a calendar feed. */
export function MyWeek() {
  const { t } = useStaffI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [calendarUrl, setCalendarUrl] = useState<string | null>(null);
  const [calendarFailed, setCalendarFailed] = useState(false);

  useEffect(() => {
    myPatrolPlans()
      .then(({ plans }) => setState({ status: 'loaded', plan: planToShow(plans) }))
      .catch(() => setState({ status: 'failed' }));
  }, []);

  async function subscribe() {
    try {
      const token = await rotateCalendarToken();
      setCalendarUrl(new URL(token.url, window.location.origin).href);
      setCalendarFailed(false);
    } catch {
      setCalendarFailed(true);
    }
  }

  return (
    <section className="wp-section wp-my-week" aria-labelledby="my-week-title" id="my-week">
      <h2 className="utrecht-heading-2" id="my-week-title">
        {state.status === 'loaded' && state.plan
          ? t('myWeek.titleOf', { date: state.plan.weekStartDate })
          : t('myWeek.title')}
      </h2>
      {state.status === 'loading' ? (
        <p className="utrecht-paragraph" role="status">
          {t('shell.loading')}
        </p>
      ) : state.status === 'failed' ? (
        <p className="utrecht-paragraph" role="alert">
          {t('myWeek.failed')}
        </p>
      ) : !state.plan ? (
        <p className="utrecht-paragraph">{t('myWeek.none')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('myWeek.intro')}</p>
          <VisitTable plan={state.plan} id="my-week-visits" />
          <ul className="utrecht-unordered-list wp-my-week__places">
            {state.plan.visits.map((visit) => (
              <li key={visit.id}>
                {t('myWeek.place', {
                  district: visit.districtName,
                  lat: visit.centre.coordinates[1].toFixed(5),
                  lon: visit.centre.coordinates[0].toFixed(5),
                })}
              </li>
            ))}
          </ul>
          <div className="wp-actions wp-print-hide">
            <button
              type="button"
              id="print-week"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={printWeek}
            >
              {t('myWeek.print')}
            </button>
            <button
              type="button"
              id="subscribe-calendar"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => void subscribe()}
            >
              {t('myWeek.subscribe')}
            </button>
          </div>
        </>
      )}
      {calendarUrl ? (
        <div className="wp-print-hide">
          <label className="utrecht-form-label" htmlFor="calendar-url">
            {t('myWeek.calendarUrl')}
          </label>
          <input
            id="calendar-url"
            className="utrecht-textbox wp-wide"
            readOnly
            value={calendarUrl}
            aria-describedby="calendar-help"
          />
          <p className="utrecht-paragraph" id="calendar-help">
            {t('myWeek.calendarHelp')}
          </p>
        </div>
      ) : null}
      {calendarFailed ? (
        <p className="wp-error-text" role="alert">
          {t('myWeek.calendarFailed')}
        </p>
      ) : null}
    </section>
  );
}
