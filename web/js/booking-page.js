// booking.html (预约办事): ?station=ID lists the post's slots and books one; #t=TOKEN opens the
// booking that private link belongs to and cancels it. The token stays in the fragment: it is
// sent only as an Authorization header, never in a URL the server logs.
import { request, get, ApiError } from './api.js';
import { el, replace, say } from './dom.js';

const DAYS = 7;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const STATUS = { booked: '已预约', cancelled: '已取消' };
/** What a refusal means to a resident, by its problem type (the server's detail is for programs). */
const REFUSALS = {
  'station-not-found': '没有找到这个站点，请从地图上重新打开。',
  'not-bookable': '该站点暂不接受网上预约，请电话联系站点。',
  'slot-full': '这个时段刚刚约满了，请选择其他时段。',
  'already-booked': '这个电话号码已经预约了该时段。',
  'slot-started': '这个时段已经开始，无法预约或取消。',
  'slot-not-open': '只能预约 14 天以内的时段。',
  'not-a-slot': '这个时段已不存在，请刷新后重新选择。',
  'rate-limited': '操作太频繁，请稍等几秒再试。',
  'booking-not-found': '没有找到这个预约，链接可能不完整或有误。',
  'link-token-required': '请打开预约成功时保存的链接。',
  'bad-link-token': '链接不完整或有误，请从保存处重新打开。',
};
const FIELDS = {
  phone: '请填写正确的手机号（11 位）或带区号的固定电话（如 0515-12345678）。',
  purpose: '请用文字填写办理事项（200 字以内，不能包含网址或代码）。',
  name: '姓名请用文字填写（32 字以内）。',
};

const status = document.getElementById('status');
const sections = ['post', 'slots', 'book', 'done', 'mine'].map((id) => document.getElementById(id));
const form = document.getElementById('book');
let chosen = null;
let stationId = null;

function show(...ids) {
  for (const s of sections) s.hidden = !ids.includes(s.id);
}

function explain(e) {
  if (!(e instanceof ApiError)) return '网络连接失败，请检查网络后重试。';
  const field = e.problem.field || e.problem.parameter;
  return REFUSALS[e.slug] ?? FIELDS[field] ?? (e.status >= 500 ? '服务暂时不可用，请稍后再试。' : e.message);
}

/** "2026-12-08T10:00:00+08:00" → the day, "12月8日 周二"; the server writes Shanghai time. */
function day(iso) {
  const weekday = new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${WEEKDAYS[weekday]}`;
}

const clock = (iso) => iso.slice(11, 16);

function showPost(station) {
  document.getElementById('post-name').textContent = station.name;
  document.getElementById('post-address').textContent = station.address ?? '';
  document.getElementById('post-hours').textContent = station.hours ?? '未公布';
}

function renderSlots(answer) {
  const byDay = new Map();
  for (const slot of answer.slots) {
    const key = slot.start.slice(0, 10);
    if (!byDay.has(key)) byDay.set(key, []);
    byDay.get(key).push(slot);
  }
  const days = document.getElementById('days');
  if (byDay.size === 0) {
    replace(days, el('p', { class: 'empty' }, `未来 ${DAYS} 天没有可预约的时段，请电话联系站点或过几天再来。`));
    return;
  }
  // one day open at a time keeps a long day of a 网格驿站 (22 slots) from burying the others on a phone
  replace(days, [...byDay].map(([, slots], i) => el('details', { class: 'day', open: i === 0 },
    el('summary', {}, day(slots[0].start), el('small', {}, freeSeats(slots))),
    el('div', { class: 'slot-list' }, slots.map((slot) => el('button', {
      type: 'button',
      class: slot.remaining > 0 ? 'slot' : 'slot full',
      disabled: slot.remaining === 0,
      dataset: { start: slot.start },
      'aria-pressed': String(chosen?.start === slot.start),
      onclick: () => choose(slot),
    }, clock(slot.start), el('small', {}, slot.remaining > 0 ? `余 ${slot.remaining}` : '已满')))))));
}

function freeSeats(slots) {
  const free = slots.reduce((n, slot) => n + slot.remaining, 0);
  return free > 0 ? `剩余 ${free} 个名额` : '已约满';
}

function choose(slot) {
  chosen = slot;
  for (const b of document.querySelectorAll('#days .slot')) b.setAttribute('aria-pressed', String(b.dataset.start === slot.start));
  document.getElementById('chosen').textContent = `${day(slot.start)} ${clock(slot.start)}–${clock(slot.end)}`;
  form.hidden = false;
  form.elements.phone.focus();
}

async function openStation(id) {
  say(status, '正在查询可预约时段…');
  try {
    const answer = await get(`/api/stations/${encodeURIComponent(id)}/slots?days=${DAYS}`);
    showPost(answer.station);
    show('post', 'slots');
    renderSlots(answer);
    say(status, '');
  } catch (e) {
    show();
    say(status, explain(e), 'error');
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const f = form.elements;
  if (!f.phone.value.trim() || !f.purpose.value.trim()) {
    say(status, !f.phone.value.trim() ? '请填写联系电话。' : '请填写办理事项。', 'error');
    return;
  }
  const body = { station: Number(stationId), start: chosen.start, phone: f.phone.value.trim(), purpose: f.purpose.value.trim() };
  if (f.name.value.trim()) body.name = f.name.value.trim();
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const made = await request('POST', '/api/bookings', body);
    const link = new URL(made.link, location.origin).href;
    const a = document.getElementById('private-link');
    a.href = link;
    a.textContent = link;
    show('post', 'done');
    say(status, `已预约 ${day(made.booking.start)} ${clock(made.booking.start)}。`, 'ok');
  } catch (e) {
    say(status, explain(e), 'error');
    if (['slot-full', 'not-a-slot', 'slot-started'].includes(e.slug)) openStation(stationId);
  } finally {
    button.disabled = false;
  }
});

document.getElementById('copy').addEventListener('click', async () => {
  const link = document.getElementById('private-link').href;
  try {
    await navigator.clipboard.writeText(link);
    say(status, '链接已复制，请保存好。', 'ok');
  } catch (e) {
    getSelection().selectAllChildren(document.getElementById('private-link'));
    say(status, '请长按或右键复制上面的链接。');
  }
});

const token = () => new URLSearchParams(location.hash.slice(1)).get('t');
const withToken = (method, path) => request(method, path, undefined, { headers: { Authorization: `Bearer ${token()}` } });

function renderMine(b) {
  document.getElementById('mine-status').textContent = STATUS[b.status] ?? b.status;
  document.getElementById('mine-status').className = `badge ${b.status}`;
  const fact = (term, value) => (value ? [el('dt', {}, term), el('dd', {}, value)] : null);
  replace(document.getElementById('mine-facts'),
    fact('时段', `${day(b.start)} ${clock(b.start)}–${clock(b.end)}`),
    fact('站点', b.station.name),
    fact('地址', b.station.address),
    b.station.phone ? [el('dt', {}, '站点电话'), el('dd', {}, el('a', { href: `tel:${b.station.phone.replace(/[^0-9+]/g, '')}` }, b.station.phone))] : null,
    fact('办理事项', b.purpose),
    fact('姓名', b.name),
    fact('联系电话', b.phone_masked));
  document.getElementById('cancel-area').hidden = !b.cancellable;
  document.getElementById('confirm-area').hidden = true;
  document.getElementById('cancel').hidden = false;
  show('mine');
}

async function openMine() {
  say(status, '正在打开预约…');
  try {
    const b = await withToken('GET', '/api/bookings/mine');
    renderMine(b);
    say(status, b.status === 'booked' && !b.cancellable ? '该时段已开始，不能再取消。' : '');
  } catch (e) {
    show();
    say(status, explain(e), 'error');
  }
}

document.getElementById('cancel').addEventListener('click', () => {
  document.getElementById('cancel').hidden = true;
  document.getElementById('confirm-area').hidden = false;
});
document.getElementById('keep').addEventListener('click', () => {
  document.getElementById('cancel').hidden = false;
  document.getElementById('confirm-area').hidden = true;
});
document.getElementById('confirm-cancel').addEventListener('click', async () => {
  try {
    renderMine(await withToken('POST', '/api/bookings/mine/cancel'));
    say(status, '预约已取消。', 'ok');
  } catch (e) {
    say(status, explain(e), 'error');
  }
});

function route() {
  stationId = new URLSearchParams(location.search).get('station');
  if (token()) {
    openMine();
  } else if (stationId && /^[0-9]{1,9}$/.test(stationId)) {
    openStation(stationId);
  } else {
    show();
    say(status, '请从地图上的党群服务中心或网格驿站点击“预约办事”进入。', 'error');
  }
}

window.addEventListener('hashchange', route);
route();
