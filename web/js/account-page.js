// The account page: "我的登录" — the account's live sessions, ending one or all the others.
import { get, post, request } from './api.js';
import { el, replace, say } from './dom.js';
import { startStaffPage } from './session.js';
import { browserName, when } from './sessions.js';

const status = document.getElementById('status');

async function show() {
  const { sessions } = await get('/api/me/sessions');
  replace(document.getElementById('session-rows'), sessions.map((s) => el('tr', { dataset: { session: s.id }, class: s.current ? 'current' : null },
    el('td', { title: s.user_agent || '' }, browserName(s.user_agent)),
    el('td', {}, s.ip || ''),
    el('td', {}, when(s.started_at)),
    el('td', {}, when(s.last_seen_at)),
    el('td', {}, s.current ? '本机（当前）' : el('button', { class: 'plain end', type: 'button', onclick: () => end(s) }, '结束')))));
  document.getElementById('end-others').disabled = sessions.length < 2;
}

async function end(session) {
  try {
    await request('DELETE', '/api/me/sessions/' + encodeURIComponent(session.id));
    say(status, '已结束该登录。');
    await show();
  } catch (e) {
    say(status, e.message, 'error');
  }
}

document.getElementById('end-others').addEventListener('click', async () => {
  try {
    const { ended } = await post('/api/me/sessions/end-others');
    say(status, `已结束其他 ${ended} 处登录。`);
    await show();
  } catch (e) {
    say(status, e.message, 'error');
  }
});

const account = await startStaffPage(status, ['grid_worker', 'planner', 'admin', 'party_member'], '此页面需要登录。');
if (account) {
  document.getElementById('account').hidden = false;
  await show();
}
