import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { DistrictReportCollection, OfficerCard, PublicMeeting } from '../api/contract.ts';
import { districtMeetings, districtOfficer, districtReports } from '../api/public-reports.ts';
import { PageHeading } from '../components/page-title.tsx';
import { useI18n, type Language } from '../i18n/i18n.tsx';
import { DistrictReportsMap } from '../map/district-reports-map.tsx';
import { useDistricts } from '../map/use-districts.ts';
import { Link } from '../router.tsx';
import { useUiConfig } from '../ui-config.tsx';

type Loaded<T> = { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'missing' } | { status: 'failed' };

function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to the waiting state when the request's key changes, before this effect's fetch
    setState({ status: 'loading' });
    load(abort.signal)
      .then((data) => setState({ status: 'loaded', data }))
      .catch((failure: unknown) => {
        if (!abort.signal.aborted)
          setState({
            status:
              failure instanceof ApiError && (failure.status === 404 || failure.status === 400) ? 'missing' : 'failed',
          });
      });
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's key names the request; load is a new closure each render
  }, [key]);
  return state;
}

/** "Mijn wijk" for one district: its officer, its open reports (no personal data) and the coming wijkraad meetings. */
export function MyDistrictView({ code }: { code: string }) {
  const { t } = useI18n();
  const officer = useLoaded((signal) => districtOfficer(code, signal), code);
  const reports = useLoaded((signal) => districtReports(code, signal), code);
  const meetings = useLoaded((signal) => districtMeetings(code, signal), code);
  const name =
    reports.status === 'loaded'
      ? reports.data.districtName
      : officer.status === 'loaded'
        ? officer.data.districtName
        : null;

  if (reports.status === 'missing') {
    return (
      <>
        <PageHeading>{t('myDistrict.title')}</PageHeading>
        <div className="utrecht-alert utrecht-alert--warning" role="alert">
          <p className="utrecht-paragraph">{t('myDistrict.notFound')}</p>
        </div>
        <p className="utrecht-paragraph">
          <Link to="/mijn-wijk">{t('myDistrict.otherDistrict')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{name ? t('myDistrict.districtTitle', { district: name }) : t('myDistrict.title')}</PageHeading>
      <p className="utrecht-paragraph">
        <Link to="/mijn-wijk">{t('myDistrict.otherDistrict')}</Link>
      </p>
      <OfficerSection state={officer} />
      <ReportsSection code={code} name={name ?? code} state={reports} />
      <MeetingsSection state={meetings} />
    </>
  );
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((part) => /^\p{Lu}/u.test(part))
    .map((part) => part[0])
    .slice(0, 2)
    .join('') || name.slice(0, 1);

/** ISO weekdays (1 = Monday) as "dinsdag en donderdag". */
function weekdayList(days: number[], language: Language): string {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const names = [...days].sort().map((day) => format.format(new Date(Date.UTC(2024, 0, day)))); // 1 January 2024 was a Monday
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

function OfficerSection({ state }: { state: Loaded<OfficerCard> }) {
  const { t, language } = useI18n();
  return (
    <section className="wp-section" aria-labelledby="officer-heading" id="district-officer">
      <h2 className="utrecht-heading-2" id="officer-heading">
        {t('myDistrict.officerHeading')}
      </h2>
      {state.status === 'loading' ? <p className="utrecht-paragraph">{t('app.loading')}</p> : null}
      {state.status === 'missing' ? <p className="utrecht-paragraph">{t('myDistrict.noOfficer')}</p> : null}
      {state.status === 'failed' ? <p className="utrecht-paragraph">{t('myDistrict.officerFailed')}</p> : null}
      {state.status === 'loaded' ? (
        <div className="wp-officer">
          {state.data.photoUrl ? (
            <img className="wp-officer__avatar" src={state.data.photoUrl} alt="" width={96} height={96} />
          ) : (
            <span className="wp-officer__avatar wp-officer__initials" aria-hidden="true">
              {initials(state.data.name)}
            </span>
          )}
          <div className="wp-stack">
            <p className="utrecht-paragraph">
              <strong className="wp-officer__name">{state.data.name}</strong>
              <br />
              {t('myDistrict.officerRole', { district: state.data.districtName })}
            </p>
            {state.data.introduction ? <p className="utrecht-paragraph">{state.data.introduction}</p> : null}
            {state.data.districtWeekdays.length ? (
              <p className="utrecht-paragraph">
                {t('myDistrict.districtDays', { days: weekdayList(state.data.districtWeekdays, language) })}
              </p>
            ) : null}
            <h3 className="utrecht-heading-3">{t('myDistrict.reach')}</h3>
            {state.data.publicPhone ? (
              <p className="utrecht-paragraph">
                <a className="utrecht-link" href={`tel:${state.data.publicPhone.replace(/[^+\d]/g, '')}`}>
                  {t('myDistrict.phone', { phone: state.data.publicPhone })}
                </a>
              </p>
            ) : null}
            <p className="utrecht-paragraph">{t('myDistrict.reachByReport', { name: state.data.name })}</p>
            <p className="utrecht-paragraph">
              <Link to="/melden">{t('nav.report')}</Link>
            </p>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function ReportsSection({
  code,
  name,
  state,
}: {
  code: string;
  name: string;
  state: Loaded<DistrictReportCollection>;
}) {
  const { t, language } = useI18n();
  const { config } = useUiConfig();
  const districts = useDistricts(config.municipalityCode);
  const data = state.status === 'loaded' ? state.data : null;
  const byCategory = new Map<string, number>();
  for (const feature of data?.features ?? []) {
    const label = language === 'en' ? feature.properties.category.nameEn : feature.properties.category.nameNl;
    byCategory.set(label, (byCategory.get(label) ?? 0) + 1);
  }
  const rows = [...byCategory].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], language));
  const count = data?.numberMatched ?? 0;
  return (
    <section className="wp-section" aria-labelledby="reports-heading" id="district-reports">
      <h2 className="utrecht-heading-2" id="reports-heading">
        {t('myDistrict.reportsHeading')}
      </h2>
      <p className="utrecht-paragraph">{t('myDistrict.reportsIntro')}</p>
      {state.status === 'failed' ? <p className="utrecht-paragraph">{t('myDistrict.reportsFailed')}</p> : null}
      <p className="utrecht-paragraph" id="district-reports-summary">
        {data
          ? count === 0
            ? t('myDistrict.reportsNone')
            : count === 1
              ? t('myDistrict.reportsCountOne')
              : t('myDistrict.reportsCount', { count })
          : ''}
        {data && data.numberReturned < count
          ? ` ${t('myDistrict.reportsMore', { shown: data.numberReturned, count })}`
          : ''}
      </p>
      <DistrictReportsMap
        districtCode={code}
        label={t('myDistrict.reportsMap', { district: name })}
        describedBy="district-reports-summary"
        tileUrl={config.mapTileUrl}
        attribution={config.mapAttribution}
        districts={districts}
        reports={data?.features ?? []}
      />
      {rows.length ? (
        <table className="utrecht-table wp-table" id="district-reports-table">
          <caption className="utrecht-table__caption">{t('myDistrict.reportsTable')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t('myDistrict.subject')}
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                {t('myDistrict.count')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map(([label, n]) => (
              <tr key={label} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__cell">
                  {label}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function MeetingsSection({ state }: { state: Loaded<PublicMeeting[]> }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section className="wp-section" aria-labelledby="meetings-heading" id="district-meetings">
      <h2 className="utrecht-heading-2" id="meetings-heading">
        {t('myDistrict.meetingsHeading')}
      </h2>
      {state.status === 'failed' || state.status === 'missing' ? (
        <p className="utrecht-paragraph">{t('myDistrict.meetingsFailed')}</p>
      ) : null}
      {state.status === 'loaded' && state.data.length === 0 ? (
        <p className="utrecht-paragraph">{t('myDistrict.meetingsNone')}</p>
      ) : null}
      {state.status === 'loaded' && state.data.length > 0 ? (
        <ul className="utrecht-unordered-list wp-meetings">
          {state.data.map((meeting) => (
            <li key={meeting.id} className="utrecht-unordered-list__item">
              <strong>{formatDateTime(meeting.startsAt)}</strong>: {meeting.title}
              {meeting.locationText ? (
                <>
                  <br />
                  {t('myDistrict.meetingPlace', { place: meeting.locationText })}
                </>
              ) : null}
              {meeting.officerName ? (
                <>
                  <br />
                  {t('myDistrict.meetingOfficer', { name: meeting.officerName })}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
