// wishes.html?community=ID: a community's 微心愿 wall (open, claimed, fulfilled) with its figures.
// Anyone claims an open wish with a name and phone, which the grid worker confirms; a logged-in
// party member claims with one tap and finds their claims under #mine. Nothing here is personal:
// the server's wall holds no name, phone or address finer than the grid.

import { ApiError, get, post } from './api.js';
import { el, replace, say } from './dom.js';
import { me } from './session.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
const state = { community: null, tab: 'open', board: null, account: null, claiming: null };

const STATUS_LABELS = { open: '待认领', claimed: '已认领', fulfilled: '已实现' };

function wallUrl(id) {
  return `/api/communities/${id}/wishes`;
}

/** "3.5" days, or "—" before the first wish is fulfilled. */
export function days(median) {
  return median == null ? '—' : `${Math.round(median * 10) / 10} 天`;
}

function isMember() {
  return state.account?.role === 'party_member' && !state.account.must_change_password;
}

function figures(f) {
  const item = (label, value) => el('div', {}, el('dt', {}, label), el('dd', {}, value));
  replace($('figures'), item('发布', f.posted), item('待认领', f.open), item('已实现', f.fulfilled),
    item('实现用时（中位）', days(f.median_days_to_fulfil)));
}

function claimedText(w) {
  if (w.status === 'fulfilled') return `${w.claimed_by} 认领 · ${w.fulfilled_on} 已实现`;
  return `${w.claimed_by} 于 ${w.claimed_on} 认领${w.confirmed ? '' : '（待网格员确认）'}`;
}

function item(w) {
  return el('li', { class: 'wl-item', dataset: { wishId: w.id } },
    el('h3', {}, el('span', { class: 'wl-badge' }, w.category_label), w.title),
    w.situation ? el('p', {}, w.situation) : null,
    el('div', { class: 'wl-meta' }, `${w.grid.name} · 希望 ${w.due_on} 前 · 发布于 ${w.posted_on}`),
    w.status !== 'open' ? el('div', { class: 'wl-meta' }, claimedText(w)) : null,
    w.thanks ? el('p', { class: 'wl-thanks' }, `感谢：${w.thanks}`) : null,
    w.status === 'open' ? el('button', { type: 'button', class: 'wl-claim', onclick: () => claim(w) }, isMember() ? '一键认领' : '我来认领') : null);
}

function render() {
  const board = state.board;
  figures(board.figures);
  for (const key of Object.keys(STATUS_LABELS)) {
    document.querySelector(`[data-count="${key}"]`).textContent = board.wishes.filter((w) => w.status === key).length;
  }
  const shown = board.wishes.filter((w) => w.status === state.tab);
  replace($('wishes'), shown.map(item));
  $('empty').hidden = shown.length > 0;
  $('empty').textContent = state.tab === 'open' ? '现在没有待认领的心愿，感谢大家！' : `暂无${STATUS_LABELS[state.tab]}的心愿`;
}

async function loadWall() {
  state.board = await get(wallUrl(state.community));
  render();
}

function claimFailed(err) {
  if (err instanceof ApiError && err.status === 409) return '这个心愿刚刚已被别人认领，谢谢您！请看看其他心愿。';
  if (err instanceof ApiError && err.status === 429) return '操作太快了，请稍等几秒再试。';
  return `未能认领：${err.message}`;
}

async function claim(w) {
  if (isMember()) {
    try {
      await post(`/api/wishes/${w.id}/claim`, {});
      say(status, `认领成功：${w.title}。网格员会与您联系安排。`);
    } catch (err) {
      say(status, claimFailed(err), 'error');
    }
    await loadWall();
    return;
  }
  state.claiming = w;
  $('claim-title').textContent = w.title;
  $('claim-status').textContent = '';
  $('claim-dialog').showModal();
}

function wireClaimForm() {
  const form = $('claim');
  $('claim-cancel').addEventListener('click', () => $('claim-dialog').close());
  $('member-login').href = `/login.html?next=${encodeURIComponent(location.pathname + location.search)}`;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const w = state.claiming;
    try {
      await post(`/api/wishes/${w.id}/claim`, { name: form.elements.name.value, phone: form.elements.phone.value });
      $('claim-dialog').close();
      form.reset();
      say(status, `认领成功：${w.title}。网格员会打电话与您确认。`);
      await loadWall();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        $('claim-dialog').close();
        say(status, claimFailed(err), 'error');
        await loadWall();
      } else {
        say($('claim-status'), claimFailed(err), 'error');
      }
    }
  });
}

function wireTabs() {
  for (const button of document.querySelectorAll('#tabs button')) {
    button.addEventListener('click', () => {
      state.tab = button.dataset.status;
      document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('wl-active', b === button));
      render();
    });
  }
}

async function showMine() {
  const answer = await get('/api/wishes/mine');
  replace($('mine-list'), answer.wishes.map((w) => el('li', { class: 'wl-item' },
    el('h3', {}, el('span', { class: 'wl-badge' }, w.category_label), w.title),
    el('div', { class: 'wl-meta' }, `${w.community}${w.grid.name} · 希望 ${w.due_on} 前 · ${STATUS_LABELS[w.status] ?? '已撤回'}`),
    w.thanks ? el('p', { class: 'wl-thanks' }, `感谢：${w.thanks}`) : null)));
  $('mine-empty').hidden = answer.wishes.length > 0;
}

async function route() {
  const mine = location.hash === '#mine' && isMember();
  $('mine').hidden = !mine;
  $('wall').hidden = mine || state.community == null;
  if (mine) await showMine();
}

async function chooseCommunity() {
  const all = await get('/api/communities');
  const select = $('community-select');
  for (const f of all.features) {
    select.append(el('option', { value: f.properties.id }, `${f.properties.name}（${f.properties.subdistrict}）`));
  }
  select.addEventListener('change', () => select.value && location.assign(`/wishes.html?community=${select.value}`));
  $('choose').hidden = false;
}

async function start() {
  state.account = await me().catch(() => null);
  if (isMember()) {
    replace($('who'), el('a', { href: '/account.html', title: '我的账户' }, `${state.account.display_name || state.account.username}（党员）`));
    $('mine-link').hidden = false;
  }
  window.addEventListener('hashchange', () => route().catch((e) => say(status, e.message, 'error')));
  const id = new URLSearchParams(location.search).get('community');
  if (!/^\d+$/.test(id ?? '')) {
    await chooseCommunity();
    await route();
    return;
  }
  state.community = Number(id);
  wireTabs();
  wireClaimForm();
  await loadWall();
  const name = state.board.community.name;
  document.title = `${name} · 微心愿`;
  $('title').textContent = `${name} · 微心愿`;
  await route();
}

start().catch((e) => say(status, e instanceof ApiError && e.status === 404 ? '没有这个社区。' : e.message, 'error'));
