// The grids layer: every grid's polygon coloured by its community (neighbouring communities get
// different colours), with the grid's name from zoom 15 and its party branch from zoom 16, and
// the selected grid drawn bolder. Tells the page (a performance mark and data-grids on <body>)
// when the grids are first on screen.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { getJson } from './api.js';
import { geometryLatLngs, toLatLng } from './coords.js';
import { el } from './dom.js';

const OPTIONS = { nameZoom: 15, branchZoom: 16 };
const PALETTE = ['#e57373', '#64b5f6', '#81c784', '#ffb74d', '#ba68c8', '#4db6ac', '#f06292', '#a1887f', '#90a4ae', '#dce775'];

/** Colours communities so that communities whose boxes touch differ (greedy, in id order). */
function colourCommunities(features) {
  const boxes = new Map();
  for (const f of features) {
    const id = f.properties.community_id;
    const b = L.latLngBounds(geometryLatLngs(f.geometry).flat(2));
    boxes.set(id, boxes.has(id) ? boxes.get(id).extend(b) : b);
  }
  const colours = new Map();
  for (const id of [...boxes.keys()].sort((a, b) => a - b)) {
    const box = boxes.get(id).pad(0.02);
    const taken = new Set([...colours].filter(([other]) => box.intersects(boxes.get(other))).map(([, c]) => c));
    colours.set(id, PALETTE.find((c) => !taken.has(c)) ?? PALETTE[id % PALETTE.length]);
  }
  return colours;
}

export class GridLayer {
  constructor(map) {
    this.map = map;
    this.group = L.featureGroup();
    this.labels = L.layerGroup();
    this.byId = new Map();
    this.selected = null;
    map.on('zoomend moveend', () => this.updateLabels());
  }

  async load() {
    const data = await getJson('/api/grids');
    const colours = colourCommunities(data.features);
    for (const f of data.features) {
      const colour = colours.get(f.properties.community_id);
      const polygon = L.polygon(geometryLatLngs(f.geometry), {
        pane: 'pm-grids', className: 'pm-grid', interactive: false,
        color: colour, weight: 1.5, opacity: 0.9, fillColor: colour, fillOpacity: 0.18,
      });
      polygon.feature = f;
      this.group.addLayer(polygon);
      this.byId.set(f.properties.id, polygon);
    }
    this.group.on('add', () => this.afterAdd());
    return data.features;
  }

  afterAdd() {
    for (const [id, polygon] of this.byId) {
      polygon.getElement()?.setAttribute('data-grid-id', String(id));
    }
    this.selected?.getElement()?.classList.add('pm-grid-selected');
    this.updateLabels();
    if (!document.body.dataset.grids) {
      requestAnimationFrame(() => {
        document.body.dataset.grids = 'drawn';
        performance.mark('partymap:grids-visible');
      });
    }
  }

  addTo(map) {
    this.group.addTo(map);
    this.labels.addTo(map);
    return this;
  }

  remove() {
    this.group.remove();
    this.labels.remove();
  }

  visible() {
    return this.map.hasLayer(this.group);
  }

  /** The names of the grids in view, each where it does not cover another. */
  updateLabels() {
    this.labels.clearLayers();
    const zoom = this.map.getZoom();
    if (zoom < OPTIONS.nameZoom || !this.visible()) return;
    const size = this.map.getSize();
    const taken = [];
    for (const polygon of this.byId.values()) {
      const p = polygon.feature.properties;
      if (!p.label) continue;
      const at = this.map.latLngToContainerPoint(toLatLng(p.label));
      const half = (zoom >= OPTIONS.branchZoom ? Math.max(p.name.length, p.branch_name.length * 0.9) : p.name.length) * 6.5;
      const box = { x1: at.x - half, x2: at.x + half, y1: at.y - 10, y2: at.y + (zoom >= OPTIONS.branchZoom ? 22 : 10) };
      if (box.x2 < 0 || box.y2 < 0 || box.x1 > size.x || box.y1 > size.y) continue;
      if (taken.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2)) continue;
      taken.push(box);
      const html = el('span', { class: 'pm-grid-label-text' }, el('b', {}, p.name),
        zoom >= OPTIONS.branchZoom ? el('small', {}, p.branch_name) : null);
      this.labels.addLayer(L.marker(toLatLng(p.label), {
        pane: 'pm-labels', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'pm-grid-label', html, iconSize: null }),
      }));
    }
  }

  /** Draws the grid bolder (null: none); returns its feature. */
  select(id) {
    if (this.selected) {
      this.selected.setStyle({ weight: 1.5, fillOpacity: 0.18 });
      this.selected.getElement()?.classList.remove('pm-grid-selected');
    }
    this.selected = id ? this.byId.get(id) ?? null : null;
    if (this.selected) {
      this.selected.setStyle({ weight: 4, fillOpacity: 0.35 });
      this.selected.getElement()?.classList.add('pm-grid-selected');
    }
    return this.selected?.feature ?? null;
  }

  bounds(id) {
    return this.byId.get(id)?.getBounds();
  }
}
