import { useStaffI18n } from '../staff-i18n.ts';

/** The view's exports: the same query with another format, fetched by the browser as a download. */
export function Downloads({ csv, geojson, name }: { csv: string; geojson?: string; name: string }) {
  const { t } = useStaffI18n();
  return (
    <p className="utrecht-paragraph wp-downloads">
      <a className="utrecht-link" href={csv} download={`${name}.csv`}>
        {t('analysis.downloadCsv')}
      </a>
      {geojson ? (
        <>
          {' · '}
          <a className="utrecht-link" href={geojson} download={`${name}.geojson`}>
            {t('analysis.downloadGeoJson')}
          </a>
        </>
      ) : null}
    </p>
  );
}

export function ViewStatus({ state }: { state: { status: 'loading' } | { status: 'failed' } }) {
  const { t } = useStaffI18n();
  return (
    <p className="utrecht-paragraph" role="status">
      {state.status === 'failed' ? t('analysis.failed') : t('shell.loading')}
    </p>
  );
}
