// The only place where partymap's [lon, lat] (WGS-84, GeoJSON order) meets Leaflet's
// [lat, lng]. When the configured tiles are in GCJ-02, everything partymap draws is shifted
// into GCJ-02 here so that it lines up with them, and every tap is shifted back.

import { fromWgs84, toWgs84 } from './gcj02.js';

let gcj02 = false;

/** Whether the map shows GCJ-02 tiles (set once, from /api/config). */
export function useGcj02(on) {
  gcj02 = Boolean(on);
}

/** [lon, lat] → Leaflet LatLng-like [lat, lng] on the map. */
export function toLatLng([lon, lat]) {
  const [x, y] = gcj02 ? fromWgs84(lon, lat) : [lon, lat];
  return [y, x];
}

/** A Leaflet LatLng on the map → [lon, lat] in WGS-84. */
export function fromLatLng(latlng) {
  return gcj02 ? toWgs84(latlng.lng, latlng.lat) : [latlng.lng, latlng.lat];
}

/** For L.geoJSON's coordsToLatLng option: GeoJSON position → LatLng array. */
export function geoJsonCoords(position) {
  return toLatLng(position);
}

/** The map's visible box as [minLon, minLat, maxLon, maxLat] in WGS-84. */
export function boundsToBox(bounds) {
  const [w, s] = fromLatLng(bounds.getSouthWest());
  const [e, n] = fromLatLng(bounds.getNorthEast());
  return [w, s, e, n];
}

/** A GeoJSON geometry's coordinates as Leaflet lat/lng arrays (nested as Leaflet's polylines and polygons take them). */
export function geometryLatLngs(geometry) {
  const convert = (c, depth) => (depth === 0 ? toLatLng(c) : c.map((x) => convert(x, depth - 1)));
  switch (geometry.type) {
    case 'Point': return convert(geometry.coordinates, 0);
    case 'LineString': return convert(geometry.coordinates, 1);
    case 'MultiLineString':
    case 'Polygon': return convert(geometry.coordinates, 2);
    case 'MultiPolygon': return convert(geometry.coordinates, 3);
    default: return null;
  }
}
