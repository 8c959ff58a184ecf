import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { locatePoint } from '../../api/resident.ts';
import { resolveAddress, suggestAddresses } from '../../api/addresses.ts';
import type { AddressSuggestion, LonLat } from '../../api/types.ts';
import { useUiConfig } from '../../ui-config.tsx';
import { AddressCombobox } from '../../components/address-combobox.tsx';
import { FormField } from '../../components/form-field.tsx';
import { ReportMap, type MapReport } from '../map/report-map.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import type { IntakeDraft } from './intake-model.ts';
import { useNearbyOpenReports } from './nearby-reports.ts';

type Place = Pick<IntakeDraft, 'point' | 'address' | 'districtName' | 'outside'>;
type Search =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'results'; items: AddressSuggestion[] }
  | { status: 'unavailable' };
const NO_SUGGESTIONS: AddressSuggestion[] = [];

/**
 * Address first: suggestions appear while the agent types, and the map follows the first one with the
 * open reports around it, so a duplicate shows before anything else is asked. Without address search
 * (PDOK offline) a tap on the map, or GPS in the street, sets the place.
 */
export function IntakeLocation({
  value,
  onChange,
  error,
  withGps,
}: {
  value: Place;
  onChange: (place: Place) => void;
  error?: string | undefined;
  withGps: boolean;
}) {
  const { t } = useStaffI18n();
  const { config } = useUiConfig();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<Search>({ status: 'idle' });
  const chosenLabel = useRef<string | null>(null);
  const locateRun = useRef(0);
  const [preview, setPreview] = useState<LonLat | null>(null);
  const [streetLevel, setStreetLevel] = useState<LonLat | null>(null);
  const suggestions = search.status === 'results' ? search.items : NO_SUGGESTIONS;

  const chooseSuggestion = (item: AddressSuggestion) => {
    chosenLabel.current = item.label;
    setQuery(item.label);
    setSearch({ status: 'idle' });
    // suggestions carry an id; the point comes from GET /api/v1/addresses/{id}
    void resolveAddress(item).then((resolved) => {
      if (resolved.status === 'found') {
        setStreetLevel(resolved.point);
        choose(resolved.point, resolved.label);
      } else if (resolved.status === 'outside')
        onChange({ point: null, address: null, districtName: null, outside: true });
      else setSearch({ status: 'unavailable' });
    });
  };
  const nearby = useNearbyOpenReports(value.point ?? preview);
  const mapReports = useMemo<MapReport[]>(
    () =>
      nearby.map((r) => ({
        id: r.id,
        point: r.location.coordinates,
        label: `${r.category.name}, ${r.address ?? r.district.name}`,
        overdue: r.overdue,
      })),
    [nearby],
  );

  const choose = (point: LonLat, address: string | null) => {
    const run = ++locateRun.current;
    onChange({ point, address, districtName: null, outside: false });
    locatePoint(point)
      .then(
        (result) =>
          run === locateRun.current && onChange({ point, address, districtName: result.districtName, outside: false }),
      )
      .catch((failure: unknown) => {
        if (run !== locateRun.current) return;
        const outside = failure instanceof ApiError && (failure.status === 422 || failure.status === 404);
        onChange({ point, address, districtName: null, outside });
      });
  };

  useEffect(() => {
    const text = query.trim();
    if (text.length < 3 || query === chosenLabel.current) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setSearch({ status: 'searching' });
      suggestAddresses(text, config.municipalityCode, abort.signal)
        .then(async (items) => {
          setSearch({ status: 'results', items });
          // While the agent is still typing, the map already shows the open reports around the best match.
          const best = items[0] ? await resolveAddress(items[0]) : null;
          if (!abort.signal.aborted && best?.status === 'found') setPreview(best.point);
        })
        .catch(() => !abort.signal.aborted && setSearch({ status: 'unavailable' }));
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the municipality does not change while the page is open; searching follows the query
  }, [query]);

  const useGps = () =>
    navigator.geolocation?.getCurrentPosition(
      (position) => choose([position.coords.longitude, position.coords.latitude], null),
      () => setSearch({ status: 'unavailable' }),
      { enableHighAccuracy: true, timeout: 15_000 },
    );

  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wp-section">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        <h2 className="utrecht-heading-2">{t('intake.whereLegend')}</h2>
      </legend>
      <FormField id="intake-address" label={t('intake.address')} description={t('intake.addressHelp')} error={error}>
        {(a11y) => (
          <AddressCombobox
            a11y={a11y}
            value={query}
            onValueChange={setQuery}
            suggestions={suggestions}
            onChoose={chooseSuggestion}
            listLabel={t('intake.addressResults')}
            autoComplete="off"
          />
        )}
      </FormField>
      {withGps ? (
        <div className="wp-actions">
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={useGps}>
            {t('intake.useGps')}
          </button>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {search.status === 'unavailable' ? <p className="utrecht-paragraph">{t('intake.addressUnavailable')}</p> : null}
        {search.status === 'results' && search.items.length === 0 ? (
          <p className="utrecht-paragraph">{t('intake.addressNone')}</p>
        ) : null}
      </div>
      <p className="utrecht-paragraph wp-map-note" id="intake-map-help">
        {t('intake.mapHelp')}
      </p>
      <ReportMap
        id="intake-map"
        label={t('intake.mapLabel')}
        reports={mapReports}
        pin={value.point}
        streetLevel={streetLevel}
        onPick={(point) => choose(point, null)}
        describedBy="intake-map-help"
      />
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="intake-place">
        {value.outside
          ? t('intake.locationOutside')
          : value.districtName
            ? t('intake.placeIn', { district: value.districtName })
            : ''}
      </p>
      <NearbyList
        count={nearby.length}
        items={nearby
          .slice(0, 5)
          .map((r) => `${r.category.name} · ${r.address ?? r.district.name} · ${r.trackingCode}`)}
      />
    </fieldset>
  );
}

function NearbyList({ count, items }: { count: number; items: string[] }) {
  const { t } = useStaffI18n();
  return (
    <div className="wp-nearby" aria-live="polite">
      <p className="utrecht-paragraph" id="intake-nearby-count">
        {count ? t('intake.nearbyCount', { count }) : t('intake.nearbyNone')}
      </p>
      {items.length ? (
        <ul className="utrecht-unordered-list">
          {items.map((item) => (
            <li key={item} className="utrecht-unordered-list__item">
              {item}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
