// care.html (走访): a grid worker's care households on a phone, overdue first, on a list and a map;
// tapping one opens the visit form (上门 / 电话 / 代办, the day, a note, a need raised). A saved
// visit goes into the phone's queue (care-queue.js) first and is sent from there, so that a visit
// recorded without signal is kept and sent, once, when the phone is online again.

import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { get, getJson } from './api.js';
import { Basemap } from './basemap.js';
import { toLatLng, useGcj02 } from './coords.js';
import { debounce, el, replace, say } from './dom.js';
import { createMap, fitBox } from './mapview.js';
import { startStaffPage } from './session.js';
import { createQueue } from './care-queue.js';

const OPTIONS = { maxDaysBack: 90, pageSize: 500, markerRadius: 8, historyShown: 5 };
const KINDS = { home: '上门', phone: '电话', errand: '代办' };

const status = document.getElementById('status');
const $ = (id) => document.getElementById(id);
let households = [];
let total = 0;
let queue = null;
let view = null;
let current = null;
let delivered = 0;

/** A Shanghai day as YYYY-MM-DD, `offsetDays` from today. */
function shanghaiDay(offsetDays = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.now() + offsetDays * 86400000));
}

function waiting(h) {
  const ids = new Set(h.residents.map((r) => r.id));
  return queue ? queue.pending().filter((v) => ids.has(v.resident)) : [];
}

function dueText(h) {
  if (!h.last_visit) return '从未走访';
  return h.overdue ? `逾期 ${h.days_overdue} 天（应访 ${h.due_on}）` : `应访 ${h.due_on}`;
}

function line(h) {
  const queued = waiting(h);
  return el('li', { class: h.overdue ? 'overdue' : '', dataset: { resident: h.resident }, onclick: () => open(h) },
    el('div', { class: 'address' }, h.address, queued.length ? el('span', { class: 'badge queued' }, '待发送') : null),
    el('div', { class: 'people' }, h.residents.map((r) => `${r.name}（${r.tags.join('、')}）`).join('；')),
    el('div', { class: 'last' }, h.last_visit ? `上次：${h.last_visit.visited_on} ${KINDS[h.last_visit.kind]}` : '尚无走访记录',
      ' · ', el('span', { class: 'due' }, dueText(h))));
}

function draw() {
  replace($('household-list'), households.map(line));
  $('households-empty').hidden = households.length > 0;
  const overdue = households.filter((h) => h.overdue).length;
  $('households-total').textContent = total ? `${total} 户，逾期 ${overdue}${total > households.length ? '+' : ''} 户` : '';
  if (!view) return;
  view.marks.clearLayers();
  for (const h of households) {
    if (h.lon == null || h.lat == null) continue;
    L.circleMarker(toLatLng([h.lon, h.lat]), {
      radius: OPTIONS.markerRadius, weight: 2, color: h.overdue ? '#c8161d' : '#1a7f37',
      fillColor: h.overdue ? '#c8161d' : '#1a7f37', fillOpacity: 0.5, className: `care-marker${h.overdue ? ' overdue' : ''}`,
    }).bindTooltip(`${h.address} · ${dueText(h)}`).on('click', () => open(h)).addTo(view.marks);
  }
  const bounds = view.marks.getLayers().length ? L.featureGroup(view.marks.getLayers()).getBounds() : null;
  if (bounds && !view.fitted) {
    view.map.fitBounds(bounds.pad(0.2), { maxZoom: 17, animate: false });
    view.fitted = true;
  }
}

async function load() {
  try {
    const page = await getJson('/api/care/households', { limit: OPTIONS.pageSize });
    households = page.households;
    total = page.total;
    draw();
  } catch (e) {
    say(status, `暂时无法读取关爱对象（${e.message}）；记录的走访会保存在本机，联网后自动发送。`, 'error');
  }
}

const reload = debounce(load, 400);

async function mapView() {
  const config = await getJson('/api/config');
  useGcj02(config.tiles?.crs === 'gcj02');
  const { map, tileLayer } = createMap($('care-map'), config.tiles);
  fitBox(map, config.extent, toLatLng);
  if (tileLayer) tileLayer.addTo(map);
  else new Basemap(map, config.basemap_version).addTo(map);
  view = { map, marks: L.featureGroup().addTo(map), fitted: false };
}

/** A need raised on a visit can go on the community's wish wall: the desk's form, filled with the household's grid and resident. */
function wishLink(h, v) {
  const query = new URLSearchParams({ grid: h.grid.id, resident: v.resident?.id ?? h.resident, title: v.needs.slice(0, 60) });
  return el('a', { class: 'care-wish', href: `/wish-desk.html?${query}` }, '转为微心愿');
}

function historyLine(h, v) {
  return el('li', {}, `${v.visited_on} ${KINDS[v.kind]}（${v.recorded_by || '—'}）`,
    v.note ? el('div', {}, v.note) : null,
    v.needs ? el('div', { class: 'muted' }, `诉求：${v.needs} `, wishLink(h, v)) : null);
}

async function history(h) {
  const list = $('visit-history');
  replace(list, el('li', { class: 'muted' }, '读取中…'));
  try {
    const read = await get(`/api/care/residents/${encodeURIComponent(h.resident)}`);
    if (current !== h) return;
    replace(list, read.visits.length ? read.visits.slice(0, OPTIONS.historyShown).map((v) => historyLine(h, v)) : el('li', { class: 'muted' }, '尚无走访记录'));
  } catch (e) {
    if (current === h) replace(list, el('li', { class: 'muted' }, `无法读取走访记录（${e.message}）`));
  }
}

function open(h) {
  current = h;
  const form = $('visit-form');
  form.reset();
  $('visit-address').textContent = h.address;
  $('visit-people').textContent = `${h.grid.name} · ${dueText(h)}`;
  replace(form.resident, h.residents.map((r) => el('option', { value: r.id }, `${r.name}（${r.tags.join('、')}）`)));
  form.visited_on.value = shanghaiDay();
  form.visited_on.max = shanghaiDay();
  form.visited_on.min = shanghaiDay(-OPTIONS.maxDaysBack);
  $('visit-problem').textContent = '';
  $('visit').hidden = false;
  $('visit').scrollIntoView({ block: 'start' });
  history(h);
}

function close() {
  current = null;
  $('visit').hidden = true;
}

function save(event) {
  event.preventDefault();
  const form = event.target;
  const day = form.visited_on.value;
  if (!day || day > shanghaiDay() || day < shanghaiDay(-OPTIONS.maxDaysBack)) {
    say($('visit-problem'), `日期须在 ${shanghaiDay(-OPTIONS.maxDaysBack)} 至今天之间`, 'error');
    return;
  }
  const visit = { resident: Number(form.resident.value), kind: form.kind.value, visited_on: day };
  const note = form.note.value.trim();
  const needs = form.needs.value.trim();
  if (note) visit.note = note;
  if (needs) visit.needs = needs;
  queue.add(visit);
  say(status, `已保存：${current.address} ${KINDS[visit.kind]}`, 'ok');
  close();
  draw();
}

function showQueue({ pending, refused, sending, loggedOut }) {
  $('queue').hidden = pending.length === 0 && refused.length === 0 && delivered === 0;
  $('queue-count').textContent = pending.length ? `${pending.length} 条待发送${sending ? '（发送中…）' : ''}`
    : `待发送的记录已全部送达（本次 ${delivered} 条）`;
  if (pending.length && loggedOut) $('queue-count').textContent += '：登录已过期，请重新登录，记录不会丢失';
  $('queue-send').hidden = pending.length === 0;
  replace($('queue-refused'), refused.map((v) => el('li', {},
    `未能保存：${v.visited_on} ${KINDS[v.kind] || v.kind}（${v.reason}） `,
    el('button', { class: 'plain', type: 'button', onclick: () => queue.dismiss(v.client_key) }, '删除'))));
  if (households.length) draw();
}

async function start() {
  const account = await startStaffPage(status, ['grid_worker', 'admin'], '此页面需要网格员或管理员账户。');
  if (!account) return;
  $('care').hidden = false;
  $('visit-form').addEventListener('submit', save);
  $('visit-cancel').addEventListener('click', close);
  $('queue-send').addEventListener('click', () => queue.flush());
  queue = createQueue(account, {
    onChange: showQueue,
    onStored: () => {
      delivered += 1;
      reload();
    },
  });
  await mapView().catch((e) => say(status, `地图无法加载（${e.message}）`, 'error'));
  await load();
}

start().catch((e) => say(status, e.message, 'error'));
