// notices.html?community=ID: a community's 公告 newest first, filtered by kind; #n=ID opens one
// in full. The community's staff (checked again by the server) get the 发布公告 form and 撤回.

import { ApiError, get, post, request } from './api.js';
import { el, replace, say } from './dom.js';
import { me } from './session.js';

const options = {
  limit: 50,
  kinds: { news: '社区动态', announcement: '公告公示', party_affairs: '党务公开' },
};

const $ = (id) => document.getElementById(id);
const status = $('status');
const state = { community: null, kind: '', staff: false, notices: [] };

/** "2026-12-07T09:30:00+08:00" (the API writes Shanghai time) → "2026-12-07 09:30". */
export function shortTime(iso) {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Whether an account is staff of a community as a whole: the same rule as the server's. */
export function servesCommunity(account, community) {
  if (!account) return false;
  const scope = account.scope ?? [];
  if (account.role === 'admin') return true;
  if (account.role === 'planner') return scope.some((s) => s.code.length === 9 && community.code.startsWith(s.code));
  if (account.role === 'grid_worker') return scope.some((s) => s.code === community.code);
  return false;
}

function badge(kind) {
  return el('span', { class: `nt-badge nt-kind-${kind}` }, options.kinds[kind] ?? kind);
}

/** Plain text with its web addresses as links: text nodes only, never markup. */
function linked(text) {
  return text.split(/(https?:\/\/[^\s<>"'，。；！？、（）]+)/).map((part, i) => (i % 2
    ? el('a', { href: part, rel: 'noopener nofollow ugc', target: '_blank' }, part)
    : part));
}

function noticesUrl(id) {
  return `/api/communities/${id}/notices`;
}

async function loadList() {
  const query = new URLSearchParams({ limit: options.limit });
  if (state.kind) query.set('kind', state.kind);
  const answer = await get(`${noticesUrl(state.community.id)}?${query}`);
  state.notices = answer.notices;
  replace($('notices'), answer.notices.map((n) => el('li', { class: 'nt-item', dataset: { noticeId: n.id } },
    el('a', { href: `#n=${n.id}` },
      el('div', { class: 'nt-item-title' }, badge(n.kind), n.title),
      el('div', { class: 'nt-date' }, `${shortTime(n.published_at)} · ${n.author}`),
      el('p', { class: 'nt-excerpt' }, n.body.split('\n')[0])))));
  $('empty').hidden = answer.notices.length > 0;
}

async function showNotice(id) {
  const n = await get(`/api/notices/${id}`);
  $('notice-kind').className = `nt-badge nt-kind-${n.kind}`;
  $('notice-kind').textContent = n.kind_label;
  $('notice-title').textContent = n.title;
  $('notice-meta').textContent = `${n.author} · 发布于 ${shortTime(n.published_at)}`
    + (n.updated_at !== n.published_at ? ` · 更新于 ${shortTime(n.updated_at)}` : '');
  replace($('notice-body'), linked(n.body));
  const withdraw = $('withdraw');
  withdraw.hidden = !state.staff;
  withdraw.textContent = '撤回';
  withdraw.dataset.noticeId = n.id;
  $('notice-status').textContent = '';
  $('board').hidden = true;
  $('notice').hidden = false;
  window.scrollTo(0, 0);
}

async function route() {
  const match = /^#n=(\d+)$/.exec(location.hash);
  try {
    if (match) {
      await showNotice(match[1]);
    } else {
      $('notice').hidden = true;
      $('board').hidden = false;
      await loadList();
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && match) {
      say(status, '这条公告不存在或已撤回。', 'error');
      location.hash = '';
    } else {
      say(status, e.message, 'error');
    }
  }
}

function wireKinds() {
  for (const button of document.querySelectorAll('#kinds button')) {
    button.addEventListener('click', () => {
      state.kind = button.dataset.kind;
      document.querySelectorAll('#kinds button').forEach((b) => b.classList.toggle('nt-active', b === button));
      loadList().catch((e) => say(status, e.message, 'error'));
    });
  }
}

function wireStaff() {
  const form = $('publish');
  $('publish-box').hidden = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    try {
      const n = await post(noticesUrl(state.community.id), { kind: data.get('kind'), title: data.get('title'), body: data.get('body') });
      form.reset();
      $('publish-box').open = false;
      say($('publish-status'), `已发布：${n.title}`);
      await loadList();
    } catch (err) {
      say($('publish-status'), `未能发布：${err.message}`, 'error');
    }
  });
  // two steps, so that a slip of the thumb does not withdraw a notice
  $('withdraw').addEventListener('click', async () => {
    const button = $('withdraw');
    if (button.textContent !== '确认撤回') {
      button.textContent = '确认撤回';
      say($('notice-status'), '再点一次确认撤回：居民将不再看到这条公告。', 'error');
      return;
    }
    try {
      await request('DELETE', `/api/notices/${button.dataset.noticeId}`);
      say(status, '已撤回。');
      location.hash = '';
    } catch (err) {
      say($('notice-status'), `未能撤回：${err.message}`, 'error');
    }
  });
}

async function chooseCommunity() {
  const all = await get('/api/communities');
  const select = $('community-select');
  for (const f of all.features) {
    select.append(el('option', { value: f.properties.id }, `${f.properties.name}（${f.properties.subdistrict}）`));
  }
  select.addEventListener('change', () => select.value && location.assign(`/notices.html?community=${select.value}`));
  $('choose').hidden = false;
}

async function start() {
  const id = new URLSearchParams(location.search).get('community');
  if (!/^\d+$/.test(id ?? '')) {
    await chooseCommunity();
    return;
  }
  const [first, account] = await Promise.all([get(`${noticesUrl(id)}?limit=1`), me().catch(() => null)]);
  state.community = first.community;
  state.staff = servesCommunity(account, state.community);
  document.title = `${state.community.name} · 社区公告`;
  $('title').textContent = `${state.community.name} · 社区公告`;
  $('feed').href = `${noticesUrl(id)}.atom`;
  document.head.append(el('link', { rel: 'alternate', type: 'application/atom+xml', title: $('title').textContent,
    href: `${noticesUrl(id)}.atom` }));
  wireKinds();
  if (state.staff) wireStaff();
  window.addEventListener('hashchange', route);
  await route();
}

start().catch((e) => say(status, e instanceof ApiError && e.status === 404 ? '没有这个社区。' : e.message, 'error'));
