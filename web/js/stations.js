// The service posts and rooms as markers with an icon per kind (党 service centre, 驿 grid
// station, 活 activity room, 书 reading room), one toggle per kind, clustered when zoomed out.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { getJson } from './api.js';
import { ClusterGroup } from './cluster.js';
import { toLatLng } from './coords.js';
import { el } from './dom.js';
import { t } from './i18n.js';

export const KINDS = ['service_centre', 'grid_station', 'activity_room', 'reading_room'];
export const GLYPHS = { service_centre: '党', grid_station: '驿', activity_room: '活', reading_room: '书' };

/** A marker icon for a kind: the glyph in the kind's colour (CSS: .pm-kind-…). */
export function kindIcon(kind, extraClass = '') {
  return L.divIcon({
    className: `pm-station pm-kind-${kind} ${extraClass}`.trim(),
    html: el('span', { 'aria-hidden': 'true' }, GLYPHS[kind] ?? '站'),
    iconSize: [30, 30],
    iconAnchor: [15, 15],
  });
}

export class StationLayer {
  constructor(map, { onSelect }) {
    this.map = map;
    this.onSelect = onSelect;
    this.clusters = new ClusterGroup(map, { label: (n) => t('cluster', n) });
    this.features = [];
    this.byId = new Map();
    this.hidden = new Set();
  }

  async load() {
    const data = await getJson('/api/stations');
    this.features = data.features;
    for (const f of data.features) {
      const p = f.properties;
      const marker = L.marker(toLatLng(f.geometry.coordinates), { icon: kindIcon(p.kind), title: p.name, keyboard: true });
      marker.on('click', () => this.onSelect(p.id));
      marker.on('add', () => marker.getElement()?.setAttribute('data-station-id', String(p.id)));
      this.byId.set(p.id, { feature: f, marker, latlng: marker.getLatLng() });
    }
    this.refresh();
  }

  /** Shows or hides one kind. */
  setKindVisible(kind, visible) {
    if (visible) this.hidden.delete(kind);
    else this.hidden.add(kind);
    this.refresh();
  }

  kindVisible(kind) {
    return !this.hidden.has(kind);
  }

  refresh() {
    this.clusters.setItems([...this.byId.values()].filter((s) => !this.hidden.has(s.feature.properties.kind)));
  }

  addTo(map) {
    this.clusters.addTo(map);
    return this;
  }

  get(id) {
    return this.byId.get(id)?.feature;
  }
}
