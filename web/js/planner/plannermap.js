// The planner's Leaflet map: the community outline, its grids coloured by workload against the
// target (with their names), street centre lines to snap to, and named overlays that the tools
// draw on (blocks, edited shapes, offending places, comparisons). Every grid path carries
// data-grid-id and its status, so the page and its tests can find it.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { geometryLatLngs, toLatLng } from '../coords.js';
import { el } from '../dom.js';

const OPTIONS = { maxZoom: 20, padding: [16, 16], start: [33.39, 120.16] };
/** Drawing order, bottom to top. */
const PANES = { 'pl-streets': 340, 'pl-grids': 400, 'pl-overlay': 420, 'pl-blocks': 430, 'pl-places': 440, 'pl-labels': 460, 'pl-handles': 620 };
const STATUS_COLOUR = { under: '#4a86c8', within: '#3a9a4a', over: '#d2452f' };
const STREET_WEIGHT = { axis: 5, main: 4, secondary: 3, lane: 1.5 };

export class PlannerMap {
  constructor(container) {
    this.map = L.map(container, { maxZoom: OPTIONS.maxZoom, zoomSnap: 0.5, doubleClickZoom: false, boxZoom: false });
    // a view from the start, so that layers get their elements at once; fit() then shows the community
    this.map.setView(OPTIONS.start, 13);
    L.control.scale({ position: 'bottomright', imperial: false }).addTo(this.map);
    this.map.attributionControl.setPrefix('Leaflet');
    for (const [name, z] of Object.entries(PANES)) {
      this.map.createPane(name).style.zIndex = String(z);
    }
    this.map.getPane('pl-labels').style.pointerEvents = 'none';
    this.outline = L.layerGroup().addTo(this.map);
    this.streets = L.layerGroup().addTo(this.map);
    this.gridLayer = L.featureGroup().addTo(this.map);
    this.labels = L.layerGroup().addTo(this.map);
    this.overlays = new Map();
    this.polygons = new Map();
    this.onGridClick = () => {};
  }

  /** A layer group for one tool's drawing, in a pane ('pl-overlay', 'pl-blocks', 'pl-places', 'pl-handles'). */
  overlay(name) {
    if (!this.overlays.has(name)) this.overlays.set(name, L.layerGroup().addTo(this.map));
    return this.overlays.get(name);
  }

  clear(...names) {
    for (const name of names) this.overlays.get(name)?.clearLayers();
  }

  fit(box) {
    if (box) this.map.fitBounds([toLatLng([box[0], box[1]]), toLatLng([box[2], box[3]])], { padding: OPTIONS.padding, animate: false });
  }

  showCommunity(community) {
    this.outline.clearLayers();
    L.polygon(geometryLatLngs(community.geometry), { pane: 'pl-streets', interactive: false, className: 'pl-community-outline',
      color: '#7d6b9c', weight: 3, dashArray: '8 6', fill: false }).addTo(this.outline);
  }

  /** Street centre lines of the community, thin, under the grids. */
  showStreets(features) {
    this.streets.clearLayers();
    for (const f of features) {
      L.polyline(geometryLatLngs(f.geometry), { pane: 'pl-streets', interactive: false, className: 'pl-street',
        color: '#9a9a9a', weight: STREET_WEIGHT[f.properties.class] ?? 1, opacity: 0.7 }).addTo(this.streets);
    }
  }

  /** Draws the grids, coloured by status (under/within/over the target) and shaded by workload. */
  showGrids(grids, selected) {
    this.gridLayer.clearLayers();
    this.polygons.clear();
    for (const f of grids) {
      const p = f.properties;
      const colour = STATUS_COLOUR[p.status] ?? '#888';
      const polygon = L.polygon(geometryLatLngs(f.geometry), { pane: 'pl-grids', className: `pl-grid pl-${p.status}`,
        color: colour, weight: 2, fillColor: colour, fillOpacity: Math.min(0.5, 0.12 + 0.25 * (p.workload ?? 0)) });
      polygon.on('click', (e) => this.onGridClick(f.id, e));
      polygon.addTo(this.gridLayer);
      const path = polygon.getElement();
      path.setAttribute('data-grid-id', String(f.id));
      path.setAttribute('data-status', p.status);
      this.polygons.set(f.id, polygon);
    }
    this.select(selected);
    this.showLabels(grids);
  }

  showLabels(grids) {
    this.labels.clearLayers();
    for (const f of grids) {
      const polygon = this.polygons.get(f.id);
      if (!polygon) continue;
      const html = el('span', { class: 'pl-label-text' }, el('b', {}, f.properties.name),
        el('small', {}, `${f.properties.counts.households} 户`));
      L.marker(polygon.getCenter(), { pane: 'pl-labels', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'pl-label', html, iconSize: null }) }).addTo(this.labels);
    }
  }

  select(id) {
    for (const [gridId, polygon] of this.polygons) {
      const on = gridId === id;
      polygon.setStyle({ weight: on ? 4 : 2 });
      polygon.getElement()?.classList.toggle('pl-selected', on);
      if (on) polygon.bringToFront();
    }
  }

  /** Moves a grid's drawn shape (while a vertex is dragged) without touching its data. */
  reshape(id, geometry) {
    this.polygons.get(id)?.setLatLngs(geometryLatLngs(geometry));
  }

  /** Fades the current grids (while a proposal or a comparison is on top). */
  mute(on) {
    this.map.getContainer().classList.toggle('pl-muted', on);
  }

  bounds(id) {
    return this.polygons.get(id)?.getBounds();
  }

  /** GeoJSON (Feature, FeatureCollection or geometry) into an overlay, styled by `style` and a class. */
  drawGeoJson(overlayName, data, options) {
    const group = this.overlay(overlayName);
    const features = data?.type === 'FeatureCollection' ? data.features
      : data?.type === 'Feature' ? [data] : data ? [{ type: 'Feature', geometry: data, properties: {} }] : [];
    const layers = [];
    for (const f of features) {
      if (!f.geometry) continue;
      const style = { pane: options.pane ?? 'pl-overlay', interactive: false, className: options.className, ...options.style };
      for (const layer of shapes(f.geometry, style)) {
        layers.push(layer.addTo(group));
      }
    }
    return layers;
  }
}

/** Leaflet layers for any GeoJSON geometry: points as small circles. */
function shapes(geometry, style) {
  switch (geometry.type) {
    case 'Point': return [L.circleMarker(toLatLng(geometry.coordinates), { radius: 7, ...style })];
    case 'MultiPoint': return geometry.coordinates.map((c) => L.circleMarker(toLatLng(c), { radius: 7, ...style }));
    case 'LineString':
    case 'MultiLineString': return [L.polyline(geometryLatLngs(geometry), { ...style, fill: false })];
    case 'Polygon':
    case 'MultiPolygon': return [L.polygon(geometryLatLngs(geometry), style)];
    case 'GeometryCollection': return geometry.geometries.flatMap((g) => shapes(g, style));
    default: return [];
  }
}
