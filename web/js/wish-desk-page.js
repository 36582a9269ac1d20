// wish-desk.html (心愿管理): a grid worker posts a resident's 微心愿 for the wall (the resident is
// kept private), confirms or releases a claim made by name and phone, marks a wish fulfilled with
// a thank-you note, or withdraws it. Planners see their subdistricts' wishes without private parts.
// ?grid=&resident=&question=&title= fill the form (from a care visit's needs or a 社区通 question).

import { ApiError, getJson, post, request } from './api.js';
import { el, replace, say } from './dom.js';
import { startStaffPage } from './session.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
const state = { account: null, tab: 'claimed', question: null };

/** A date `days` after today in Shanghai, as YYYY-MM-DD. */
export function shanghaiDate(days = 0) {
  const t = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(t);
}

function claimantText(w) {
  const c = w.claimant;
  if (!c) return w.claimed_by ? `认领：${w.claimed_by}` : null;
  if (c.kind === 'party_member') return `认领：党员 ${c.name ?? ''}${c.party_group ? `（${c.party_group}）` : ''}`;
  return `认领：${c.name} ${c.phone}${w.confirmed ? '' : '（待确认）'}`;
}

function action(label, run) {
  return el('button', { type: 'button', class: 'plain', onclick: run }, label);
}

async function step(w, path, body, done) {
  try {
    await post(`/api/wishes/${w.id}/${path}`, body);
    say(status, done);
    await loadList();
  } catch (err) {
    say(status, `未能完成：${err.message}`, 'error');
  }
}

function actions(w) {
  if (!w.resident && !w.claimant && state.account.role === 'planner') return [];
  const list = [];
  if (w.status === 'claimed' && !w.confirmed) list.push(action('确认认领', () => step(w, 'confirm', {}, `已确认：${w.title}`)));
  if (w.status === 'claimed') {
    list.push(action('已实现', (e) => {
      // a thank-you line for the wall, then the confirmation: inline, a phone has no room for a dialog
      const box = e.target.closest('.wl-item').querySelector('.wl-fulfil');
      box.hidden = false;
      box.querySelector('input').focus();
    }));
    list.push(action('释放认领', () => step(w, 'release', {}, `已释放：${w.title} 重新待认领`)));
  }
  if (w.status === 'open' || w.status === 'claimed') {
    list.push(action('撤回', async (e) => {
      // two steps, so that a slip of the thumb does not withdraw a wish
      if (e.target.textContent !== '确认撤回') {
        e.target.textContent = '确认撤回';
        return;
      }
      try {
        await request('DELETE', `/api/wishes/${w.id}`);
        say(status, `已撤回：${w.title}`);
        await loadList();
      } catch (err) {
        say(status, `未能撤回：${err.message}`, 'error');
      }
    }));
  }
  return list;
}

function item(w) {
  return el('li', { class: 'wl-item', dataset: { wishId: w.id } },
    el('h3', {}, el('span', { class: 'wl-badge' }, w.category_label), w.title),
    w.situation ? el('p', {}, w.situation) : null,
    el('div', { class: 'wl-meta' }, `${w.community}${w.grid.name} · 希望 ${w.due_on} 前 · 发布于 ${w.posted_at.slice(0, 10)}`),
    w.resident ? el('div', { class: 'wl-meta' }, `居民：${w.resident.name}`) : null,
    claimantText(w) ? el('div', { class: 'wl-meta' }, claimantText(w)) : null,
    w.thanks ? el('p', { class: 'wl-thanks' }, `感谢：${w.thanks}`) : null,
    el('div', { class: 'wl-actions' }, actions(w)),
    w.status === 'claimed' ? fulfilForm(w) : null);
}

function fulfilForm(w) {
  const input = el('input', { name: 'thanks', maxlength: 200, placeholder: '一句感谢，会显示在心愿墙上（可不填）' });
  return el('form', { class: 'wl-fulfil', hidden: true, onsubmit: (e) => {
    e.preventDefault();
    const thanks = input.value.trim();
    step(w, 'fulfil', thanks ? { thanks } : {}, `已实现：${w.title}`);
  } }, input, el('button', { type: 'submit' }, '确认已实现'));
}

async function loadList() {
  const answer = await getJson('/api/wishes', { status: state.tab, limit: 200 });
  replace($('wishes'), answer.wishes.map(item));
  $('empty').hidden = answer.wishes.length > 0;
}

async function gridOptions(account) {
  if (account.role === 'admin') return [];
  const grids = account.scope.filter((s) => s.code.length === 15).map((g) => ({ id: g.id, name: g.name }));
  for (const community of account.scope.filter((s) => s.code.length === 12)) {
    const all = await getJson('/api/grids', { community: community.id });
    for (const f of all.features) grids.push({ id: f.properties.id, name: `${community.name}${f.properties.name}` });
  }
  return grids;
}

async function wirePostForm(account) {
  const form = $('post');
  const params = new URLSearchParams(location.search);
  const grids = await gridOptions(account);
  if (account.role === 'admin') {
    form.elements.grid.replaceWith(el('input', { name: 'grid', type: 'number', min: 1, required: true, placeholder: '网格编号' }));
  } else {
    replace(form.elements.grid, grids.map((g) => el('option', { value: g.id }, g.name)));
  }
  if (params.get('grid')) form.elements.grid.value = params.get('grid');
  if (params.get('title')) form.elements.title.value = params.get('title').slice(0, 60);
  state.question = /^\d+$/.test(params.get('question') ?? '') ? Number(params.get('question')) : null;
  form.elements.due_on.value = shanghaiDate(14);
  form.elements.due_on.min = shanghaiDate(0);

  const residentSelect = form.elements.resident;
  if (/^\d+$/.test(params.get('resident') ?? '')) {
    replace(residentSelect, el('option', { value: params.get('resident') }, `居民 #${params.get('resident')}`));
    residentSelect.hidden = false;
  }
  let searched = '';
  form.elements['resident-search'].addEventListener('change', async () => {
    const q = form.elements['resident-search'].value.trim();
    // a second change event for the same text (the field losing focus) keeps the choice made
    if (q === searched) return;
    searched = q;
    if (!q) {
      replace(residentSelect);
      residentSelect.hidden = true;
      return;
    }
    const page = await getJson('/api/residents', { q, grid: form.elements.grid.value, limit: 20 });
    replace(residentSelect, el('option', { value: '' }, page.residents.length ? '请选择居民' : '没有找到这位居民'),
      page.residents.map((r) => el('option', { value: r.id }, `${r.name} · ${r.address}`)));
    residentSelect.hidden = false;
  });

  $('post-box').hidden = false;
  $('post-box').open = params.has('title') || params.has('resident') || params.has('question');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = form.elements;
    const body = { grid: Number(f.grid.value), title: f.title.value, category: f.category.value, due_on: f.due_on.value };
    if (f.situation.value.trim()) body.situation = f.situation.value;
    if (residentSelect.value) body.resident = Number(residentSelect.value);
    if (state.question) body.question = state.question;
    try {
      const w = await post('/api/wishes', body);
      form.reset();
      searched = '';
      replace(residentSelect);
      residentSelect.hidden = true;
      f.due_on.value = shanghaiDate(14);
      $('post-box').open = false;
      say($('post-status'), `已发布到心愿墙：${w.title}`);
      state.tab = 'open';
      document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('wl-active', b.dataset.status === 'open'));
      await loadList();
    } catch (err) {
      say($('post-status'), `未能发布：${err.message}`, 'error');
    }
  });
}

async function start() {
  const account = await startStaffPage(status, ['grid_worker', 'planner', 'admin'], '此页面需要工作人员账户。');
  if (!account) return;
  state.account = account;
  for (const button of document.querySelectorAll('#tabs button')) {
    button.addEventListener('click', () => {
      state.tab = button.dataset.status;
      document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('wl-active', b === button));
      loadList().catch((e) => say(status, e.message, 'error'));
    });
  }
  const community = account.scope.find((s) => s.code.length === 12);
  if (community) $('wall-link').href = `/wishes.html?community=${community.id}`;
  if (account.role !== 'planner') await wirePostForm(account);
  $('desk').hidden = false;
  await loadList();
}

start().catch((e) => say(status, e instanceof ApiError ? e.message : String(e), 'error'));
