import L from 'leaflet';
import type { GeoJsonObject } from 'geojson';
import { useEffect, useRef } from 'react';
import { useBackgroundTiles, useTranslatedZoomControl } from './background-tiles.ts';
import type { DistrictReportFeature } from '../api/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { DistrictsState } from './use-districts.ts';
import { useStillMap } from './use-still-map.ts';

interface DistrictReportsMapProps {
  districtCode: string;
  label: string;
  describedBy: string;
  tileUrl: string | null;
  attribution: string;
  districts: DistrictsState;
  reports: DistrictReportFeature[];
}

const ACCENT = '#a3111a';

/**
 * The open reports of one district as dots over the district outlines (background tiles optional, as on
 * the report form). The dots are not interactive: the table beside the map carries the same information.
 */
export function DistrictReportsMap({
  districtCode,
  label,
  describedBy,
  tileUrl,
  attribution,
  districts,
  reports,
}: DistrictReportsMapProps) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useStillMap(containerRef);

  const backgroundFailed = useBackgroundTiles(mapRef, tileUrl, attribution);

  useTranslatedZoomControl(mapRef, { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || districts.status !== 'loaded') return;
    const isOurs = (feature?: { id?: string | number; properties?: { code?: string } }) =>
      (feature?.properties?.code ?? feature?.id) === districtCode;
    const layer = L.geoJSON(districts.data as GeoJsonObject, {
      interactive: false,
      style: (feature) =>
        isOurs(feature as never)
          ? { color: ACCENT, weight: 3, opacity: 1, fillColor: ACCENT, fillOpacity: 0.06 }
          : { color: '#6b6b6b', weight: 1, opacity: 0.6, fillOpacity: 0 },
    }).addTo(map);
    const ours = L.featureGroup(
      layer.getLayers().filter((l) => isOurs((l as L.GeoJSON & { feature?: never }).feature)),
    );
    const bounds = ours.getBounds();
    map.invalidateSize();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], animate: false });
    return () => {
      layer.remove();
    };
  }, [mapRef, districts, districtCode]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const dots = L.layerGroup(
      reports.map((report) =>
        L.circleMarker([report.geometry.coordinates[1], report.geometry.coordinates[0]], {
          interactive: false,
          radius: 7,
          color: '#ffffff',
          weight: 2,
          fillColor: ACCENT,
          fillOpacity: 0.9,
        }),
      ),
    ).addTo(map);
    return () => {
      dots.remove();
    };
  }, [mapRef, reports]);

  return (
    <>
      <div
        ref={containerRef}
        id="district-reports-map"
        className="wp-map"
        role="region"
        aria-label={label}
        aria-describedby={describedBy}
        tabIndex={0}
      />
      {backgroundFailed ? (
        <p className="wp-map-note" role="status">
          {t('map.backgroundUnavailable')}
        </p>
      ) : null}
    </>
  );
}
