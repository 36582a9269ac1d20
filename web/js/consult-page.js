// consult.html (咨询工作台): the grid worker's inbox of 社区通 questions. The list comes from
// /api/inbox; new questions, answers and escalations arrive without reloading through the
// server-sent events of /api/inbox/events, and on every (re)connection the list is read again so
// that nothing sent while the stream was down is missed.
import { get, getJson, post } from './api.js';
import { debounce, el, replace, say } from './dom.js';
import { startStaffPage } from './session.js';
import { short, describe, stamp } from './consult-clock.js';

const status = document.getElementById('status');
const $ = (id) => document.getElementById(id);
let state = 'waiting';
let since = Date.now();
let openId = null;
const items = new Map();

const ESCALATION = ['', '已上报社区', '已上报街道'];

function line(q, fresh) {
  const answered = q.answered_before;
  return el('li', { class: [q.clock.overdue && !answered ? 'overdue' : '', fresh ? 'fresh' : ''].join(' ').trim(),
    dataset: { questionId: q.id }, onclick: () => open(q.id) },
  el('span', { class: `clock${q.clock.overdue && !answered ? ' late' : ''}` }, short(q.clock, answered, since)),
  el('span', { class: 'topic' }, q.topic),
  q.escalation ? el('span', { class: 'badge up' }, ESCALATION[q.escalation]) : null,
  q.place_uncertain ? el('span', { class: 'badge' }, '地点待核实') : null,
  q.status === 'waiting' && answered ? el('span', { class: 'badge' }, '有追问') : null,
  el('div', { class: 'excerpt' }, q.excerpt),
  el('div', { class: 'muted' }, `${q.grid.community} ${q.grid.name} · ${stamp(q.asked_at)}`, q.phone_masked ? ` · ${q.phone_masked}` : ''));
}

function draw(freshId) {
  const list = [...items.values()];
  replace($('inbox-list'), list.map((q) => line(q, q.id === freshId)));
  $('inbox-empty').hidden = list.length > 0;
}

async function load() {
  const page = await getJson('/api/inbox', { state });
  since = Date.now();
  items.clear();
  page.questions.forEach((q) => items.set(q.id, q));
  for (const [key, n] of Object.entries(page.counts)) {
    document.querySelector(`[data-count="${key}"]`).textContent = n;
  }
  draw();
}

const refreshCounts = debounce(() => load().catch(() => {}), 2000);

function onQuestion(event) {
  const { question } = JSON.parse(event.data);
  if (question.status === state) {
    items.set(question.id, question);
    // keep the list's order: waiting oldest first, the others newest first
    const sorted = [...items.values()].sort((a, b) => state === 'waiting'
      ? a.asked_at.localeCompare(b.asked_at) : b.updated_at.localeCompare(a.updated_at));
    items.clear();
    sorted.forEach((q) => items.set(q.id, q));
  } else {
    items.delete(question.id);
  }
  draw(question.id);
  refreshCounts();
  if (openId === question.id) open(question.id);
}

function onRemoved(event) {
  const { id } = JSON.parse(event.data);
  items.delete(id);
  draw();
  refreshCounts();
}

function connect() {
  const source = new EventSource('/api/inbox/events');
  source.addEventListener('ready', () => {
    $('live').textContent = '实时';
    $('live').className = 'live on';
    load().catch((e) => say(status, e.message, 'error'));
  });
  source.addEventListener('question', onQuestion);
  source.addEventListener('removed', onRemoved);
  source.onerror = () => {
    $('live').textContent = '重新连接中…';
    $('live').className = 'live off';
  };
}

async function open(id) {
  openId = id;
  const q = await get(`/api/questions/${id}`);
  $('detail').hidden = false;
  $('detail').dataset.questionId = id;
  $('detail-title').textContent = `${q.topic} · ${q.grid.community} ${q.grid.name}`;
  $('detail-meta').textContent = `${stamp(q.asked_at)}` + (q.place_text ? ` · 地址：${q.place_text}` : '')
    + (q.place_uncertain ? ' · 地点待核实' : '') + (q.escalation ? ` · ${ESCALATION[q.escalation]}` : '');
  $('detail-clock').textContent = describe(q.clock, q.events.some((e) => e.kind === 'answer'), Date.now());
  replace($('detail-phone'), q.phone ? ['回电：', el('a', { href: `tel:${q.phone}` }, q.phone)] : '未留电话');
  $('detail-wish').href = `/wish-desk.html?${new URLSearchParams({ grid: q.grid.id, question: id })}`;
  replace($('detail-events'), el('li', { class: 'from-resident' }, el('span', { class: 'meta' }, '居民的问题'), q.text),
    q.events.filter((e) => e.kind !== 'asked').map((e) => el('li', { class: `from-${e.kind === 'answer' ? 'staff' : e.kind === 'follow_up' ? 'resident' : 'system'}` },
      el('span', { class: 'meta' }, `${stamp(e.at)} · ${eventLabel(e)}`), e.text ?? '')));
}

function eventLabel(e) {
  switch (e.kind) {
    case 'seen': return `${e.author} 已查看`;
    case 'answer': return `${e.author} 答复`;
    case 'follow_up': return '居民补充';
    case 'transfer': return `${e.author} 由 ${e.from_grid} 转至 ${e.to_grid}`;
    case 'escalated': return ESCALATION[e.escalation] ?? '上报';
    case 'solved': return '居民标记已解决';
    case 'not_solved': return '居民标记未解决';
    default: return e.kind;
  }
}

function wireDetail() {
  $('answer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = event.target.elements.text;
    try {
      await post(`/api/questions/${openId}/answers`, { text: text.value });
      text.value = '';
      await open(openId);
      say($('detail-problem'), '');
    } catch (e) {
      say($('detail-problem'), e.message, 'error');
    }
  });
  $('transfer').addEventListener('toggle', async () => {
    const select = $('transfer-form').elements.grid;
    if (select.options.length) return;
    const grids = await get('/api/grids');
    replace(select, grids.features.map((f) => el('option', { value: f.id ?? f.properties.id },
      `${f.properties.community ?? ''} ${f.properties.name} (${f.properties.code})`)));
  });
  $('transfer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = event.target.elements;
    try {
      await post(`/api/questions/${openId}/transfer`, { grid: Number(f.grid.value), reason: f.reason.value });
      f.reason.value = '';
      $('detail').hidden = true;
      await load();
    } catch (e) {
      say($('detail-problem'), e.message, 'error');
    }
  });
}

async function stats(account) {
  const areas = (account.scope ?? []).map((s) => ({ key: s.code.length === 15 ? 'grid' : s.code.length === 12 ? 'community' : 'subdistrict', id: s.id, name: s.name }));
  if (!areas.length) {
    $('stats').hidden = true;
    return;
  }
  const select = $('stats-area');
  replace(select, areas.map((a, i) => el('option', { value: i }, a.name)));
  const show = async () => {
    const a = areas[Number(select.value)];
    const report = await getJson('/api/consult/stats', { [a.key]: a.id });
    const pct = (x) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);
    const row = (f, label) => el('tr', {}, el('th', {}, label), el('td', {}, f.asked ?? '—'), el('td', {}, f.answered ?? '—'),
      el('td', {}, f.median_minutes ?? '—'), el('td', {}, pct(f.within_target_share)));
    replace($('stats-rows'), report.by_week.map((f) => row(f, f.week)), row(report.total, `近 ${report.weeks} 周`));
  };
  select.addEventListener('change', () => show().catch((e) => say(status, e.message, 'error')));
  await show();
}

async function start() {
  const account = await startStaffPage(status, ['grid_worker', 'planner', 'admin'], '此页面需要工作人员账户。');
  if (!account) return;
  // a wish is posted by the grid's workers: planners, who see escalated questions, post none
  $('detail-wish-line').hidden = account.role === 'planner';
  $('consult').hidden = false;
  document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => {
    state = b.dataset.state;
    document.querySelectorAll('.tabs button').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
    load().catch((e) => say(status, e.message, 'error'));
  }));
  wireDetail();
  connect();
  stats(account).catch((e) => say(status, e.message, 'error'));
}

start().catch((e) => say(status, e.message, 'error'));
