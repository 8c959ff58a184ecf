import { useEffect, useMemo, useState } from 'react';
import { getOfficer } from '../../api/staff-people.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { Link } from '../../router.tsx';
import { useStaffUser } from '../session.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { MyWeek } from './my-week.tsx';
import { ReportsListOrMap, type ReportsView } from './reports-list-or-map.tsx';
import { useReports } from './use-reports.ts';
import { openStatuses } from './workflow.ts';

/**
 * Mijn wijk: the officer's open reports, overdue first: assigned to me (reports of an absent colleague arrive by
 * re-routing), to my team, or to the queue of a coordinator group I run (`heldByMe`).
 */
export function WorklistPage() {
  const { t } = useStaffI18n();
  const user = useStaffUser();
  const [view, setView] = useState<ReportsView>(() =>
    new URLSearchParams(window.location.search).get('weergave') === 'kaart' ? 'map' : 'list',
  );
  const query = useMemo(() => new URLSearchParams({ heldByMe: 'true', status: openStatuses.join(',') }).toString(), []);
  const { state } = useReports(query);
  // Reports outside my own districts came to me as a backup: the list marks them.
  const [ownDistricts, setOwnDistricts] = useState<Set<string>>(new Set());
  useEffect(() => {
    getOfficer(user.id)
      .then((officer) =>
        setOwnDistricts(new Set(officer.districts.filter((d) => d.duty === 'owner').map((d) => d.code))),
      )
      .catch(() => undefined);
  }, [user.id]);
  const items = useMemo(() => (state.status === 'loaded' ? state.items : []), [state]);
  const overdue = items.filter((r) => r.overdue).length;

  return (
    <>
      <PageHeading>{t('worklist.title')}</PageHeading>
      <div className="wp-actions">
        <Link
          to="/werk/vastleggen"
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        >
          {t('nav.fieldLog')}
        </Link>
        <Link
          to="/werk/straatmelding"
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        >
          {t('nav.streetReport')}
        </Link>
      </div>
      <p className="utrecht-paragraph" role="status" id="worklist-summary">
        {state.status === 'loading'
          ? t('shell.loading')
          : state.status === 'failed'
            ? t('worklist.failed')
            : t('worklist.summary', { count: items.length, overdue })}
      </p>
      <ReportsListOrMap
        idPrefix="worklist"
        view={view}
        onView={setView}
        reports={items}
        empty={state.status === 'loaded' && items.length === 0}
        emptyText={t('worklist.empty')}
        mapLabel={t('worklist.mapLabel')}
        ownDistricts={ownDistricts}
      />
      <MyWeek />
    </>
  );
}
