// A grid's history: every version, who saved it, when and why, and which grids changed with
// it. Any version can be drawn against the current shape (the land gained since in green, the
// land lost in red) and restored, as a new version, through the ordinary preview and save.

import { getJson } from '../api.js';
import { el, replace } from '../dom.js';
import { PanelTool } from './tool.js';
import { operation, when } from './words.js';

export class HistoryTool extends PanelTool {
  stop() {
    super.stop();
    this.map.clear('compare');
    this.map.mute(false);
  }

  /** Loads the selected grid's history afresh. */
  async render() {
    const id = this.workspace.selected;
    this.map.clear('compare');
    this.map.mute(false);
    if (!id) {
      replace(this.panel, el('h2', {}, '历史版本'), el('p', { class: 'pl-empty' }, '请先选择一个网格。'));
      return;
    }
    replace(this.panel, el('h2', {}, `历史版本：${this.workspace.name(id)}`), el('p', { class: 'pl-loading' }, '正在载入…'));
    try {
      const history = await getJson(`/api/planner/grids/${id}/history`);
      if (this.panel && this.workspace.selected === id) this.show(history);
    } catch (e) {
      replace(this.panel, el('h2', {}, '历史版本'), el('p', { class: 'error' }, e.message));
    }
  }

  show(history) {
    const rows = history.versions.map((v) => el('li', { class: v.current ? 'pl-version pl-current' : 'pl-version',
      'data-version': String(v.version) },
    el('div', {}, el('b', {}, `第 ${v.version} 版`), ` ${operation(v.operation)}`, v.current ? el('span', { class: 'pl-tag' }, '当前') : null),
    el('div', { class: 'pl-reason' }, v.reason || '（无原因记录）'),
    el('div', { class: 'pl-muted-text' }, `${v.changed_by ?? ''} · ${when(v.changed_at)}`,
      v.together.length ? ` · 同时修改：${v.together.join('、')}` : ''),
    v.current ? null : el('div', { class: 'pl-buttons' },
      el('button', { type: 'button', class: 'plain', onclick: () => this.compare(history, v) }, '与当前对比'),
      el('button', { type: 'button', class: 'plain', onclick: () => this.revert(history, v) }, '恢复此版本'))));
    replace(this.panel, el('h2', {}, `历史版本：${this.workspace.name(history.grid.id)}`),
      el('p', { class: 'pl-muted-text' }, `${history.grid.code} · 共 ${history.versions.length} 版`),
      el('div', { id: 'compare-note' }), el('ol', { class: 'pl-versions' }, rows));
  }

  async compare(history, v) {
    const data = await getJson(`/api/planner/grids/${history.grid.id}/versions/${v.version}`);
    this.map.clear('compare');
    this.map.mute(true);
    this.map.drawGeoJson('compare', data.current, { className: 'pl-compare-current',
      style: { color: '#222', weight: 2, fill: false } });
    this.map.drawGeoJson('compare', data.added, { className: 'pl-compare-added',
      style: { stroke: false, fillColor: '#2e9d44', fillOpacity: 0.45 } });
    this.map.drawGeoJson('compare', data.removed, { className: 'pl-compare-removed',
      style: { stroke: false, fillColor: '#c8161d', fillOpacity: 0.45 } });
    this.map.drawGeoJson('compare', data.version, { className: 'pl-compare-version',
      style: { color: '#7b2cbf', weight: 3, dashArray: '6 5', fill: false } });
    replace(this.panel.querySelector('#compare-note'), el('ul', { class: 'pl-legend' },
      el('li', {}, el('span', { class: 'pl-swatch pl-version-swatch' }), `第 ${v.version} 版（虚线）`),
      el('li', {}, el('span', { class: 'pl-swatch pl-added-swatch' }), '此后增加的'),
      el('li', {}, el('span', { class: 'pl-swatch pl-removed-swatch' }), '此后减少的')));
  }

  revert(history, v) {
    // a retired grid is not among the loaded grids: name its last version in If-Match ourselves
    const tags = history.grid.live ? [] : [`"grid-${history.grid.id}-v${history.versions[0].version}"`];
    this.pending.set({ kind: 'revert', grids: [{ grid: history.grid.id, version: v.version }] },
      { title: `把${this.workspace.name(history.grid.id)}恢复到第 ${v.version} 版`, tags });
  }
}
