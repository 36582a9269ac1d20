// Splitting a grid along a drawn line: click points across the selected grid (from outside it
// to outside it), then finish; the part with more of the grid keeps its code and branch, the
// other becomes a new grid, named here or 第N网格 by default. The server snaps the line to
// streets and boundaries.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { fromLatLng, toLatLng } from '../coords.js';
import { el, replace, say } from '../dom.js';
import { round7 } from './snapping.js';
import { PanelTool } from './tool.js';

export class SplitTool extends PanelTool {
  constructor(context) {
    super(context);
    this.claimsClicks = true;
    this.onClick = (e) => this.add(fromLatLng(e.latlng));
  }

  start(panel) {
    this.panel = panel;
    this.grid = this.workspace.selected;
    this.points = [];
    this.map.map.on('click', this.onClick);
    this.map.map.getContainer().classList.add('pl-drawing');
    this.render();
  }

  stop() {
    this.map.map.off('click', this.onClick);
    this.map.map.getContainer().classList.remove('pl-drawing');
    this.map.clear('line');
    this.panel = null;
  }

  onSelect(id) {
    if (this.panel && id !== this.grid && !this.points.length) {
      this.grid = id;
      this.render();
    }
  }

  render() {
    const name = el('input', { name: 'name', maxlength: 64, placeholder: '默认：第N网格' });
    replace(this.panel, el('h2', {}, '分割网格'),
      this.grid ? el('p', {}, `在地图上依次点击，画一条从${this.workspace.name(this.grid)}外穿过它再到外面的线，然后点“完成”。`)
        : el('p', { class: 'pl-empty' }, '请先选择要分割的网格。'),
      el('label', {}, '新网格名称（可选）', name),
      el('p', { class: 'pl-picked' }, `已画 ${this.points.length} 个点。`),
      el('div', { class: 'pl-buttons' },
        el('button', { type: 'button', disabled: this.points.length < 2, onclick: () => this.finish(name.value.trim()) }, '完成'),
        el('button', { type: 'button', class: 'plain', onclick: () => this.restart() }, '重画')));
  }

  add(position) {
    if (!this.grid) {
      say(this.status, '请先选择要分割的网格。', 'error');
      return;
    }
    this.points.push(round7(position));
    this.draw();
    this.render();
  }

  draw() {
    const group = this.map.overlay('line');
    group.clearLayers();
    const latlngs = this.points.map(toLatLng);
    L.polyline(latlngs, { pane: 'pl-places', className: 'pl-split-line', color: '#c8161d', weight: 3, dashArray: '6 4',
      interactive: false }).addTo(group);
    for (const p of latlngs) {
      L.circleMarker(p, { pane: 'pl-places', radius: 4, color: '#c8161d', interactive: false }).addTo(group);
    }
  }

  restart() {
    this.points = [];
    this.map.clear('line');
    this.pending.clear();
    this.render();
  }

  finish(name) {
    const edit = { kind: 'split', grid: this.grid, line: { type: 'LineString', coordinates: this.points } };
    if (name) edit.name = name;
    this.pending.set(edit, { title: `沿画出的线分割${this.workspace.name(this.grid)}` });
  }
}
