import L from 'leaflet';
import { useEffect, useRef, type RefObject } from 'react';
import { HAARLEM_CENTRE } from './background-tiles.ts';

/**
 * A Leaflet map in the container, without zoom or fade animation (fitting bounds would otherwise show a
 * half-drawn map for a moment) and without Leaflet's own zoom control (see useTranslatedZoomControl). The page
 * around the map settles after it is made (cards, fonts), so a ResizeObserver keeps Leaflet's idea of its size right.
 */
export function useStillMap(containerRef: RefObject<HTMLDivElement | null>): RefObject<L.Map | null> {
  const mapRef = useRef<L.Map | null>(null);
  useEffect(() => {
    if (!containerRef.current) return;
    const map = L.map(containerRef.current, {
      center: HAARLEM_CENTRE,
      zoom: 13,
      zoomControl: false,
      keyboard: true,
      zoomAnimation: false,
      fadeAnimation: false,
    });
    map.attributionControl.setPrefix(false);
    mapRef.current = map;
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(containerRef.current);
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
    };
  }, [containerRef]);
  return mapRef;
}
