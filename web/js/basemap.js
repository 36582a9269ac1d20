// partymap's own basemap, drawn from its data with nothing fetched from elsewhere: subdistrict
// and community outlines, streets by class with their names, estates and buildings close up.
// It asks /api/basemap for a box a little larger than the screen, aligned to a grid of tiles,
// and only asks again when the view leaves that box or the zoom changes; the URL names the data
// version, so the browser may keep answers.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { getJson } from './api.js';
import { boundsToBox, geometryLatLngs } from './coords.js';
import { debounce } from './dom.js';
import { placeStreetLabels } from './labels.js';

const OPTIONS = { blockTiles: 2, maxTiles: 16, minZoom: 3, maxZoom: 20 };

const STREET_STYLE = {
  axis: { color: '#f3b33d', weight: [2, 4, 7, 10, 14] },
  main: { color: '#fbd98b', weight: [1.5, 3, 5, 8, 11] },
  secondary: { color: '#ffffff', weight: [1, 2, 4, 6, 9] },
  lane: { color: '#ffffff', weight: [0.5, 1, 2, 4, 6] },
};
const STREET_ORDER = { lane: 0, secondary: 1, main: 2, axis: 3 };

function streetWeight(cls, zoom) {
  const weights = STREET_STYLE[cls]?.weight ?? [1, 1, 2, 3, 4];
  return weights[Math.max(0, Math.min(weights.length - 1, zoom - 13))];
}

function tileDegrees(zoom) {
  return 360 / 2 ** zoom;
}

/** The view box grown to whole blocks of tiles, so that small pans ask for the same box. */
function alignedBox(view, zoom) {
  const step = tileDegrees(zoom) * OPTIONS.blockTiles;
  const box = [Math.floor(view[0] / step) * step, Math.floor(view[1] / step) * step,
    Math.ceil(view[2] / step) * step, Math.ceil(view[3] / step) * step];
  const max = tileDegrees(zoom) * OPTIONS.maxTiles;
  for (const [lo, hi] of [[0, 2], [1, 3]]) {
    if (box[hi] - box[lo] > max) {
      const mid = (view[lo] + view[hi]) / 2;
      box[lo] = mid - max / 2;
      box[hi] = mid + max / 2;
    }
  }
  return box.map((v) => Number(v.toFixed(6)));
}

function inside(inner, outer) {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

export class Basemap {
  constructor(map, version) {
    this.map = map;
    this.version = version;
    this.shapes = L.layerGroup();
    this.labels = L.layerGroup();
    this.loaded = null;
    this.streets = [];
    this.request = null;
    this.refresh = debounce(() => this.load(), 120);
    map.on('moveend', this.refresh);
  }

  addTo(map) {
    this.shapes.addTo(map);
    this.labels.addTo(map);
    map.getContainer().classList.add('pm-own-basemap');
    this.load();
    return this;
  }

  remove() {
    this.shapes.remove();
    this.labels.remove();
    this.map.getContainer().classList.remove('pm-own-basemap');
    this.loaded = null;
  }

  visible() {
    return this.map.hasLayer(this.shapes);
  }

  async load() {
    if (!this.visible()) return;
    const zoom = Math.max(OPTIONS.minZoom, Math.min(OPTIONS.maxZoom, Math.round(this.map.getZoom())));
    const view = boundsToBox(this.map.getBounds().pad(0.1));
    if (this.loaded && this.loaded.zoom === zoom && inside(view, this.loaded.box)) {
      placeStreetLabels(this.map, this.labels, this.streets);
      return;
    }
    const box = alignedBox(view, zoom);
    this.request?.abort();
    this.request = new AbortController();
    try {
      const data = await getJson('/api/basemap', { bbox: box.join(','), z: zoom, v: this.version }, { signal: this.request.signal });
      this.draw(data.features, zoom);
      this.loaded = { zoom, box };
    } catch (e) {
      if (e.name !== 'AbortError') console.warn('basemap', e);
    }
  }

  draw(features, zoom) {
    this.shapes.clearLayers();
    this.streets = [];
    const streets = [];
    for (const f of features) {
      const { layer, name, class: cls } = f.properties;
      const latlngs = geometryLatLngs(f.geometry);
      if (!latlngs) continue;
      const common = { pane: 'pm-basemap', interactive: false };
      if (layer === 'street') {
        streets.push({ name, cls, latlngs });
      } else if (layer === 'subdistrict' || layer === 'community') {
        this.shapes.addLayer(L.polyline(latlngs, { ...common, className: `pm-outline pm-${layer}` ,
          color: layer === 'subdistrict' ? '#8e7cc3' : '#a59d8f', weight: layer === 'subdistrict' ? 3 : 1.5,
          dashArray: layer === 'subdistrict' ? '8 6' : '4 4' }));
      } else if (layer === 'estate') {
        this.shapes.addLayer(L.polygon(latlngs, { ...common, className: 'pm-estate', stroke: false, fillColor: '#d4e6c9', fillOpacity: 0.8 }));
      } else if (layer === 'building') {
        this.shapes.addLayer(L.polygon(latlngs, { ...common, className: 'pm-building', color: '#b9ae9c', weight: 1,
          fillColor: '#d9d0c1', fillOpacity: 0.9 }));
      }
    }
    streets.sort((a, b) => STREET_ORDER[a.cls] - STREET_ORDER[b.cls]);
    for (const s of streets) {
      this.shapes.addLayer(L.polyline(s.latlngs, { pane: 'pm-basemap', interactive: false,
        className: `pm-street pm-street-${s.cls}`, color: STREET_STYLE[s.cls]?.color ?? '#fff',
        weight: streetWeight(s.cls, zoom), lineCap: 'round', lineJoin: 'round' }));
    }
    this.streets = streets.reverse();
    placeStreetLabels(this.map, this.labels, this.streets);
  }
}
