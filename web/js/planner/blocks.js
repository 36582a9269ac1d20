// Moving street blocks: the community's blocks are drawn over the grids; clicking blocks of a
// neighbouring grid moves them into the target grid (the selected one), and the boundary
// follows. Clicking a chosen block again puts it back. One edit moves blocks from one grid.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { getJson } from '../api.js';
import { geometryLatLngs } from '../coords.js';
import { el, replace, say } from '../dom.js';
import { PanelTool } from './tool.js';

export class BlockTool extends PanelTool {
  constructor(context) {
    super(context);
    this.picked = new Map();
    this.from = null;
  }

  async start(panel) {
    this.panel = panel;
    this.to = this.workspace.selected;
    this.picked.clear();
    this.from = null;
    this.render();
    const group = this.map.overlay('blocks');
    group.clearLayers();
    const data = await getJson(`/api/planner/communities/${this.workspace.community.id}/blocks`);
    if (this.panel !== panel) return;
    this.layers = new Map();
    for (const f of data.features) {
      const polygon = L.polygon(geometryLatLngs(f.geometry), { pane: 'pl-blocks', className: 'pl-block',
        color: '#555', weight: 1, dashArray: '2 3', fillColor: '#fff', fillOpacity: 0.01 });
      polygon.on('click', () => this.toggle(f));
      polygon.addTo(group);
      polygon.getElement().setAttribute('data-block-index', String(f.properties.index));
      polygon.getElement().setAttribute('data-block-grid', String(f.properties.grid ?? ''));
      this.layers.set(f.properties.index, polygon);
    }
    this.panel.querySelector('.pl-loading')?.remove();
  }

  stop() {
    super.stop();
    this.map.clear('blocks');
  }

  /** Another grid selected before any block is chosen becomes the target. */
  onSelect(id) {
    if (this.panel && !this.picked.size) {
      this.to = id;
      this.render();
    }
  }

  render() {
    const options = this.workspace.grids.map((g) => el('option', { value: g.id, selected: g.id === this.to }, g.properties.name));
    const target = el('select', { name: 'to', onchange: (e) => {
      this.to = Number(e.target.value);
      this.reset();
    } }, el('option', { value: '' }, '请选择'), options);
    replace(this.panel, el('h2', {}, '移动街区'),
      el('label', {}, '移入网格', target),
      el('p', {}, '点击相邻网格中的街区（虚线围成的街坊），把它移入上面的网格；再点一次取消。'),
      el('p', { class: 'pl-picked' }, this.picked.size ? `已选 ${this.picked.size} 个街区，来自${this.workspace.name(this.from)}` : '尚未选择街区。'),
      this.layers ? null : el('p', { class: 'pl-loading' }, '正在载入街区…'));
  }

  reset() {
    for (const index of this.picked.keys()) this.layers?.get(index)?.getElement()?.classList.remove('pl-picked');
    this.picked.clear();
    this.from = null;
    this.pending.clear();
    this.render();
  }

  toggle(block) {
    const { index, grid, point } = block.properties;
    if (!this.to) {
      say(this.status, '请先选择要移入的网格。', 'error');
      return;
    }
    if (this.picked.has(index)) {
      this.picked.delete(index);
    } else if (grid === null) {
      say(this.status, '这个街区不在任何网格中，可用“拖动边界”把相邻网格扩过来。', 'error');
      return;
    } else if (grid === this.to) {
      say(this.status, `这个街区已在${this.workspace.name(this.to)}。`, 'error');
      return;
    } else if (this.from !== null && grid !== this.from) {
      say(this.status, `一次只能从一个网格移出街区（已选的来自${this.workspace.name(this.from)}）。请先保存或放弃。`, 'error');
      return;
    } else {
      this.picked.set(index, point);
      this.from = grid;
    }
    this.layers.get(index).getElement().classList.toggle('pl-picked', this.picked.has(index));
    if (!this.picked.size) {
      this.reset();
      return;
    }
    this.render();
    const from = this.workspace.name(this.from);
    const to = this.workspace.name(this.to);
    this.pending.set({ kind: 'move_blocks', from: this.from, to: this.to, blocks: [...this.picked.values()] },
      { title: `把 ${this.picked.size} 个街区从${from}移入${to}` });
  }
}
