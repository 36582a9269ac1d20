// The review queue as a table, a page at a time: residents whose address did not geocode with
// confidence, with the geocoder's guess, optionally one of the worker's grids only. Each row's
// "在地图上定位" opens the locating map (locate-panel.js), where the worker sets the point by hand;
// the row then leaves the queue.
import { getJson } from './api.js';
import { el, replace, say } from './dom.js';
import { createLocatePanel, guessText } from './locate-panel.js';

const PAGE = 50;
const $ = (id) => document.getElementById(id);

/** `account`: the logged-in grid worker or admin, from /api/me (a grid worker's scope is their grids). */
export function initReviewList(status, account) {
  const rows = $('review-rows');
  const total = $('review-total');
  const note = $('review-note');
  const prev = $('review-prev');
  const next = $('review-next');
  const gridFilter = $('review-grid');
  const grids = account.role === 'grid_worker' ? account.scope ?? [] : [];
  let offset = 0;
  let count = 0;

  function showCount() {
    const shown = rows.children.length;
    total.textContent = count === 0 ? '没有待核实的居民' : `共 ${count} 人待核实，本页第 ${offset + 1}–${offset + shown} 人`;
    prev.disabled = offset === 0;
    next.disabled = offset + shown >= count;
  }

  const panel = createLocatePanel(grids.map((g) => g.id), (resident, pinned) => {
    rows.querySelector(`tr[data-resident="${resident.id}"]`)?.remove();
    count -= 1;
    say(note, `已将 ${resident.name} 定位到 ${pinned.grid.name}（${pinned.grid.code}）` + (pinned.address ? `，${pinned.address}` : '') + '。', 'ok');
    if (rows.children.length === 0) refresh();
    else showCount();
  });

  const row = (r) => el('tr', { dataset: { resident: r.id } },
    el('td', { dataset: { label: '姓名' } }, r.name),
    el('td', { dataset: { label: '电话' } }, r.phone_masked || ''),
    el('td', { dataset: { label: '登记地址' } }, r.address),
    el('td', { dataset: { label: '导入行' } }, r.import_line ?? ''),
    el('td', { dataset: { label: '最佳猜测' } }, guessText(r.guess)),
    el('td', { dataset: { label: '网格' } }, r.grid ? r.grid.name : ''),
    el('td', {}, el('button', { class: 'plain locate-open', type: 'button', onclick: () => panel.open(r) }, '在地图上定位')));

  async function refresh() {
    try {
      const page = await getJson('/api/review/residents', { grid: gridFilter.value, limit: PAGE, offset });
      if (page.residents.length === 0 && offset > 0 && page.total > 0) {
        offset = Math.floor((page.total - 1) / PAGE) * PAGE;
        return refresh();
      }
      count = page.total;
      replace(rows, page.residents.map(row));
      showCount();
    } catch (e) {
      say(status, e.message, 'error');
    }
    return undefined;
  }

  if (grids.length > 1) {
    replace(gridFilter, el('option', { value: '' }, '全部网格'),
      grids.map((g) => el('option', { value: g.id }, `${g.name}（${g.code}）`)));
    $('review-grid-label').hidden = false;
  }
  gridFilter.addEventListener('change', () => {
    offset = 0;
    refresh();
  });
  // rows pinned on this page have left the queue: the next page starts after the rows still shown
  next.addEventListener('click', () => {
    offset += rows.children.length;
    refresh();
  });
  prev.addEventListener('click', () => {
    offset = Math.max(0, offset - PAGE);
    refresh();
  });
  $('review-refresh').addEventListener('click', refresh);
  refresh();
  return { refresh };
}
