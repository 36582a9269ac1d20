// Clustering of point markers when zoomed out: markers whose icons would crowd the same cell of
// the screen become one round marker with their count; tapping it zooms in on them. From
// `disableAt` every marker stands alone. A small module of our own: the markercluster plugin
// is published only as a script for a global L, which the ES-module build of Leaflet does not set.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { el } from './dom.js';

const OPTIONS = { cellPixels: 56, disableAt: 16 };

export class ClusterGroup {
  constructor(map, { label } = {}) {
    this.map = map;
    this.group = L.layerGroup();
    this.items = [];
    this.label = label ?? ((n) => String(n));
    this.redraw = () => this.update();
    map.on('zoomend moveend', this.redraw);
  }

  /** items: [{latlng, marker}]; the markers are shown or clustered. */
  setItems(items) {
    this.items = items;
    this.update();
  }

  addTo(map) {
    this.group.addTo(map);
    this.update();
    return this;
  }

  remove() {
    this.group.remove();
  }

  visible() {
    return this.map.hasLayer(this.group);
  }

  update() {
    if (!this.visible()) return;
    this.group.clearLayers();
    const zoom = this.map.getZoom();
    const view = this.map.getBounds().pad(0.25);
    const shown = this.items.filter((it) => view.contains(it.latlng));
    if (zoom >= OPTIONS.disableAt) {
      shown.forEach((it) => this.group.addLayer(it.marker));
      return;
    }
    const cells = new Map();
    for (const it of shown) {
      const p = this.map.project(it.latlng, zoom);
      const key = `${Math.floor(p.x / OPTIONS.cellPixels)}:${Math.floor(p.y / OPTIONS.cellPixels)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(it);
    }
    for (const members of cells.values()) {
      if (members.length === 1) {
        this.group.addLayer(members[0].marker);
        continue;
      }
      const bounds = L.latLngBounds(members.map((m) => m.latlng));
      const size = members.length < 10 ? 'small' : members.length < 50 ? 'medium' : 'large';
      const marker = L.marker(bounds.getCenter(), {
        icon: L.divIcon({ className: `pm-cluster pm-cluster-${size}`, html: el('span', {}, String(members.length)), iconSize: [36, 36] }),
        title: this.label(members.length),
        keyboard: true,
      });
      marker.on('click', () => this.map.fitBounds(bounds.pad(0.3), { maxZoom: OPTIONS.disableAt }));
      this.group.addLayer(marker);
    }
  }
}
