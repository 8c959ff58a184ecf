import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { LonLat } from '../../api/types.ts';
import { useDistricts } from '../../map/use-districts.ts';
import { HAARLEM_CENTRE, useBackgroundTiles } from '../../map/background-tiles.ts';
import { STREET_ZOOM } from '../../map/location-map.tsx';
import { useUiConfig } from '../../ui-config.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { gridClusters } from './grid-clusters.ts';

export interface MapReport {
  id: string;
  point: LonLat;
  label: string;
  overdue: boolean;
}

interface ReportMapProps {
  id: string;
  label: string;
  reports: MapReport[];
  onSelectReport?: (id: string) => void;
  /** A chosen place (the phone intake's address); with onPick, a tap or Enter on the map sets it. */
  pin?: LonLat | null;
  onPick?: (point: LonLat) => void;
  describedBy?: string;
  /** When this becomes a new point (an address was chosen), the map zooms to street level there. */
  streetLevel?: LonLat | null;
}

const CELL_PX = 56;
const PIN_SVG =
  '<svg viewBox="0 0 28 28" aria-hidden="true" focusable="false"><path d="M14 27s9-9.2 9-15.5A9 9 0 0 0 5 11.5C5 17.8 14 27 14 27z" fill="#1a1a1a" stroke="#fff" stroke-width="2"/><circle cx="14" cy="11.5" r="3.5" fill="#fff"/></svg>';

/**
 * Reports on a Leaflet map, clustered on a screen grid so 2,000 reports stay smooth: only the clusters
 * inside (a margin around) the view become DOM markers, recomputed after each pan or zoom.
 */
export function ReportMap(props: ReportMapProps) {
  const { id, label, reports, onSelectReport, pin, onPick, describedBy, streetLevel } = props;
  const { t } = useStaffI18n();
  const { config } = useUiConfig();
  const districts = useDistricts(config.municipalityCode);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const callbacks = useRef({ onSelectReport, onPick });
  // eslint-disable-next-line react-hooks/refs -- latest-handler ref: the map's listeners, registered once, call the newest props
  callbacks.current = { onSelectReport, onPick };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, { center: HAARLEM_CENTRE, zoom: 13, zoomControl: true, keyboard: true });
    map.attributionControl.setPrefix(false);
    const showZoom = () => (container.dataset.zoom = String(map.getZoom()));
    map.on('zoomend', showZoom);
    showZoom();
    layerRef.current = L.layerGroup().addTo(map);
    map.on('click', (event: L.LeafletMouseEvent) => callbacks.current.onPick?.([event.latlng.lng, event.latlng.lat]));
    const pickCentre = (event: KeyboardEvent) => {
      if (event.target !== container || (event.key !== 'Enter' && event.key !== ' ') || !callbacks.current.onPick)
        return;
      event.preventDefault();
      const centre = map.getCenter();
      callbacks.current.onPick([centre.lng, centre.lat]);
    };
    container.addEventListener('keydown', pickCentre);
    mapRef.current = map;
    return () => {
      container.removeEventListener('keydown', pickCentre);
      map.remove();
      mapRef.current = null;
    };
  }, []);

  const tilesFailed = useBackgroundTiles(mapRef, config.mapTileUrl, config.mapAttribution);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || districts.status !== 'loaded') return;
    const layer = L.geoJSON(districts.data, {
      interactive: false,
      style: { color: '#a3111a', weight: 1.5, opacity: 0.8, fillOpacity: 0.03 },
    }).addTo(map);
    layer.bringToBack();
    return () => {
      layer.remove();
    };
  }, [districts]);

  // Fit the view to the reports once they arrive (a pin takes over the view when set).
  const hasReports = reports.length > 0;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || reports.length === 0 || pin) return;
    const bounds = L.latLngBounds(reports.map((r) => [r.point[1], r.point[0]] as L.LatLngTuple));
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when reports first arrive; later changes keep the user's view
  }, [hasReports]);

  useEffect(() => {
    const map = mapRef.current;
    const layer = layerRef.current;
    const container = containerRef.current;
    if (!map || !layer || !container) return;
    const render = () => {
      const started = performance.now();
      layer.clearLayers();
      const zoom = map.getZoom();
      const view = map.getBounds().pad(0.25);
      const visible = reports.filter((r) => view.contains([r.point[1], r.point[0]]));
      const clusters = gridClusters(
        visible.map((r) => {
          const at = map.project([r.point[1], r.point[0]], zoom);
          return { x: at.x, y: at.y, item: r };
        }),
        CELL_PX,
      );
      for (const cluster of clusters) {
        const at = map.unproject([cluster.x, cluster.y], zoom);
        if (cluster.items.length === 1) {
          const report = cluster.items[0]!;
          const marker = L.marker(at, {
            icon: L.divIcon({
              className: `wp-report-dot${report.overdue ? ' wp-report-dot--overdue' : ''}`,
              iconSize: [18, 18],
            }),
            title: report.label,
            alt: report.label,
            keyboard: true,
          });
          marker.on('click', () => callbacks.current.onSelectReport?.(report.id));
          layer.addLayer(marker);
        } else {
          const overdue = cluster.items.filter((r) => r.overdue).length;
          const name = t('map.cluster', { count: cluster.items.length, overdue });
          const marker = L.marker(at, {
            icon: L.divIcon({
              className: `wp-cluster${overdue ? ' wp-cluster--overdue' : ''}`,
              html: String(cluster.items.length),
              iconSize: [36, 36],
            }),
            title: name,
            alt: name,
            keyboard: true,
          });
          marker.on('click', () => {
            const bounds = L.latLngBounds(cluster.items.map((r) => [r.point[1], r.point[0]] as L.LatLngTuple));
            if (zoom >= map.getMaxZoom() - 1 || bounds.getNorthEast().equals(bounds.getSouthWest()))
              callbacks.current.onSelectReport?.(cluster.items[0]!.id);
            else map.fitBounds(bounds, { padding: [32, 32] });
          });
          layer.addLayer(marker);
        }
      }
      for (const marker of layer.getLayers() as L.Marker[]) {
        const element = marker.getElement();
        element?.setAttribute('aria-label', marker.options.title ?? '');
      }
      container.dataset.clusters = String(clusters.length);
      container.dataset.renderMs = (performance.now() - started).toFixed(1);
      performance.mark('wp-report-map-rendered', { detail: { reports: reports.length, clusters: clusters.length } });
    };
    render();
    map.on('moveend', render);
    return () => {
      map.off('moveend', render);
    };
  }, [reports, t]);

  const pinLon = pin?.[0];
  const pinLat = pin?.[1];
  useEffect(() => {
    const map = mapRef.current;
    if (!map || pinLon === undefined || pinLat === undefined) return;
    const latLng = L.latLng(pinLat, pinLon);
    const marker = L.marker(latLng, {
      icon: L.divIcon({ className: 'wp-marker', html: PIN_SVG, iconSize: [28, 28], iconAnchor: [14, 28] }),
      interactive: false,
      keyboard: false,
    }).addTo(map);
    if (!map.getBounds().pad(-0.2).contains(latLng) || map.getZoom() < 15)
      map.setView(latLng, Math.max(map.getZoom(), 16), { animate: false });
    return () => {
      marker.remove();
    };
  }, [pinLon, pinLat]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !streetLevel) return;
    map.setView(L.latLng(streetLevel[1], streetLevel[0]), STREET_ZOOM, { animate: false });
  }, [streetLevel]);

  return (
    <>
      <div
        id={id}
        ref={containerRef}
        className="wp-map wp-map--staff"
        role="region"
        aria-label={label}
        aria-describedby={describedBy}
        tabIndex={0}
      />
      {tilesFailed ? (
        <p className="wp-map-note" role="status">
          {t('map.backgroundUnavailable')}
        </p>
      ) : null}
    </>
  );
}
