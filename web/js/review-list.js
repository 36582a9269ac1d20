// The review queue as a table: residents whose address did not geocode with confidence, with the
// geocoder's guess. Setting the point is done on the map (PUT /api/residents/{id}/location).
import { get } from './api.js';
import { el, replace, say } from './dom.js';

export function initReviewList(status) {
  const rows = document.getElementById('review-rows');
  const total = document.getElementById('review-total');

  async function refresh() {
    try {
      const page = await get('/api/review/residents?limit=100');
      replace(rows, page.residents.map((r) => el('tr', { dataset: { resident: r.id } },
        el('td', {}, r.name),
        el('td', {}, r.phone_masked || ''),
        el('td', {}, r.address),
        el('td', {}, r.import_line ?? ''),
        el('td', {}, r.guess ? `${r.guess.address}（${r.guess.level}${r.guess.score == null ? "" : "，" + r.guess.score.toFixed(2)}）` : "无"),
        el('td', {}, r.grid ? r.grid.name : ''))));
      total.textContent = `共 ${page.total} 人待核实` + (page.total > page.residents.length ? `，显示前 ${page.residents.length} 人` : '');
    } catch (e) {
      say(status, e.message, 'error');
    }
  }

  document.getElementById('review-refresh').addEventListener('click', refresh);
  refresh();
  return { refresh };
}
