// Generating grids along streets: choose which street classes may bound a grid and the target
// households per grid; the server proposes grids, drawn over the current ones (faded, with
// their outlines) and listed with their households. The planner ticks the proposed grids to
// accept — all or some — and the accepted shapes are previewed as one edit.

import { ApiError, getJson } from '../api.js';
import { el, replace, say } from '../dom.js';
import { PanelTool } from './tool.js';
import { STATUS, STREET_CLASSES } from './words.js';

const COLOURS = ['#8e44ad', '#16a085', '#d35400', '#2c3e50', '#c0392b', '#27ae60', '#2980b9', '#f39c12'];

export class ProposalTool extends PanelTool {
  constructor(context) {
    super(context);
    this.classes = new Set(['axis', 'main', 'secondary']);
  }

  start(panel) {
    this.proposal = null;
    super.start(panel);
  }

  stop() {
    super.stop();
    this.map.clear('proposal');
    this.map.mute(false);
  }

  /** The proposal does not depend on the selected grid. */
  onSelect() {
  }

  render(body = null) {
    const boxes = STREET_CLASSES.map(([code, label]) => el('label', { class: 'pl-check' },
      el('input', { type: 'checkbox', name: 'classes', value: code, checked: this.classes.has(code),
        onchange: (e) => (e.target.checked ? this.classes.add(code) : this.classes.delete(code)) }), label));
    const t = this.workspace.target;
    replace(this.panel, el('h2', {}, '沿街道生成方案'),
      el('form', { class: 'pl-generate', onsubmit: (e) => {
        e.preventDefault();
        this.generate();
      } },
      el('fieldset', {}, el('legend', {}, '可作为网格边界的街道'), boxes),
      el('p', {}, `目标：每格 ${t.min}–${t.max} 户（在左侧修改）`),
      el('button', { type: 'submit' }, '生成方案')),
      body);
  }

  async generate() {
    if (!this.classes.size) {
      say(this.status, '至少选择一种街道。', 'error');
      return;
    }
    this.pending.clear();
    this.render(el('p', { class: 'pl-loading' }, '正在沿街道划分…'));
    try {
      const data = await getJson(`/api/planner/communities/${this.workspace.community.id}/proposal`,
        { classes: [...this.classes], min: this.workspace.target.min, max: this.workspace.target.max });
      if (!this.panel) return;
      this.proposal = data;
      this.show();
    } catch (e) {
      this.render(el('p', { class: 'error' }, e instanceof ApiError ? e.message : `无法连接服务器：${e.message}`));
    }
  }

  show() {
    const features = this.proposal.proposal.features;
    this.map.mute(true);
    this.map.clear('proposal');
    const rows = features.map((f, i) => {
      const p = f.properties;
      const colour = COLOURS[i % COLOURS.length];
      this.map.drawGeoJson('proposal', f, { className: `pl-proposed pl-${p.status}`,
        style: { color: colour, weight: 3, fillColor: colour, fillOpacity: 0.25 } });
      const box = el('input', { type: 'checkbox', name: 'accept', value: String(i), checked: true });
      return el('tr', { 'data-proposed': String(p.index) }, el('td', {}, el('label', {}, box, ` 方案${p.index}`)),
        el('td', {}, `${p.households} 户`), el('td', { class: `pl-status-${p.status}` }, STATUS[p.status]),
        el('td', {}, p.mostly_from ? `主要来自${p.mostly_from.name}` : '—'));
    });
    const table = el('table', { class: 'pl-proposal' }, el('tbody', {}, rows));
    this.render(el('div', {},
      el('p', {}, `${this.proposal.blocks} 个街区、${this.proposal.households} 户，分成 ${features.length} 个网格`
        + `（现有 ${this.proposal.current_grids} 个；用时 ${this.proposal.elapsed_ms} 毫秒）。彩色为方案，淡色为现有网格。`),
      table,
      el('div', { class: 'pl-buttons' },
        el('button', { type: 'button', onclick: () => this.accept(table) }, '接受勾选的网格'),
        el('button', { type: 'button', class: 'plain', onclick: () => this.start(this.panel) }, '清除方案'))));
  }

  accept(table) {
    const chosen = [...table.querySelectorAll('input[name=accept]:checked')].map((b) => this.proposal.proposal.features[Number(b.value)]);
    if (!chosen.length) {
      say(this.status, '请至少勾选一个方案网格。', 'error');
      return;
    }
    const all = chosen.length === this.proposal.proposal.features.length;
    this.pending.set({ kind: 'proposal', community: this.workspace.community.id, grids: chosen.map((f) => f.geometry) },
      { title: all ? `接受整个方案（${chosen.length} 个网格）` : `接受方案中的 ${chosen.length} 个网格` });
  }
}
