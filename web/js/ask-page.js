// ask.html: 社区通 for residents without an account. With ?grid=ID (and the map card's lon/lat)
// it asks the grid; with #t=TOKEN (the private link) it follows the question: the clock, the
// answers, follow-up messages, solved or not. The token stays in the fragment, never in a URL the
// server logs, and goes to the API as a Bearer header.
import { request, ApiError } from './api.js';
import { el, replace, say } from './dom.js';
import { describe, stamp, when } from './consult-clock.js';

const POLL_MS = 10000;
const status = document.getElementById('status');
const $ = (id) => document.getElementById(id);

function token() {
  const match = /(?:^|[#&])t=([A-Za-z0-9_-]+)/.exec(location.hash);
  return match ? match[1] : null;
}

const withToken = (method, path, body) => request(method, path, body, { headers: { Authorization: `Bearer ${token()}` } });

async function showForm() {
  const query = new URLSearchParams(location.search);
  const grid = query.get('grid');
  if (!grid) {
    say(status, '请从地图上“我的网格”卡片进入“问网格员”。', 'error');
    return;
  }
  const form = await request('GET', `/api/grids/${encodeURIComponent(grid)}/ask`);
  $('ask-grid').textContent = `${form.grid.community} ${form.grid.name}`;
  $('ask-who').textContent = form.grid.leader_name ? `网格长 ${form.grid.leader_name} 和本网格工作人员答复你的问题` : '本网格工作人员答复你的问题';
  $('ask-hours').textContent = form.open_now
    ? `服务时间：${form.hours}。现在是服务时间，目标 ${form.target_minutes} 分钟内答复。`
    : `服务时间：${form.hours}。现在是非服务时间，提交后将于 ${when(form.clock_starts)} 开始计时。`;
  $('ask-max').textContent = form.max_length;
  const select = $('ask-form').elements.topic;
  replace(select, form.topics.map((topic) => el('option', { value: topic }, topic)));
  const lon = Number(query.get('lon'));
  const lat = Number(query.get('lat'));
  const hasPoint = query.has('lon') && query.has('lat') && Number.isFinite(lon) && Number.isFinite(lat);
  $('ask-point').textContent = hasPoint ? `地图上选定的位置（${lon.toFixed(5)}, ${lat.toFixed(5)}）` : '未选定位置：可输入地址，或不填（按本网格处理）。';
  $('ask').hidden = false;
  $('ask-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = event.target.elements;
    const body = { topic: f.topic.value, text: f.text.value, grid: Number(grid) };
    if (f.phone.value.trim()) body.phone = f.phone.value.trim();
    if (f.address.value.trim()) body.address = f.address.value.trim();
    else if (hasPoint) Object.assign(body, { lon, lat });
    const button = event.target.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const asked = await request('POST', '/api/questions', body);
      $('ask').hidden = true;
      history.replaceState(null, '', `/ask.html#t=${asked.token}`);
      showLink();
      await follow(asked.question);
    } catch (e) {
      say($('ask-problem'), e.message, 'error');
    } finally {
      button.disabled = false;
    }
  });
}

function showLink() {
  $('mine-link-box').hidden = false;
  $('mine-link').value = location.href;
  $('mine-copy').addEventListener('click', async () => {
    $('mine-link').select();
    try {
      await navigator.clipboard.writeText(location.href);
      $('mine-copy').textContent = '已复制';
    } catch (e) {
      document.execCommand('copy');
    }
  });
}

let shown = null;

function render(q) {
  shown = q;
  const since = Date.now();
  $('mine-received').textContent = q.status === 'solved' ? '已解决，感谢你的反馈。'
    : q.status === 'answered' ? '网格员已答复。' : '已收到你的问题。';
  $('mine-grid').textContent = `已转给 ${q.grid.community} ${q.grid.name}` + (q.grid.leader_name ? `（网格长 ${q.grid.leader_name}）` : '');
  $('mine-clock').textContent = describe(q.clock, q.status !== 'waiting' || q.messages.some((m) => m.kind === 'answer'), since);
  $('mine-uncertain').hidden = !q.place_uncertain;
  replace($('mine-messages'), q.messages.map((m) => el('li', { class: `from-${m.from} kind-${m.kind}` },
    el('span', { class: 'meta' }, `${stamp(m.at)} · ${label(m)}`),
    m.kind === 'seen' ? null : m.text ?? '')));
  $('mine-resolve').hidden = !q.messages.some((m) => m.kind === 'answer') || q.status === 'solved';
  $('mine').hidden = false;
}

function label(m) {
  switch (m.kind) {
    case 'asked': return `我的问题 · ${shown.topic}`;
    case 'answer': return `${m.author} 答复`;
    case 'seen': return `${m.author} 已查看`;
    case 'follow_up': return '我的补充';
    case 'solved': return '我标记为已解决';
    case 'not_solved': return '我标记为未解决';
    case 'transfer': return '转交';
    default: return '上报';
  }
}

async function follow(first) {
  render(first ?? await withToken('GET', '/api/questions/mine'));
  $('mine-follow').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = event.target.elements.text;
    try {
      render(await withToken('POST', '/api/questions/mine/messages', { text: text.value }));
      text.value = '';
    } catch (e) {
      say($('mine-problem'), e.message, 'error');
    }
  });
  const resolve = async (solved) => {
    try {
      render(await withToken('POST', '/api/questions/mine/resolution', { solved }));
    } catch (e) {
      say($('mine-problem'), e.message, 'error');
    }
  };
  $('mine-solved').addEventListener('click', () => resolve(true));
  $('mine-unsolved').addEventListener('click', () => resolve(false));
  setInterval(async () => {
    if (document.visibilityState !== 'visible') return;
    try {
      render(await withToken('GET', '/api/questions/mine'));
    } catch (e) {
      if (!(e instanceof ApiError) || e.status >= 500) say(status, `暂时无法刷新：${e.message}`, 'error');
    }
  }, POLL_MS);
}

async function start() {
  if (token()) {
    await follow();
  } else {
    await showForm();
  }
}

start().catch((e) => say(status, e.message, 'error'));
