// activity.html (活动): ?station=ID lists a post's upcoming activities and signs up for one;
// ?community=ID is the community's calendar with its service projects and the feed to subscribe
// to; #t=TOKEN opens the sign-up that private link belongs to and cancels it. A logged-in account
// also sees the post's sign-up lists (those the server answers: the posts it serves) and a form
// to publish. The token stays in the fragment and is sent only as an Authorization header.
import { request, get, post, ApiError } from './api.js';
import { el, replace } from './dom.js';
import { me } from './session.js';

const DAYS = 30;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const STATUS = { signed_up: '已报名', cancelled: '已取消' };
const REFUSALS = {
  'activity-not-found': '没有找到这个活动，它可能已取消。',
  'station-not-found': '没有找到这个站点，请从地图上重新打开。',
  'community-not-found': '没有找到这个社区。',
  'activity-full': '这场活动刚刚报满了，请选择其他场次。',
  'already-signed-up': '这个电话号码已经报名了这一场。',
  'occurrence-started': '这场活动已经开始，无法报名或取消。',
  'not-an-occurrence': '这个场次已不存在，请刷新后重新选择。',
  'no-signup': '这个活动无需报名，直接参加即可。',
  'rate-limited': '操作太频繁，请稍等几秒再试。',
  'signup-not-found': '没有找到这个报名，链接可能不完整或有误。',
  'link-token-required': '请打开报名成功时保存的链接。',
  'bad-link-token': '链接不完整或有误，请从保存处重新打开。',
};
const FIELDS = {
  phone: '请填写正确的手机号（11 位）或带区号的固定电话。',
  name: '姓名请用文字填写（32 字以内）。',
};

const $ = (id) => document.getElementById(id);
const status = $('status');
let chosen = null;

function explain(e) {
  if (!(e instanceof ApiError)) return '网络连接失败，请检查网络后重试。';
  const field = e.problem.field || e.problem.parameter;
  return REFUSALS[e.slug] ?? FIELDS[field] ?? (e.status >= 500 ? '服务暂时不可用，请稍后再试。' : e.message);
}

/** "2026-12-12T07:00:00+08:00" → "12月12日 周六" (the server writes Shanghai time). */
function day(iso) {
  const weekday = new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${WEEKDAYS[weekday]}`;
}

const clock = (iso) => iso.slice(11, 16);
const span = (o) => `${clock(o.start)}–${o.start.slice(0, 10) === o.end.slice(0, 10) ? clock(o.end) : `${day(o.end)} ${clock(o.end)}`}`;

function seats(o) {
  if (o.capacity === null) return '无需报名';
  return o.remaining > 0 ? `剩余 ${o.remaining} / ${o.capacity} 个名额` : '已报满';
}

function renderCalendar(answer, withStation) {
  const byDay = new Map();
  for (const o of answer.occurrences) {
    const key = o.start.slice(0, 10);
    if (!byDay.has(key)) byDay.set(key, []);
    byDay.get(key).push(o);
  }
  replace($('days'), byDay.size === 0 ? el('p', { class: 'muted' }, `未来 ${DAYS} 天暂无活动。`)
    : [...byDay.values()].map((list) => el('section', { class: 'day' }, el('h3', {}, day(list[0].start)),
      el('ul', { class: 'occurrence' }, list.map((o) => el('li', { dataset: { activity: o.activity, start: o.start } },
        el('span', { class: 'time' }, span(o)), el('span', { class: 'title' }, o.title), ' ',
        el('span', { class: 'badge' }, o.kind_label),
        el('span', { class: 'meta' }, withStation ? el('a', { href: `/activity.html?station=${o.station.id}` }, o.station.name) : null,
          withStation ? ' · ' : null, seats(o)),
        o.description ? el('span', { class: 'meta' }, o.description) : null,
        o.capacity !== null && o.remaining > 0
          ? el('button', { type: 'button', class: 'signup-button', onclick: () => choose(o) }, '我要报名') : null))))));
  $('calendar').hidden = false;
}

function choose(o) {
  chosen = o;
  $('chosen').textContent = `${o.title} · ${day(o.start)} ${span(o)}`;
  $('signup').hidden = false;
  $('calendar').hidden = true;
  status.textContent = '';
  $('signup').querySelector('input[name=name]').focus();
}

async function signUp(event) {
  event.preventDefault();
  const form = $('signup');
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const answer = await post(`/api/activities/${chosen.activity}/signups`,
      { occurrence: chosen.start, name: form.name.value, phone: form.phone.value });
    const link = new URL(answer.link, location.origin).href;
    $('private-link').href = link;
    $('private-link').textContent = link;
    form.hidden = true;
    $('done').hidden = false;
    status.textContent = '';
  } catch (e) {
    status.textContent = explain(e);
  } finally {
    button.disabled = false;
  }
}

async function openStation(id) {
  const answer = await get(`/api/stations/${encodeURIComponent(id)}/activities?days=${DAYS}`);
  $('heading').textContent = `${answer.station.name} · 活动`;
  $('place-name').textContent = answer.station.name;
  $('place-address').textContent = answer.station.address ?? '';
  $('ics').href = `/api/stations/${answer.station.id}/activities.ics`;
  $('subscribe').hidden = false;
  $('place').hidden = false;
  renderCalendar(answer, false);
  const account = await me().catch(() => null);
  if (account) openStaff(answer, account);
}

async function openCommunity(id) {
  const [answer, projects] = await Promise.all([get(`/api/communities/${encodeURIComponent(id)}/activities?days=${DAYS}`),
    get(`/api/communities/${encodeURIComponent(id)}/service-projects`)]);
  $('heading').textContent = `${answer.community.name} · 活动日历`;
  $('place-name').textContent = answer.community.name;
  $('ics').href = `/api/communities/${answer.community.id}/activities.ics`;
  $('subscribe').hidden = false;
  $('place').hidden = false;
  renderCalendar(answer, true);
  replace($('project-list'), projects.projects.length === 0 ? el('li', { class: 'muted' }, '暂无服务项目')
    : projects.projects.map((p) => el('li', {}, el('strong', {}, p.name),
      p.audience ? el('span', { class: 'meta' }, `服务对象：${p.audience}`) : null,
      p.description ? el('span', { class: 'meta' }, p.description) : null,
      p.station ? el('span', { class: 'meta' }, '地点：', el('a', { href: `/activity.html?station=${p.station.id}` }, p.station.name)) : null,
      p.contact ? el('span', { class: 'meta' }, `联系：${p.contact}`) : null)));
  $('projects').hidden = false;
}

/** The staff section: the sign-ups of each activity the server lets this account see, and the publish form. */
async function openStaff(answer, account) {
  $('staff').hidden = false;
  const ids = [...new Set(answer.occurrences.filter((o) => o.capacity !== null).map((o) => o.activity))];
  const lists = (await Promise.all(ids.map((id) => get(`/api/activities/${id}/signups`).catch(() => null)))).filter(Boolean);
  replace($('signups'), lists.length === 0 ? el('p', { class: 'muted' }, '暂无可查看的报名。')
    : lists.map((list) => el('section', { class: 'signups', dataset: { activity: list.activity.id } },
      el('h3', {}, list.activity.title),
      list.occurrences.length === 0 ? el('p', { class: 'muted' }, '暂无报名') : list.occurrences.map((o) => [
        el('p', {}, `${day(o.start)} ${clock(o.start)}：${o.taken} / ${o.capacity} 人`),
        el('ol', { class: 'signup-list' }, o.signups.filter((s) => s.status === 'signed_up')
          .map((s) => el('li', { class: 'signup' }, `${s.name} ${s.phone_masked}`)))]))));
  $('publish').addEventListener('submit', (e) => publish(e, answer.station.id));
  $('staff-status').textContent = `已登录：${account.display_name ?? account.username}`;
}

async function publish(event, stationId) {
  event.preventDefault();
  const f = $('publish');
  const body = { station: stationId, title: f.title.value, kind: f.kind.value, start: f.start.value, end: f.end.value };
  if (f.capacity.value) body.capacity = Number(f.capacity.value);
  if (f.description.value.trim()) body.description = f.description.value;
  if (f.repeat.value) body.rrule = `FREQ=${f.repeat.value};COUNT=${Number(f.count.value) || 1}`;
  try {
    const made = await post('/api/activities', body);
    $('staff-status').textContent = `已发布：${made.title}（共 ${made.occurrences.length} 场）`;
    f.reset();
    await openStation(stationId);
  } catch (e) {
    $('staff-status').textContent = e instanceof ApiError ? e.message : '网络连接失败，请重试。';
  }
}

async function openMine(token) {
  const headers = { Authorization: `Bearer ${token}` };
  const render = (s) => {
    $('mine-status').textContent = STATUS[s.status] ?? s.status;
    replace($('mine-facts'),
      el('dt', {}, '活动'), el('dd', { id: 'mine-title' }, s.activity.title, s.activity.cancelled ? '（活动已取消）' : ''),
      el('dt', {}, '时间'), el('dd', {}, `${day(s.occurrence_start)} ${clock(s.occurrence_start)}–${clock(s.occurrence_end)}`),
      el('dt', {}, '地点'), el('dd', {}, s.activity.station ? [s.activity.station.name, s.activity.station.address ? `（${s.activity.station.address}）` : ''] : '—'),
      el('dt', {}, '报名人'), el('dd', {}, `${s.name} ${s.phone_masked}`));
    $('cancel-area').hidden = !s.cancellable;
    $('confirm-area').hidden = true;
    $('mine').hidden = false;
  };
  render(await request('GET', '/api/signups/mine', undefined, { headers }));
  $('cancel').addEventListener('click', () => { $('confirm-area').hidden = false; });
  $('keep').addEventListener('click', () => { $('confirm-area').hidden = true; });
  $('confirm-cancel').addEventListener('click', async () => {
    try {
      render(await request('POST', '/api/signups/mine/cancel', undefined, { headers }));
      status.textContent = '已取消报名，名额已释放。';
    } catch (e) {
      status.textContent = explain(e);
    }
  });
}

async function start() {
  $('signup').addEventListener('submit', signUp);
  $('signup-back').addEventListener('click', () => {
    $('signup').hidden = true;
    $('calendar').hidden = false;
  });
  $('copy').addEventListener('click', () => navigator.clipboard?.writeText($('private-link').href)
    .then(() => { status.textContent = '链接已复制。'; }, () => { status.textContent = '请长按链接复制。'; }));
  const token = new URLSearchParams(location.hash.slice(1)).get('t');
  const query = new URLSearchParams(location.search);
  try {
    if (token) await openMine(token);
    else if (query.get('station')) await openStation(query.get('station'));
    else if (query.get('community')) await openCommunity(query.get('community'));
    else status.textContent = '请从地图上的站点打开活动。';
  } catch (e) {
    status.textContent = explain(e);
  }
}

start();
