// The pending edit: whatever a tool has built is previewed at once (the server runs the edit and
// rolls it back), its impact shown and its new shapes drawn; a save needs a reason and carries
// the grid versions it was based on in If-Match. A refusal (422) draws the offending places, a
// conflict (409) draws mine against theirs; after a save the community is loaded afresh.

import { ApiError, post } from '../api.js';
import { el, replace, say } from '../dom.js';
import { impactView } from './impact.js';
import { conflictView } from './conflict.js';

export class PendingEdit {
  constructor(workspace, map, panel, status) {
    this.workspace = workspace;
    this.map = map;
    this.panel = panel;
    this.status = status;
    this.edit = null;
    this.sequence = 0;
    this.listeners = [];
  }

  /** Called with each answer of a preview or save: (answer, saved). */
  onAnswer(fn) {
    this.listeners.push(fn);
  }

  /**
   * Previews an edit. options: title (what the planner did, in words), tags (extra entity tags for
   * If-Match, such as a retired grid's), answered (called with each successful preview).
   */
  async set(edit, { title, tags = [], answered } = {}) {
    this.edit = { body: edit, title, tags, answered };
    const mine = ++this.sequence;
    this.render('loading', title, el('p', { class: 'pl-loading' }, '正在计算影响…'));
    try {
      const answer = await post('/api/planner/edits/preview', edit, { headers: this.headers(tags) });
      if (mine !== this.sequence) return;
      this.answer = answer;
      this.drawAfter(answer);
      answered?.(answer);
      this.render('ready', title, impactView(answer, this.workspace), this.saveForm());
    } catch (e) {
      if (mine === this.sequence) this.failed(e, title);
    }
  }

  headers(tags) {
    return { 'If-Match': this.workspace.ifMatch(tags) };
  }

  clear() {
    this.sequence++;
    this.edit = null;
    this.answer = null;
    this.map.clear('after', 'places', 'conflict');
    this.map.mute(false);
    this.panel.hidden = true;
    replace(this.panel);
  }

  render(state, title, ...body) {
    this.panel.hidden = false;
    this.panel.dataset.state = state;
    replace(this.panel, el('h2', {}, '待保存的修改'), el('p', { class: 'pl-edit-title' }, title), body);
  }

  drawAfter(answer) {
    this.map.clear('after', 'places', 'conflict');
    const shapes = answer.grids.features.filter((f) => f.geometry && f.properties.geometry_changed);
    for (const f of shapes) {
      const created = f.properties.change === 'created';
      this.map.drawGeoJson('after', f, { className: created ? 'pl-after pl-after-created' : 'pl-after',
        style: { color: '#111', weight: 2.5, dashArray: '6 4', fill: created, fillColor: '#1d5fbf', fillOpacity: 0.2 } });
    }
  }

  saveForm() {
    const reason = el('textarea', { name: 'reason', required: true, maxlength: 500, rows: 2,
      placeholder: '例如：新建小区并入第一网格' });
    const button = el('button', { type: 'submit' }, '保存');
    const form = el('form', { class: 'pl-save', onsubmit: (e) => {
      e.preventDefault();
      if (!reason.value.trim()) {
        say(this.status, '请填写修改原因。', 'error');
        reason.focus();
        return;
      }
      button.disabled = true;
      this.save(reason.value.trim()).finally(() => { button.disabled = false; });
    } },
    el('label', {}, '修改原因（必填，记入每个网格的历史）', reason),
    el('div', { class: 'pl-buttons' }, button, el('button', { type: 'button', class: 'plain', onclick: () => this.cancel() }, '放弃')));
    return form;
  }

  cancel() {
    this.clear();
    this.workspace.emit('load', this.workspace);
  }

  async save(reason) {
    const { body, title, tags } = this.edit;
    try {
      const answer = await post('/api/planner/edits', { ...body, reason }, { headers: this.headers(tags) });
      this.clear();
      say(this.status, `已保存：${title}（第 ${answer.change} 号变更）`);
      await this.workspace.load();
      for (const fn of this.listeners) fn(answer, true);
    } catch (e) {
      this.failed(e, title);
    }
  }

  failed(e, title) {
    if (!(e instanceof ApiError)) {
      this.render('error', title, el('p', { class: 'error' }, `无法连接服务器：${e.message}`));
      return;
    }
    this.map.clear('after', 'places', 'conflict');
    if (e.status === 422 && e.problem.errors) {
      this.map.drawGeoJson('places', e.problem.places, { pane: 'pl-places', className: 'pl-place',
        style: { color: '#c8161d', weight: 3, fillColor: '#c8161d', fillOpacity: 0.45 } });
      this.render('refused', title, el('p', { class: 'error' }, '这个修改不能保存：'),
        el('ul', { class: 'pl-errors' }, e.problem.errors.map((f) => el('li', {}, f.detail))),
        el('p', { class: 'pl-muted-text' }, '红色标出的是出问题的位置。请调整后再试，或放弃这个修改。'), this.giveUp());
    } else if (e.status === 409 && e.problem.conflicts) {
      this.render('conflict', title, conflictView(e.problem, this.map, () => this.reload()));
    } else if (e.status === 401) {
      this.render('error', title, el('p', { class: 'error' }, '登录已过期，请重新登录后再保存。'));
    } else {
      this.render('error', title, el('p', { class: 'error' }, e.message), this.giveUp());
    }
  }

  giveUp() {
    return el('div', { class: 'pl-buttons' }, el('button', { type: 'button', class: 'plain', onclick: () => this.cancel() }, '放弃这个修改'));
  }

  async reload() {
    this.clear();
    await this.workspace.load();
    say(this.status, '已载入最新版本，请在此基础上重新编辑。');
  }
}
