// The walk to a post, drawn on the map from the route /api/nearest answered, and the pin that
// marks the place the card is about.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { geometryLatLngs, toLatLng } from './coords.js';
import { el } from './dom.js';

export class RouteLayer {
  constructor(map) {
    this.map = map;
    this.line = null;
    this.pin = null;
  }

  /** Draws a GeoJSON LineString and brings it into view; null removes it. */
  show(route) {
    this.line?.remove();
    this.line = null;
    if (!route) return;
    const latlngs = geometryLatLngs(route);
    this.line = L.featureGroup([
      L.polyline(latlngs, { pane: 'pm-route', className: 'pm-route-casing', color: '#ffffff', weight: 9, opacity: 0.9, interactive: false }),
      L.polyline(latlngs, { pane: 'pm-route', className: 'pm-route', color: '#c62828', weight: 5, opacity: 0.95, dashArray: '1 9', lineCap: 'round', interactive: false }),
    ]).addTo(this.map);
    this.map.fitBounds(this.line.getBounds().pad(0.25), { maxZoom: 18 });
  }

  /** Marks the place of the card ([lon, lat]); null removes the mark. */
  mark(place) {
    this.pin?.remove();
    this.pin = null;
    if (!place) return;
    this.pin = L.marker(toLatLng(place), {
      icon: L.divIcon({ className: 'pm-pin', html: el('span', { 'aria-hidden': 'true' }), iconSize: [24, 24], iconAnchor: [12, 24] }),
      interactive: false, keyboard: false, zIndexOffset: 1000,
    }).addTo(this.map);
  }
}
