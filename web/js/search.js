// Finding a place by typing its address: candidates from /api/geocode as one types (best first,
// with the grid each lies in); picking one opens the same card as tapping the map. When the
// server has no geocoding (404 or 501), the box is disabled with a note saying what still works.

import { ApiError, getJson } from './api.js';
import { debounce, el, replace } from './dom.js';
import { t } from './i18n.js';

const OPTIONS = { minLength: 2, limit: 6, delay: 200, noteSeconds: 8 };

export function createSearch({ form, input, list, note }, onPick) {
  let request = null;
  let candidates = [];
  let active = -1;

  const close = () => {
    replace(list);
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };

  const unavailable = () => {
    close();
    input.disabled = true;
    input.value = '';
    input.dataset.i18nPlaceholder = 'searchUnavailable';
    input.placeholder = t('searchUnavailable');
    note.dataset.i18n = 'searchUnavailable';
    note.textContent = t('searchUnavailable');
    note.hidden = false;
    setTimeout(() => { note.hidden = true; }, OPTIONS.noteSeconds * 1000);
    form.classList.add('pm-search-unavailable');
  };

  const pick = (c) => {
    close();
    input.value = c.address;
    onPick({ lon: c.lon, lat: c.lat, label: c.address });
  };

  const show = (items) => {
    candidates = items;
    active = -1;
    if (items.length === 0) {
      replace(list, el('li', { class: 'pm-search-empty' }, t('searchNothing')));
    } else {
      replace(list, items.map((c, i) => el('li', { role: 'option', id: `search-option-${i}` },
        el('button', { type: 'button', class: 'pm-search-option', onclick: () => pick(c) },
          el('span', { class: 'pm-search-address' }, c.address),
          c.grid ? el('span', { class: 'pm-search-grid' }, c.grid.name) : null))));
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const lookup = debounce(async () => {
    const q = input.value.trim();
    if (q.length < OPTIONS.minLength) {
      close();
      return;
    }
    request?.abort();
    request = new AbortController();
    try {
      const answer = await getJson('/api/geocode', { q, limit: OPTIONS.limit }, { signal: request.signal });
      if (input.value.trim() === q) show(answer.candidates ?? []);
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e instanceof ApiError && (e.status === 404 || e.status === 501)) unavailable();
      else replace(list, el('li', { class: 'pm-search-empty' }, t('searchFailed', e.message)));
    }
  }, OPTIONS.delay);

  const highlight = (i) => {
    const options = list.querySelectorAll('.pm-search-option');
    if (options.length === 0) return;
    active = (i + options.length) % options.length;
    options.forEach((o, j) => o.classList.toggle('pm-active', j === active));
    input.setAttribute('aria-activedescendant', `search-option-${active}`);
  };

  input.addEventListener('input', lookup);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { highlight(active + 1); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { highlight(active - 1); e.preventDefault(); }
    else if (e.key === 'Escape') close();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (candidates.length > 0) pick(candidates[Math.max(0, active)]);
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target)) close();
  });

  /** Asks once whether the server can geocode at all, so that the box is disabled before anyone types. */
  const probe = async () => {
    try {
      await getJson('/api/geocode', { q: '路', limit: 1 });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 501)) unavailable();
    }
  };
  return { probe };
}
