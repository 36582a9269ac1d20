// What an edit does, as the preview (or the save) answered it: how many households, addresses,
// residents, buildings, party groups and stations change grid, the new totals of every grid
// it touches, and the lists of what moves (residents only counted). Each count carries
// data-count so that the page's tests can read it.

import { el } from '../dom.js';
import { CHANGES, COUNTS } from './words.js';

const LISTS = [['addresses', '门牌地址'], ['buildings', '楼栋'], ['party_groups', '党小组'], ['stations', '站点']];

/** A name for a grid id of the answer (a new grid of a preview has a negative key). */
function namer(answer, workspace) {
  const names = new Map(answer.grids.features.map((f) => [f.properties.id, f.properties.name]));
  return (id) => (id === null || id === undefined ? '（无网格）' : names.get(id) ?? workspace.name(id));
}

function totals(answer) {
  const m = answer.moves;
  return { households: m.addresses.households ?? 0, addresses: m.addresses.count, residents: m.residents.count,
    buildings: m.buildings.count, party_groups: m.party_groups.count, stations: m.stations.count };
}

function summary(answer) {
  const t = totals(answer);
  return el('ul', { class: 'pl-counts' }, COUNTS.map(([key, label]) =>
    el('li', {}, el('span', {}, label), el('b', { 'data-count': key }, String(t[key])))));
}

/** One count of a grid before and after the edit: "180 → 141", or the one number when it stays. */
function change(before, after, key, label) {
  const b = before?.[key];
  const a = after?.[key] ?? 0;
  const d = b === undefined || b === null ? 0 : a - b;
  return el('span', { class: d > 0 ? 'pl-up' : d < 0 ? 'pl-down' : null, 'data-total': key },
    `${label} `, el('b', {}, b === undefined || b === null || b === a ? String(a) : `${b} → ${a}`));
}

function gridTotals(answer) {
  return el('ul', { class: 'pl-impact-grids' }, answer.grids.features.map((f) => {
    const p = f.properties;
    const what = [CHANGES[p.change] ?? p.change, p.geometry_changed && p.change === 'updated' ? '边界' : null,
      p.attributes_changed && p.change === 'updated' ? '属性' : null].filter(Boolean).join('·');
    return el('li', { class: 'pl-impact-grid', 'data-grid': String(p.id) },
      el('div', {}, el('b', {}, p.name), ` ${p.code ?? ''} `, el('span', { class: `pl-tag pl-${p.change}` }, what)),
      el('div', { class: 'pl-totals' }, COUNTS.filter(([k]) => k !== 'addresses').map(([key, label]) => change(p.before, p.after, key, label))));
  }));
}

function lists(answer, name) {
  const out = [];
  for (const [key, label] of LISTS) {
    const list = answer.moves[key];
    if (!list.count) continue;
    const items = list.items.map((i) => el('li', {}, i.name, i.households !== undefined ? el('small', {}, ` ${i.households} 户`) : null,
      el('span', { class: 'pl-flow' }, `${name(i.from)} → ${name(i.to)}`)));
    out.push(el('details', { class: 'pl-moved', 'data-list': key, open: list.count <= 8 },
      el('summary', {}, `${label}：${list.count}`), el('ul', {}, items),
      list.truncated ? el('p', { class: 'pl-muted-text' }, `只列出前 ${list.items.length} 项`) : null));
  }
  if (answer.moves.residents.count) {
    out.push(el('details', { class: 'pl-moved', 'data-list': 'residents' }, el('summary', {}, `居民：${answer.moves.residents.count} 人`),
      el('ul', {}, answer.flows.filter((f) => f.residents).map((f) => el('li', {}, `${name(f.from)} → ${name(f.to)}：${f.residents} 人`)))));
  }
  return out;
}

/** The whole impact: summary counts, affected grids with their new totals, what moves, warnings. */
export function impactView(answer, workspace) {
  const name = namer(answer, workspace);
  const nothing = Object.values(totals(answer)).every((n) => n === 0);
  return el('div', { class: 'pl-impact' },
    el('h3', {}, '变更的对象'), summary(answer),
    nothing ? el('p', { class: 'pl-muted-text' }, '没有门牌、居民、楼栋、党小组或站点改变所属网格。') : lists(answer, name),
    el('h3', {}, '受影响网格的新合计'), gridTotals(answer),
    answer.warnings.length ? el('ul', { class: 'pl-warnings' }, answer.warnings.map((w) => el('li', {}, w.detail))) : null);
}
