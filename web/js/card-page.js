// card.html?grid=ID: a grid's 便民卡 on screen (every phone number a tap-to-call link) and for the
// browser's print at business-card size, front and back on two 90 × 54 mm pages. The QR code
// comes from the server, which leaves it out (and says why) while no public address is set.

import { el, replace, say } from './dom.js';

const options = {
  kinds: { grid_station: '网格驿站', service_centre: '党群服务中心', activity_room: '党员活动室', reading_room: '图书室' },
};

const $ = (id) => document.getElementById(id);

function telHref(phone) {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

function call(phone, className = 'call') {
  return phone ? el('a', { class: className, href: telHref(phone) }, phone) : null;
}

function post(s) {
  if (!s) return null;
  const kind = options.kinds[s.kind] ?? '服务站点';
  return [
    el('h3', {}, s.name.includes(kind) ? s.name : `${kind} ${s.name}`),
    s.address ? el('p', {}, `地址 ${s.address}`) : null,
    s.hours ? el('p', {}, `时间 ${s.hours}`) : null,
    s.phone ? el('p', {}, '电话 ', call(s.phone)) : null,
    s.services?.length ? el('p', {}, `服务 ${s.services.join('、')}`) : null,
  ];
}

function show(card) {
  document.title = `便民卡 · ${card.community.name}${card.grid.name}`;
  $('community').textContent = card.community.name;
  $('grid-name').textContent = card.grid.name;
  $('grid-code').textContent = card.grid.code;
  $('branch').textContent = card.grid.branch_name;
  $('leader-name').textContent = card.leader.name ?? '—';
  replace($('leader-phone'), call(card.leader.phone, 'call leader-phone'));
  replace($('contacts'), card.contacts.map((c) => el('li', {}, [c.role, c.name].filter(Boolean).join(' '), ' ', call(c.phone))));
  replace($('post'), post(card.post) ?? el('p', { class: 'muted' }, '本网格暂无服务站点，请联系网格长'));
  replace($('centre'), post(card.centre));
  replace($('emergency'), card.emergency.map((n) => el('li', {}, `${n.label} `, call(n.number))));
  $('back').href = `/?grid=${card.grid.id}`;
  if (card.qr) {
    $('qr-image').src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(card.qr.svg)}`;
    $('qr').hidden = false;
    $('pdf').href = `/api/grids/${card.grid.id}/card.pdf`;
    $('pdf').hidden = false;
  } else {
    $('qr-note').textContent = `此卡暂无二维码：${card.qr_refused}`;
    $('qr-note').hidden = false;
  }
  $('card').hidden = false;
  $('status').hidden = true;
}

async function start() {
  $('print').addEventListener('click', () => window.print());
  const id = new URLSearchParams(location.search).get('grid');
  if (!/^[1-9][0-9]{0,9}$/.test(id ?? '')) {
    say($('status'), '请从地图上的网格卡片打开便民卡（缺少网格编号）', 'error');
    return;
  }
  try {
    const r = await fetch(`/api/grids/${id}/card`, { credentials: 'same-origin' });
    if (!r.ok) {
      const problem = await r.json().catch(() => ({}));
      throw new Error(r.status === 404 ? '没有这个网格' : problem.detail ?? `HTTP ${r.status}`);
    }
    show(await r.json());
  } catch (e) {
    say($('status'), `便民卡读取失败：${e.message}`, 'error');
  }
}

start();
