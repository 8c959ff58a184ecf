import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { LocatedPoint } from '../api/contract.ts';
import { locatePoint } from '../api/resident.ts';
import { resolveAddress, suggestAddresses } from '../api/addresses.ts';
import type { AddressSuggestion, LonLat } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LocationMap, type NearbyPin } from '../map/location-map.tsx';
import { useDistricts } from '../map/use-districts.ts';
import { useUiConfig } from '../ui-config.tsx';
import { AddressCombobox } from './address-combobox.tsx';
import { FormField } from './form-field.tsx';

export type LocateState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'inside'; result: LocatedPoint }
  | { status: 'outside' }
  | { status: 'failed' };

export interface ChosenLocation {
  point: LonLat | null;
  address: string | null;
  locate: LocateState;
}

type AddressState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'results'; items: AddressSuggestion[] }
  | { status: 'unavailable' }
  | { status: 'outside' };
type GpsState = 'idle' | 'busy' | 'failed';

interface LocationPickerProps {
  value: ChosenLocation;
  onChange: (next: ChosenLocation) => void;
  error?: string | undefined;
  /** Open reports of the same subject nearby (the duplicate hint's), shown as pins on the map. */
  nearby?: NearbyPin[];
}

const NO_SUGGESTIONS: AddressSuggestion[] = [];

/** Place of the report: map tap, GPS, or address search; the chosen point is told which district it is in. */
export function LocationPicker({ value, onChange, error, nearby }: LocationPickerProps) {
  const { t } = useI18n();
  const { config } = useUiConfig();
  const districts = useDistricts(config.municipalityCode);
  const [query, setQuery] = useState('');
  const [address, setAddress] = useState<AddressState>({ status: 'idle' });
  const [gps, setGps] = useState<GpsState>('idle');
  const locateRun = useRef(0);
  const chosenLabel = useRef<string | null>(null);
  // The point of the last address chosen: the map zooms to street level there (a tap keeps the zoom).
  const [streetLevel, setStreetLevel] = useState<LonLat | null>(null);
  const suggestions = address.status === 'results' ? address.items : NO_SUGGESTIONS;

  const choose = (point: LonLat, chosenAddress: string | null) => {
    const run = ++locateRun.current;
    onChange({ point, address: chosenAddress, locate: { status: 'checking' } });
    locatePoint(point)
      .then(
        (result) =>
          run === locateRun.current &&
          onChange({ point, address: chosenAddress, locate: { status: 'inside', result } }),
      )
      .catch((failure: unknown) => {
        if (run !== locateRun.current) return;
        const outside = failure instanceof ApiError && (failure.status === 422 || failure.status === 404);
        onChange({ point, address: chosenAddress, locate: { status: outside ? 'outside' : 'failed' } });
      });
  };

  const search = (text: string) => {
    if (text.trim().length < 3) return;
    setAddress({ status: 'searching' });
    suggestAddresses(text, config.municipalityCode)
      .then((items) => setAddress({ status: 'results', items }))
      .catch(() => setAddress({ status: 'unavailable' }));
  };

  const chooseSuggestion = async (item: AddressSuggestion) => {
    chosenLabel.current = item.label;
    setQuery(item.label);
    setAddress({ status: 'idle' });
    const resolved = await resolveAddress(item);
    if (resolved.status === 'found') {
      setStreetLevel(resolved.point);
      choose(resolved.point, resolved.label);
    } else setAddress({ status: resolved.status });
  };

  useEffect(() => {
    if (query.trim().length < 3 || query === chosenLabel.current) return;
    const timer = setTimeout(() => search(query), 350);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- searching follows what is typed; search() itself is recreated each render
  }, [query]);

  const useMyLocation = () => {
    if (!('geolocation' in navigator)) {
      setGps('failed');
      return;
    }
    setGps('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setGps('idle');
        choose([position.coords.longitude, position.coords.latitude], null);
      },
      () => setGps('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wp-section">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        <h2 className="utrecht-heading-2">{t('location.legend')}</h2>
      </legend>
      <FormField
        id="address"
        label={t('location.addressLabel')}
        optional
        description={t('location.addressDescription')}
      >
        {(a11y) => (
          <AddressCombobox
            a11y={a11y}
            value={query}
            onValueChange={setQuery}
            suggestions={suggestions}
            onChoose={(item) => void chooseSuggestion(item)}
            onEnter={() => search(query)}
            listLabel={t('location.addressResults')}
            autoComplete="street-address"
          />
        )}
      </FormField>
      <div className="wp-actions">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => search(query)}>
          {t('location.addressSearch')}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={useMyLocation}>
          {t('location.useMyLocation')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {address.status === 'unavailable' ? (
          <p className="utrecht-paragraph">{t('location.addressUnavailable')}</p>
        ) : null}
        {address.status === 'outside' ? (
          <p className="utrecht-paragraph">{t('location.outside', { municipality: config.municipalityName })}</p>
        ) : null}
        {address.status === 'results' && address.items.length === 0 ? (
          <p className="utrecht-paragraph">{t('location.addressNone')}</p>
        ) : null}
        {gps === 'busy' ? <p className="utrecht-paragraph">{t('location.gpsBusy')}</p> : null}
        {gps === 'failed' ? <p className="utrecht-paragraph">{t('location.gpsFailed')}</p> : null}
      </div>
      <div className={`utrecht-form-field wp-field${error ? ' utrecht-form-field--invalid' : ''}`}>
        <p className="utrecht-form-field-description" id="location-map-help">
          {t('location.mapHelp')}
        </p>
        {error ? (
          <p className="utrecht-form-field-error-message" id="location-map-error">
            {error}
          </p>
        ) : null}
        <LocationMap
          id="location-map"
          tileUrl={config.mapTileUrl}
          attribution={config.mapAttribution}
          districts={districts}
          value={value.point}
          streetLevel={streetLevel}
          nearby={nearby}
          onChange={(point) => choose(point, null)}
          describedBy={error ? 'location-map-help location-map-error' : 'location-map-help'}
        />
        <LocateMessage state={value.locate} />
      </div>
    </fieldset>
  );
}

function LocateMessage({ state }: { state: LocateState }) {
  const { t } = useI18n();
  const { config } = useUiConfig();
  let text = '';
  if (state.status === 'checking') text = t('location.checking');
  if (state.status === 'outside') text = t('location.outside', { municipality: config.municipalityName });
  if (state.status === 'failed') text = t('location.lookupFailed');
  if (state.status === 'inside') {
    const { districtName, boroughName } = state.result;
    text = boroughName
      ? t('location.chosenIn', { district: districtName, borough: boroughName })
      : t('location.chosenInNoBorough', { district: districtName });
  }
  return (
    <p
      className={`utrecht-paragraph${state.status === 'outside' ? ' wp-counter--over' : ''}`}
      role="status"
      aria-live="polite"
      id="location-result"
    >
      {text}
    </p>
  );
}
