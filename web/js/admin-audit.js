// The audit-log section of admin.html: filter, page back in time, export as CSV.
import { get } from './api.js';
import { el, say } from './dom.js';

export function initAudit(status) {
  const form = document.getElementById('audit-filter');
  const rows = document.getElementById('audit-rows');
  const more = document.getElementById('audit-more');
  const exportLink = document.getElementById('audit-export');
  let before = null;

  function query() {
    const params = new URLSearchParams();
    for (const name of ['action', 'user', 'from', 'to']) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  function row(entry) {
    const target = entry.target_type ? `${entry.target_type} ${entry.target_id || ''}` : '';
    return el('tr', {},
      el('td', {}, entry.at.slice(0, 19).replace('T', ' ')), el('td', {}, entry.username || ''),
      el('td', {}, entry.action), el('td', {}, target), el('td', {}, entry.ip || ''),
      el('td', { class: 'detail' }, entry.detail ? JSON.stringify(entry.detail) : ''));
  }

  async function load(append) {
    const params = query();
    exportLink.href = '/api/admin/audit/export?' + params;
    if (append && before) params.set('before', before);
    try {
      const page = await get('/api/admin/audit?' + params);
      const items = page.entries.map(row);
      if (append) rows.append(...items); else rows.replaceChildren(...items);
      before = page.next_before;
      more.hidden = !before;
    } catch (e) {
      say(status, e.message, 'error');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(false);
  });
  more.addEventListener('click', () => load(true));
  load(false);
}
