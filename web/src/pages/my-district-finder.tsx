import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { locatePoint } from '../api/resident.ts';
import { resolveAddress, suggestAddresses } from '../api/addresses.ts';
import type { AddressSuggestion, LonLat } from '../api/types.ts';
import { FormField } from '../components/form-field.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { LocationMap } from '../map/location-map.tsx';
import { useDistricts, type DistrictsState } from '../map/use-districts.ts';
import { useRouter } from '../router.tsx';
import { useUiConfig } from '../ui-config.tsx';

type Finding =
  | { status: 'idle' }
  | { status: 'finding' }
  | { status: 'outside' }
  | { status: 'failed' }
  | { status: 'no-address' }
  | { status: 'unavailable' };
type Suggestions = { status: 'idle' } | { status: 'results'; items: AddressSuggestion[] };

export const myDistrictPath = (code: string) => `/mijn-wijk/${encodeURIComponent(code)}`;

/** "Mijn wijk" without a district yet: find it by address, by a tap on the map, or from the list. */
export function MyDistrictFinder() {
  const { t } = useI18n();
  const { config } = useUiConfig();
  const { navigate } = useRouter();
  const districts = useDistricts(config.municipalityCode);
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestions>({ status: 'idle' });
  const [finding, setFinding] = useState<Finding>({ status: 'idle' });
  const [tapped, setTapped] = useState<LonLat | null>(null);
  const [chosen, setChosen] = useState('');

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    if (query.trim().length < 3) return;
    setFinding({ status: 'finding' });
    suggestAddresses(query, config.municipalityCode)
      .then((items) => {
        setSuggestions({ status: 'results', items });
        setFinding({ status: items.length ? 'idle' : 'no-address' });
      })
      .catch(() => setFinding({ status: 'unavailable' }));
  };

  const chooseAddress = async (item: AddressSuggestion) => {
    setSuggestions({ status: 'idle' });
    setQuery(item.label);
    setFinding({ status: 'finding' });
    const resolved = await resolveAddress(item);
    if (resolved.status === 'found') locate(resolved.point);
    else setFinding({ status: resolved.status });
  };

  const locate = (point: LonLat) => {
    setFinding({ status: 'finding' });
    locatePoint(point)
      .then((result) => navigate(myDistrictPath(result.districtCode)))
      .catch((failure: unknown) => {
        const outside = failure instanceof ApiError && (failure.status === 422 || failure.status === 404);
        setFinding({ status: outside ? 'outside' : 'failed' });
      });
  };

  const message = {
    idle: '',
    finding: t('myDistrict.finding'),
    outside: t('myDistrict.outside', { municipality: config.municipalityName }),
    failed: t('myDistrict.lookupFailed'),
    'no-address': t('location.addressNone'),
    unavailable: t('location.addressUnavailable'),
  }[finding.status];

  return (
    <>
      <PageHeading>{t('myDistrict.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('myDistrict.intro')}</p>
      <p className="utrecht-paragraph wp-finding" role="status" aria-live="polite" id="district-finding">
        {message}
      </p>
      <section className="wp-section" aria-labelledby="find-address-heading">
        <h2 className="utrecht-heading-2" id="find-address-heading">
          {t('myDistrict.addressLegend')}
        </h2>
        <form noValidate onSubmit={search} className="utrecht-form">
          <FormField
            id="district-address"
            label={t('location.addressLabel')}
            description={t('location.addressDescription')}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="search"
                autoComplete="street-address"
                className="utrecht-textbox utrecht-textbox--html-input"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
            )}
          </FormField>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('location.addressSearch')}
          </button>
        </form>
        {suggestions.status === 'results' && suggestions.items.length > 0 ? (
          <ul className="wp-suggestions" aria-label={t('location.addressResults')}>
            {suggestions.items.map((item) => (
              <li key={item.id ?? item.label}>
                <button type="button" onClick={() => void chooseAddress(item)}>
                  {item.label}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="wp-section" aria-labelledby="find-map-heading">
        <h2 className="utrecht-heading-2" id="find-map-heading">
          {t('myDistrict.mapLegend')}
        </h2>
        <p className="utrecht-form-field-description" id="district-map-help">
          {t('location.mapHelp')}
        </p>
        <LocationMap
          id="district-finder-map"
          tileUrl={config.mapTileUrl}
          attribution={config.mapAttribution}
          districts={districts}
          value={tapped}
          onChange={(point) => {
            setTapped(point);
            locate(point);
          }}
          describedBy="district-map-help"
        />
      </section>
      <DistrictList
        districts={districts}
        value={chosen}
        onChange={setChosen}
        onShow={() => chosen && navigate(myDistrictPath(chosen))}
      />
    </>
  );
}

function DistrictList({
  districts,
  value,
  onChange,
  onShow,
}: {
  districts: DistrictsState;
  value: string;
  onChange: (code: string) => void;
  onShow: () => void;
}) {
  const { t, language } = useI18n();
  const options = useMemo(() => {
    if (districts.status !== 'loaded') return [];
    const features =
      (districts.data as { features?: Array<{ id?: string; properties?: { code?: string; name?: string } }> })
        .features ?? [];
    const list = features
      .map((f) => ({ code: String(f.properties?.code ?? f.id ?? ''), name: String(f.properties?.name ?? f.id ?? '') }))
      .filter((d) => d.code);
    return list.sort((a, b) => a.name.localeCompare(b.name, language));
  }, [districts, language]);
  return (
    <section className="wp-section" aria-labelledby="find-list-heading">
      <h2 className="utrecht-heading-2" id="find-list-heading">
        {t('myDistrict.listLegend')}
      </h2>
      <form
        noValidate
        className="utrecht-form"
        onSubmit={(event) => {
          event.preventDefault();
          onShow();
        }}
      >
        <FormField id="district-select" label={t('myDistrict.districtLabel')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={value}
              onChange={(event) => onChange(event.target.value)}
            >
              <option value="">{t('myDistrict.chooseDistrict')}</option>
              {options.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t('myDistrict.show')}
        </button>
      </form>
    </section>
  );
}
