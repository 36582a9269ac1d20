// Dragging boundary vertices, written on Leaflet directly: a handle on every vertex of the
// selected grid (and on the middle of every edge, to add one). A vertex shared with a neighbour
// moves in every grid that has it, so no gap and no overlap opens; where it is dropped it snaps
// to street centre lines and neighbouring boundaries. All drags of one session are one edit
// (kind redraw, the moves in order), previewed after each drop; the server's answer then
// becomes the shapes the next drag starts from.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { fromLatLng, toLatLng } from '../coords.js';
import { el, replace } from '../dom.js';
import { Snapper, linesOf, round7, samePosition } from './snapping.js';
import { PanelTool } from './tool.js';

const OPTIONS = { snapPixels: 12, maxSnapMetres: 25, handleSize: 12, midpointSize: 9, midpointEdgePixels: 40 };

/** A grid's geometry as MultiPolygon coordinates, copied so that dragging never touches the workspace. */
function multiPolygon(geometry) {
  const copy = JSON.parse(JSON.stringify(geometry.coordinates));
  return geometry.type === 'Polygon' ? [copy] : copy;
}

/** "lon,lat" to 7 decimals: how a handle names its vertex (data-vertex). */
export function vertexKey([lon, lat]) {
  return `${lon.toFixed(7)},${lat.toFixed(7)}`;
}

export class VertexTool extends PanelTool {
  constructor(context) {
    super(context);
    // edges too short on screen get no middle handle: drawn again at every zoom
    this.onZoom = () => this.panel && !this.dragging && this.drawHandles();
  }

  start(panel) {
    this.panel = panel;
    this.moves = [];
    this.dragging = false;
    this.shapesFrom(null);
    this.render();
    this.drawHandles();
    this.map.map.on('zoomend', this.onZoom);
  }

  stop() {
    super.stop();
    this.map.map.off('zoomend', this.onZoom);
    this.map.clear('handles');
  }

  onSelect() {
    if (this.panel) {
      this.render();
      this.drawHandles();
    }
  }

  /** The working shapes: the grids as loaded, with the shapes of a preview answer over them. */
  shapesFrom(answer) {
    this.shapes = new Map(this.workspace.grids.map((g) => [g.id, multiPolygon(g.geometry)]));
    for (const f of answer?.grids.features ?? []) {
      if (f.geometry && this.shapes.has(f.properties.id)) this.shapes.set(f.properties.id, multiPolygon(f.geometry));
    }
    for (const [id, coordinates] of this.shapes) this.map.reshape(id, { type: 'MultiPolygon', coordinates });
  }

  render() {
    const grid = this.workspace.selected;
    replace(this.panel, el('h2', {}, '拖动边界'),
      grid ? el('p', {}, `拖动${this.workspace.name(grid)}边界上的圆点。`, el('b', {}, '实心大圆点'),
        '是与相邻网格共用的顶点，拖动时两个网格一起变化；边中间的小圆点可以拖出新的顶点。松开时吸附到附近的街道中心线或相邻边界。')
        : el('p', { class: 'pl-empty' }, '请先在地图或列表中选择一个网格。'),
      el('p', { class: 'pl-picked' }, this.moves.length ? `已移动 ${this.moves.length} 次顶点。` : '尚未移动顶点。'),
      el('div', { class: 'pl-buttons' }, el('button', { type: 'button', class: 'plain', disabled: !this.moves.length,
        onclick: () => this.undo() }, '撤销上一步')));
  }

  /** Every grid ring position within the tolerance of `position`: [grid, part, ring, index]. */
  refsAt(position) {
    const refs = [];
    for (const [id, polygons] of this.shapes) {
      polygons.forEach((rings, p) => rings.forEach((ring, r) => ring.forEach((c, i) => {
        if (samePosition(c, position)) refs.push([id, p, r, i]);
      })));
    }
    return refs;
  }

  drawHandles() {
    const group = this.map.overlay('handles');
    group.clearLayers();
    const grid = this.workspace.selected;
    if (!grid || !this.shapes.has(grid)) return;
    const seen = new Set();
    for (const rings of this.shapes.get(grid)) {
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const key = vertexKey(ring[i]);
          if (!seen.has(key)) {
            seen.add(key);
            const shared = new Set(this.refsAt(ring[i]).map(([id]) => id)).size > 1;
            this.handle(group, ring[i], shared ? 'pl-vertex pl-shared' : 'pl-vertex', OPTIONS.handleSize, false);
          }
          const m = this.map.map;
          if (m.latLngToLayerPoint(toLatLng(ring[i])).distanceTo(m.latLngToLayerPoint(toLatLng(ring[i + 1]))) >= OPTIONS.midpointEdgePixels) {
            const middle = [(ring[i][0] + ring[i + 1][0]) / 2, (ring[i][1] + ring[i + 1][1]) / 2];
            this.handle(group, middle, 'pl-midpoint', OPTIONS.midpointSize, [ring[i], ring[i + 1]]);
          }
        }
      }
    }
  }

  handle(group, position, className, size, edge) {
    const marker = L.marker(toLatLng(position), { pane: 'pl-handles', draggable: true, keyboard: false,
      icon: L.divIcon({ className, iconSize: [size, size] }) });
    let drag = null;
    marker.on('dragstart', () => {
      this.dragging = true;
      drag = this.begin(position, edge);
    });
    marker.on('drag', () => this.follow(drag, fromLatLng(marker.getLatLng())));
    marker.on('dragend', () => {
      this.dragging = false;
      this.drop(drag, fromLatLng(marker.getLatLng()));
    });
    marker.addTo(group);
    marker.getElement().setAttribute('data-vertex', vertexKey(position));
  }

  /** Starts a drag: the snapper from the shapes as they are, and every ring position to move. */
  begin(position, edge) {
    const lines = [...this.streets().flatMap((f) => linesOf(f.geometry)), ...linesOf(this.workspace.community.geometry)];
    for (const polygons of this.shapes.values()) lines.push(...polygons.flat());
    const snapper = new Snapper(lines, this.snapMetres(), position);
    if (edge) this.insertOnEdges(position, edge);
    return { from: position, snapper, refs: this.refsAt(position) };
  }

  /** Adds the middle of an edge as a vertex of every grid whose boundary has that edge. */
  insertOnEdges(position, [a, b]) {
    for (const polygons of this.shapes.values()) {
      for (const rings of polygons) {
        for (const ring of rings) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const forward = samePosition(ring[i], a, 1e-12) && samePosition(ring[i + 1], b, 1e-12);
            const backward = samePosition(ring[i], b, 1e-12) && samePosition(ring[i + 1], a, 1e-12);
            if (forward || backward) {
              ring.splice(i + 1, 0, [...position]);
              break;
            }
          }
        }
      }
    }
  }

  follow(drag, position) {
    const touched = new Set();
    for (const [id, p, r, i] of drag.refs) {
      const ring = this.shapes.get(id)[p][r];
      ring[i] = position;
      if (i === 0) ring[ring.length - 1] = position;
      if (i === ring.length - 1) ring[0] = position;
      touched.add(id);
    }
    for (const id of touched) this.map.reshape(id, { type: 'MultiPolygon', coordinates: this.shapes.get(id) });
  }

  drop(drag, position) {
    const snapped = drag.snapper.snap(position).position;
    this.follow(drag, snapped);
    this.moves.push({ from: round7(drag.from), to: round7(snapped) });
    // the handle being dropped is redrawn too: not from inside its own dragend
    setTimeout(() => {
      this.drawHandles();
      this.preview();
    }, 0);
  }

  snapMetres() {
    const m = this.map.map;
    const size = m.getSize();
    const a = m.containerPointToLatLng([size.x / 2, size.y / 2]);
    const b = m.containerPointToLatLng([size.x / 2 + OPTIONS.snapPixels, size.y / 2]);
    return Math.min(OPTIONS.maxSnapMetres, Math.round(m.distance(a, b) * 10) / 10);
  }

  preview() {
    this.render();
    if (!this.moves.length) {
      this.pending.clear();
      this.shapesFrom(null);
      this.drawHandles();
      return;
    }
    const grids = new Set(this.moves.flatMap((m) => this.refsAt(m.to).map(([id]) => id)));
    const names = [...grids].map((id) => this.workspace.name(id)).join('、');
    this.pending.set({ kind: 'redraw', community: this.workspace.community.id, moves: this.moves, snap: this.snapMetres() },
      { title: `移动 ${this.moves.length} 次边界顶点（${names}）`, answered: (answer) => {
        if (this.panel && !this.dragging) {
          this.shapesFrom(answer);
          this.drawHandles();
        }
      } });
  }

  undo() {
    this.moves.pop();
    this.shapesFrom(null);
    this.drawHandles();
    this.preview();
  }
}
