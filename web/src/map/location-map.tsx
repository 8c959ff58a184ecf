import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { HAARLEM_CENTRE, useBackgroundTiles, useTranslatedZoomControl } from './background-tiles.ts';
import type { LonLat } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { DistrictsState } from './use-districts.ts';

interface LocationMapProps {
  id: string;
  tileUrl: string | null;
  attribution: string;
  districts: DistrictsState;
  value: LonLat | null;
  onChange: (point: LonLat) => void;
  describedBy?: string;
  /** When this becomes a new point (an address was chosen), the map zooms to street level there. */
  streetLevel?: LonLat | null;
  /** Open reports nearby (possible duplicates), drawn as small pins apart from the report's own. */
  nearby?: NearbyPin[] | undefined;
}

export interface NearbyPin {
  id: string;
  point: LonLat;
  label: string;
}

/** Street level: house numbers and kerbs tell apart; the zoom an address choice lands on. */
export const STREET_ZOOM = 18;

const PIN_SVG =
  '<svg viewBox="0 0 28 28" aria-hidden="true" focusable="false"><path d="M14 27s9-9.2 9-15.5A9 9 0 0 0 5 11.5C5 17.8 14 27 14 27z" fill="#a3111a" stroke="#fff" stroke-width="2"/><circle cx="14" cy="11.5" r="3.5" fill="#fff"/></svg>';
const ARROW_STEPS: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/**
 * The place of a report on a Leaflet map. Background tiles are optional: without them (not configured,
 * or failing to load) the district polygons still show where things are, and tapping still works.
 * Keyboard: Enter on the focused map picks its centre; arrow keys move the focused pin.
 */
export function LocationMap(props: LocationMapProps) {
  const { id, tileUrl, attribution, districts, value, onChange, describedBy, streetLevel, nearby } = props;
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.Marker | null>(null);
  const onChangeRef = useRef(onChange);
  // eslint-disable-next-line react-hooks/refs -- latest-handler ref: the map's listeners, registered once, call the newest props
  onChangeRef.current = onChange;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, { center: HAARLEM_CENTRE, zoom: 13, zoomControl: false, keyboard: true });
    map.attributionControl.setPrefix(false);
    // The zoom is on the element, so a test (and a curious developer) can read where the map stands.
    const showZoom = () => (container.dataset.zoom = String(map.getZoom()));
    map.on('zoomend', showZoom);
    showZoom();
    map.on('click', (event: L.LeafletMouseEvent) => onChangeRef.current([event.latlng.lng, event.latlng.lat]));
    const pickCentre = (event: KeyboardEvent) => {
      if (event.target !== container || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      const centre = map.getCenter();
      onChangeRef.current([centre.lng, centre.lat]);
    };
    container.addEventListener('keydown', pickCentre);
    mapRef.current = map;
    return () => {
      container.removeEventListener('keydown', pickCentre);
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
    };
  }, []);

  const backgroundFailed = useBackgroundTiles(mapRef, tileUrl, attribution);

  useTranslatedZoomControl(mapRef, { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || districts.status !== 'loaded') return;
    const layer = L.geoJSON(districts.data, {
      interactive: false,
      style: { color: '#a3111a', weight: 2, opacity: 0.9, fillColor: '#a3111a', fillOpacity: 0.04 },
    }).addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid() && !markerRef.current) map.fitBounds(bounds, { padding: [8, 8] });
    return () => {
      layer.remove();
    };
  }, [districts]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    const latLng = L.latLng(value[1], value[0]);
    let marker = markerRef.current;
    if (!marker) {
      marker = L.marker(latLng, {
        icon: L.divIcon({ className: 'wp-marker', html: PIN_SVG, iconSize: [28, 28], iconAnchor: [14, 28] }),
        draggable: true,
        keyboard: true,
        autoPanOnFocus: true,
      }).addTo(map);
      marker.on('dragend', () => {
        const at = marker!.getLatLng();
        onChangeRef.current([at.lng, at.lat]);
      });
      marker.getElement()?.addEventListener('keydown', (event) => {
        const step = ARROW_STEPS[event.key];
        if (!step) return;
        event.preventDefault();
        event.stopPropagation();
        const distance = event.shiftKey ? 50 : 10;
        const point = map.latLngToContainerPoint(marker!.getLatLng()).add([step[0] * distance, step[1] * distance]);
        const at = map.containerPointToLatLng(point);
        onChangeRef.current([at.lng, at.lat]);
      });
      markerRef.current = marker;
    } else {
      marker.setLatLng(latLng);
    }
    if (!map.getBounds().pad(-0.1).contains(latLng)) map.panTo(latLng);
  }, [value]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !streetLevel) return;
    map.setView(L.latLng(streetLevel[1], streetLevel[0]), STREET_ZOOM, { animate: false });
  }, [streetLevel]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !nearby?.length) return;
    const layer = L.layerGroup(
      nearby.map((pin) =>
        L.circleMarker(L.latLng(pin.point[1], pin.point[0]), {
          radius: 7,
          color: '#1a1a1a',
          weight: 2,
          fillColor: '#ffd500',
          fillOpacity: 1,
          interactive: false,
          className: 'wp-nearby-pin',
        }),
      ),
    ).addTo(map);
    return () => {
      layer.remove();
    };
  }, [nearby]);

  useEffect(() => {
    const element = markerRef.current?.getElement();
    if (element) {
      element.setAttribute('aria-label', t('location.marker'));
      element.setAttribute('title', t('location.marker'));
    }
  }, [t, value]);

  return (
    <>
      <div
        id={id}
        ref={containerRef}
        className="wp-map"
        role="region"
        aria-label={t('location.mapLabel')}
        aria-describedby={describedBy}
        tabIndex={0}
      />
      {backgroundFailed ? (
        <p className="wp-map-note" role="status">
          {t('map.backgroundUnavailable')}
        </p>
      ) : null}
      {districts.status === 'failed' ? (
        <p className="wp-map-note" role="status">
          {t('map.districtsUnavailable')}
        </p>
      ) : null}
    </>
  );
}
