// A 409 from a save: someone saved the same grids since this page loaded them. Says who, when
// and why, and draws mine (what this edit makes of the versions it was based on) against theirs
// (the grids as they are now), until the planner loads the new versions and edits again.

import { el } from '../dom.js';
import { operation } from './words.js';

export function conflictView(problem, map, reload) {
  map.mute(true);
  map.drawGeoJson('conflict', problem.theirs, { className: 'pl-theirs',
    style: { color: '#e07b00', weight: 3, fillColor: '#e07b00', fillOpacity: 0.15 } });
  map.drawGeoJson('conflict', problem.mine, { className: 'pl-mine',
    style: { color: '#1d5fbf', weight: 3, dashArray: '8 5', fillColor: '#1d5fbf', fillOpacity: 0.1 } });
  const rows = problem.conflicts.map((c) => el('li', { 'data-grid': String(c.grid) },
    el('b', {}, c.name), ` 已被 ${c.changed_by} 于 ${c.changed_at} 保存为第 ${c.current_version} 版（你基于第 ${c.your_version} 版）`,
    c.operation ? `，操作：${operation(c.operation)}` : '', c.reason ? `，原因：${c.reason}` : ''));
  return el('div', { class: 'pl-conflict' },
    el('p', { class: 'error' }, '保存冲突：在你编辑期间，别人已经保存了这些网格。你的修改没有保存。'),
    el('ul', {}, rows),
    el('ul', { class: 'pl-legend' },
      el('li', {}, el('span', { class: 'pl-swatch pl-mine-swatch' }), '我的修改'),
      el('li', {}, el('span', { class: 'pl-swatch pl-theirs-swatch' }), '他人保存的当前版本')),
    el('div', { class: 'pl-buttons' }, el('button', { type: 'button', onclick: reload }, '载入最新版本')));
}
