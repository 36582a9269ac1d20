// The community's grids as a table beside the map: name and code, households, residents,
// buildings, party groups and stations, coloured by workload against the target. Clicking a
// row selects the grid, as clicking it on the map does.

import { el, replace } from '../dom.js';
import { STATUS } from './words.js';

export function showGridList(workspace, rows, summary, empty) {
  const grids = workspace.grids;
  const t = workspace.target;
  replace(rows, grids.map((g) => {
    const p = g.properties;
    const c = p.counts;
    return el('tr', { 'data-grid-id': String(g.id), class: `pl-row pl-${p.status}${g.id === workspace.selected ? ' pl-selected' : ''}`,
      tabindex: 0, title: `${p.code} · ${STATUS[p.status]}（目标 ${t.min}–${t.max} 户）`,
      onclick: () => workspace.select(g.id), onkeydown: (e) => e.key === 'Enter' && workspace.select(g.id) },
    el('td', {}, el('span', { class: 'pl-swatch' }), p.name, p.kind === 'dedicated' ? el('small', {}, ' 专属') : null),
    el('td', { class: 'pl-households' }, String(c.households)), el('td', {}, String(c.residents)), el('td', {}, String(c.buildings)),
    el('td', {}, String(c.party_groups)), el('td', {}, String(c.stations)));
  }));
  const counts = (status) => grids.filter((g) => g.properties.status === status).length;
  summary.textContent = grids.length ? `${grids.length} 个 · 偏少 ${counts('under')} · 偏多 ${counts('over')}` : '';
  empty.hidden = grids.length > 0;
}

export function markSelected(rows, id) {
  for (const row of rows.querySelectorAll('tr')) row.classList.toggle('pl-selected', row.dataset.gridId === String(id));
}

/** Download links for the community, and for everything the planner may see. */
export function showExports(target, community) {
  const link = (params, text) => el('a', { href: `/api/planner/export?${new URLSearchParams(params)}`, download: true }, text);
  replace(target,
    link({ community: community.id, format: 'gpkg' }, `${community.name} GeoPackage`), ' · ',
    link({ community: community.id, format: 'geojson', layer: 'grids' }, '网格 GeoJSON'), ' · ',
    link({ community: community.id, format: 'geojson', layer: 'communities' }, '社区 GeoJSON'), ' · ',
    link({ community: community.id, format: 'geojson', layer: 'stations' }, '站点 GeoJSON'), el('br'),
    link({ format: 'gpkg' }, '我负责的全部街道 GeoPackage'));
}
