import L from 'leaflet';
import type { GeoJsonObject } from 'geojson';
import { useEffect, useRef } from 'react';
import { useBackgroundTiles, useTranslatedZoomControl } from '../../map/background-tiles.ts';
import { useDistricts } from '../../map/use-districts.ts';
import { useUiConfig } from '../../ui-config.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { useStillMap } from '../../map/use-still-map.ts';

export interface MapCell {
  id: string;
  /** CRS84 ring(s) of the cell. */
  coordinates: [number, number][][];
  fill: string;
  /** Significant cells get a dark outline; its weight says how strong. */
  outline: 0 | 1 | 2;
}

/**
 * Grid cells over the district outlines (background tiles optional, as everywhere). The cells are not
 * interactive: the table beside the map carries the same figures.
 */
export function CellMap({
  id,
  label,
  describedBy,
  cells,
}: {
  id: string;
  label: string;
  describedBy: string;
  cells: MapCell[];
}) {
  const { t } = useStaffI18n();
  const { config } = useUiConfig();
  const districts = useDistricts(config.municipalityCode);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useStillMap(containerRef);

  const backgroundFailed = useBackgroundTiles(mapRef, config.mapTileUrl, config.mapAttribution);
  useTranslatedZoomControl(mapRef, { zoomIn: t('analysis.zoomIn'), zoomOut: t('analysis.zoomOut') });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || districts.status !== 'loaded') return;
    const layer = L.geoJSON(districts.data as GeoJsonObject, {
      interactive: false,
      style: { color: '#6b6b6b', weight: 1, opacity: 0.7, fillOpacity: 0 },
    }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [mapRef, districts]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const layer = L.featureGroup(
      cells.map((cell) =>
        L.polygon(
          cell.coordinates.map((ring) => ring.map(([lon, lat]) => [lat, lon] as L.LatLngTuple)),
          {
            interactive: false,
            fillColor: cell.fill,
            fillOpacity: 0.75,
            color: cell.outline ? '#1a1a1a' : cell.fill,
            weight: cell.outline === 2 ? 3 : cell.outline === 1 ? 2 : 0.5,
          },
        ),
      ),
    ).addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], animate: false });
    return () => {
      layer.remove();
    };
  }, [mapRef, cells]);

  return (
    <>
      <div
        ref={containerRef}
        id={id}
        className="wp-map wp-map--staff"
        role="region"
        aria-label={label}
        aria-describedby={describedBy}
        tabIndex={0}
      />
      {backgroundFailed ? (
        <p className="wp-map-note" role="status">
          {t('analysis.backgroundUnavailable')}
        </p>
      ) : null}
    </>
  );
}

/** Sequential colours (light → dark red), each with a text label in the legend. */
export const countColours = ['#fde0c5', '#f9a870', '#e8613a', '#b3261e', '#6e0f12'];

export function colourFor(value: number, max: number): string {
  if (max <= 0 || value <= 0) return countColours[0]!;
  const step = Math.min(countColours.length - 1, Math.floor((value / max) * countColours.length));
  return countColours[step]!;
}
