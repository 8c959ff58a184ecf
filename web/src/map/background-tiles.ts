import L from 'leaflet';
import { useEffect, useState, type RefObject } from 'react';

export const HAARLEM_CENTRE: L.LatLngTuple = [52.3808, 4.6368];

/**
 * Adds the background map (when one is configured) to a Leaflet map and tells whether it failed: no tile
 * loaded before the first error, as without a network. The map keeps working on its district outlines.
 * Call after the effect that creates the map, so the map exists when this effect runs.
 */
export function useBackgroundTiles(
  mapRef: RefObject<L.Map | null>,
  tileUrl: string | null | undefined,
  attribution: string | undefined,
): boolean {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !tileUrl) return;
    let loaded = 0;
    setFailed(false);
    const tiles = L.tileLayer(tileUrl, { attribution, maxZoom: 19 });
    tiles.on('tileload', () => {
      loaded += 1;
      setFailed(false);
    });
    tiles.on('tileerror', () => {
      if (loaded === 0) setFailed(true);
    });
    tiles.addTo(map);
    return () => {
      tiles.remove();
    };
  }, [mapRef, tileUrl, attribution]);
  return failed;
}

/** Leaflet's zoom buttons with titles in the reader's language (re-added when the language changes). */
export function useTranslatedZoomControl(
  mapRef: RefObject<L.Map | null>,
  titles: { zoomIn: string; zoomOut: string },
): void {
  const { zoomIn, zoomOut } = titles;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const zoom = L.control.zoom({ zoomInTitle: zoomIn, zoomOutTitle: zoomOut }).addTo(map);
    return () => {
      zoom.remove();
    };
  }, [mapRef, zoomIn, zoomOut]);
}
