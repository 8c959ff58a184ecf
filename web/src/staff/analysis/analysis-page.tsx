import { useEffect, useMemo, useState, type ComponentType } from 'react';
import type { AnalysisSource, CategoryTree } from '../../api/contract.ts';
import { categoryTree, districtOutlines } from '../../api/resident.ts';
import type { AnalysisFilters } from '../../api/staff-analysis.ts';
import { FormField } from '../../components/form-field.tsx';
import { PageHeading } from '../../components/page-title.tsx';
import { useUiConfig } from '../../ui-config.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import type { StaffMessageKey } from '../staff-nl.ts';
import { ForecastView } from './forecast-view.tsx';
import { HotspotView } from './hotspot-view.tsx';
import { PlansView } from './plans-view.tsx';
import { TimeView } from './time-view.tsx';
import { UnreportedView } from './unreported-view.tsx';
import { VisibilityView } from './visibility-view.tsx';

const WEEK_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;

/** The views, by the Dutch word the address carries (`/analyse?weergave=tijd`). */
const views = [
  { slug: 'kaart', label: 'analysis.tabMap', View: HotspotView },
  { slug: 'tijd', label: 'analysis.tabTime', View: TimeView },
  { slug: 'voorspelling', label: 'analysis.tabForecast', View: ForecastView },
  { slug: 'niet-gemeld', label: 'analysis.tabUnreported', View: UnreportedView },
  { slug: 'zichtbaarheid', label: 'analysis.tabVisibility', View: VisibilityView },
  { slug: 'plannen', label: 'analysis.tabPlans', View: PlansView },
] as const satisfies readonly {
  slug: string;
  label: StaffMessageKey;
  View: ComponentType<{ filters: AnalysisFilters }>;
}[];
type Slug = (typeof views)[number]['slug'];

function slugFromAddress(): Slug {
  const asked = new URLSearchParams(window.location.search).get('weergave');
  return views.find((v) => v.slug === asked)?.slug ?? 'kaart';
}

/** Analyse: where and when, the forecast with its backtest, what goes unreported, visibility and the plans. */
export function AnalysisPage() {
  const { t, language } = useStaffI18n();
  const { config } = useUiConfig();
  const [slug, setSlug] = useState<Slug>(slugFromAddress);
  const [weeks, setWeeks] = useState(12);
  const [category, setCategory] = useState('');
  const [district, setDistrict] = useState('');
  const [source, setSource] = useState<AnalysisSource>('reports');
  const [cellSize, setCellSize] = useState(125);
  const [categories, setCategories] = useState<CategoryTree['categories']>([]);
  const [districts, setDistricts] = useState<{ code: string; name: string }[]>([]);

  useEffect(() => {
    categoryTree(config.municipalityCode)
      .then((tree) => setCategories(tree.categories))
      .catch(() => undefined);
    districtOutlines(config.municipalityCode, 50)
      .then((collection) =>
        setDistricts(
          collection.features
            .map((f) => ({ code: f.properties.code, name: f.properties.name }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        ),
      )
      .catch(() => undefined);
  }, [config.municipalityCode]);

  // Whole hours, so the same filters give the same query (and the server's cache a hit) for an hour.
  const [to] = useState(() => Math.ceil(Date.now() / HOUR_MS) * HOUR_MS);
  const filters = useMemo<AnalysisFilters>(
    () => ({
      from: new Date(to - weeks * WEEK_MS).toISOString(),
      to: new Date(to).toISOString(),
      category,
      district,
      source,
      cellSize,
    }),
    [to, weeks, category, district, source, cellSize],
  );

  const choose = (next: Slug) => {
    setSlug(next);
    window.history.replaceState(null, '', `/analyse?weergave=${next}`);
  };
  const current = views.find((v) => v.slug === slug)!;
  const select = 'utrecht-select utrecht-select--html-select';
  const name = (c: { nameNl: string; nameEn: string }) => (language === 'en' ? c.nameEn : c.nameNl);

  return (
    <>
      <PageHeading>{t('analysis.title')}</PageHeading>
      <div className="wp-segmented wp-tabs" role="group" aria-label={t('analysis.viewsLabel')}>
        {views.map((view) => (
          <button
            key={view.slug}
            type="button"
            id={`view-${view.slug}`}
            className="utrecht-button utrecht-button--secondary-action"
            aria-pressed={slug === view.slug}
            onClick={() => choose(view.slug)}
          >
            {t(view.label)}
          </button>
        ))}
      </div>
      {slug !== 'plannen' ? (
        <div className="wp-filters" role="group" aria-label={t('analysis.filtersLabel')}>
          <FormField id="analysis-period" label={t('analysis.period')}>
            {(a11y) => (
              <select {...a11y} className={select} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
                {[4, 12, 26, 52].map((n) => (
                  <option key={n} value={n}>
                    {t('overview.lastWeeks', { count: n })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="analysis-category" label={t('analysis.category')}>
            {(a11y) => (
              <select {...a11y} className={select} value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{t('analysis.allCategories')}</option>
                {categories.map((main) => (
                  <optgroup key={main.code} label={name(main)}>
                    <option value={main.code}>{t('analysis.wholeCategory', { name: name(main) })}</option>
                    {main.subcategories.map((sub) => (
                      <option key={sub.code} value={sub.code}>
                        {name(sub)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="analysis-district" label={t('analysis.district')}>
            {(a11y) => (
              <select {...a11y} className={select} value={district} onChange={(e) => setDistrict(e.target.value)}>
                <option value="">{t('analysis.allDistricts')}</option>
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {slug === 'kaart' || slug === 'tijd' ? (
            <FormField id="analysis-source" label={t('analysis.source')}>
              {(a11y) => (
                <select
                  {...a11y}
                  className={select}
                  value={source}
                  onChange={(e) => setSource(e.target.value as AnalysisSource)}
                >
                  <option value="reports">{t('analysis.sourceReports')}</option>
                  <option value="observations">{t('analysis.sourceObservations')}</option>
                  <option value="both">{t('analysis.sourceBoth')}</option>
                </select>
              )}
            </FormField>
          ) : null}
          {slug === 'kaart' || slug === 'voorspelling' ? (
            <FormField id="analysis-cell" label={t('analysis.cellSize')}>
              {(a11y) => (
                <select
                  {...a11y}
                  className={select}
                  value={cellSize}
                  onChange={(e) => setCellSize(Number(e.target.value))}
                >
                  {[125, 250, 500].map((size) => (
                    <option key={size} value={size}>
                      {t('analysis.metres', { size })}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
        </div>
      ) : null}
      <current.View filters={filters} />
    </>
  );
}
