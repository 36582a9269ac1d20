// The Leaflet map itself: its panes (the drawing order of partymap's layers), its controls and,
// when one is configured, the external tile service with its attribution and 审图号.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { t, onLanguageChange } from './i18n.js';

/** Drawing order, bottom to top: own basemap, grids, route, labels; markers stay in Leaflet's marker pane. */
const PANES = { 'pm-basemap': 250, 'pm-grids': 350, 'pm-route': 450, 'pm-labels': 460 };

function escapeHtml(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

/** Creates the map in `container`; `tiles` is /api/config's tile service or null. */
export function createMap(container, tiles) {
  const map = L.map(container, { zoomControl: false, minZoom: 3, maxZoom: 19, zoomSnap: 0.5, zoomDelta: 1 });
  L.control.zoom({ position: 'topright' }).addTo(map);
  L.control.scale({ position: 'bottomright', imperial: false }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  for (const [name, z] of Object.entries(PANES)) {
    map.createPane(name).style.zIndex = String(z);
  }
  map.getPane('pm-labels').style.pointerEvents = 'none';
  let tileLayer = null;
  if (tiles) {
    const attribution = () => [escapeHtml(tiles.attribution || ''),
      tiles.approval ? escapeHtml(t('approval', tiles.approval)) : ''].filter(Boolean).join(' · ');
    tileLayer = L.tileLayer(tiles.url, {
      subdomains: tiles.subdomains || 'abc',
      maxZoom: Math.min(19, tiles.max_zoom || 18),
      maxNativeZoom: tiles.max_zoom || 18,
      attribution: attribution(),
      className: 'pm-tiles',
    });
    onLanguageChange(() => {
      map.attributionControl.removeAttribution(tileLayer.getAttribution());
      tileLayer.options.attribution = attribution();
      if (map.hasLayer(tileLayer)) map.attributionControl.addAttribution(tileLayer.getAttribution());
    });
  }
  return { map, tileLayer };
}

/** Fits the map to [minLon, minLat, maxLon, maxLat], through `toLatLng`. */
export function fitBox(map, box, toLatLng) {
  if (!box) {
    map.setView([33.39, 120.16], 13);
    return;
  }
  map.fitBounds([toLatLng([box[0], box[1]]), toLatLng([box[2], box[3]])], { padding: [12, 12] });
}
