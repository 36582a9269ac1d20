// The accounts section of admin.html: list, create, change role and scope, disable, reset password,
// see and end a user's sessions.
import { get, post, patch } from './api.js';
import { el, replace, say } from './dom.js';
import { browserName, when } from './sessions.js';

const ROLES = { admin: '管理员', planner: '规划人员', grid_worker: '网格员', party_member: '党员' };

function scopeText(user) {
  return user.scope.map((s) => `${s.code} ${s.name}`).join('，');
}

function state(user) {
  if (user.disabled) return '已停用';
  return user.must_change_password ? '待改密码' : '正常';
}

export function initUsers(self, status) {
  const rows = document.getElementById('user-rows');
  const create = document.getElementById('new-user');
  const edit = document.getElementById('edit-user');
  const created = document.getElementById('new-user-result');

  async function refresh() {
    const { users } = await get('/api/admin/users');
    rows.replaceChildren(...users.map(row));
  }

  function row(user) {
    const actions = [];
    if (user.id !== self.id) {
      actions.push(el('button', { type: 'button', class: 'plain', onclick: () => toggle(user) }, user.disabled ? '启用' : '停用'));
    }
    actions.push(el('button', { type: 'button', class: 'plain', onclick: () => startEdit(user) }, '修改'));
    actions.push(el('button', { type: 'button', class: 'plain', onclick: () => reset(user) }, '重置密码'));
    actions.push(el('button', { type: 'button', class: 'plain sessions', onclick: () => showSessions(user) }, '登录'));
    return el('tr', { class: user.disabled ? 'disabled' : null, 'data-user': user.username },
      el('td', {}, user.username), el('td', {}, user.display_name || ''), el('td', {}, ROLES[user.role] || user.role),
      el('td', {}, scopeText(user)), el('td', {}, state(user)),
      el('td', {}, user.last_login_at ? user.last_login_at.slice(0, 16).replace('T', ' ') : '从未'),
      el('td', {}, actions));
  }

  async function toggle(user) {
    try {
      await patch(`/api/admin/users/${user.id}`, { disabled: !user.disabled });
      say(status, `${user.username} ${user.disabled ? '已启用' : '已停用'}`);
      await refresh();
    } catch (e) {
      say(status, e.message, 'error');
    }
  }

  async function reset(user) {
    try {
      const { one_time_password: password } = await post(`/api/admin/users/${user.id}/password`);
      showSecret(`${user.username} 的一次性密码（只显示这一次）：`, password);
      await refresh();
    } catch (e) {
      say(status, e.message, 'error');
    }
  }

  async function showSessions(user) {
    const box = document.getElementById('user-sessions');
    try {
      const { sessions } = await get(`/api/admin/users/${user.id}/sessions`);
      box.hidden = false;
      replace(box, el('h3', {}, `${user.username} 的登录（${sessions.length} 处）`),
        sessions.length === 0 ? el('p', {}, '现在没有登录。') : el('ul', {}, sessions.map((s) => el('li', { title: s.user_agent || '' },
          `${browserName(s.user_agent)} · ${s.ip || ''} · 登录于 ${when(s.started_at)} · 最近活动 ${when(s.last_seen_at)}`))),
        sessions.length === 0 ? null : el('button', { type: 'button', id: 'end-user-sessions', onclick: () => endSessions(user) }, '结束全部登录'));
    } catch (e) {
      say(status, e.message, 'error');
    }
  }

  async function endSessions(user) {
    try {
      const { ended } = await post(`/api/admin/users/${user.id}/sessions/end`);
      say(status, `已结束 ${user.username} 的 ${ended} 处登录。`);
      await showSessions(user);
    } catch (e) {
      say(status, e.message, 'error');
    }
  }

  function showSecret(text, secret) {
    created.replaceChildren(text, el('span', { class: 'secret', id: 'one-time-password' }, secret));
  }

  function startEdit(user) {
    edit.hidden = false;
    edit.elements.id.value = user.id;
    edit.elements.role.value = user.role;
    edit.elements.scope.value = user.scope.map((s) => s.code).join(',');
    document.getElementById('edit-name').textContent = user.username;
  }

  document.getElementById('edit-cancel').addEventListener('click', () => { edit.hidden = true; });

  edit.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = edit.elements;
    const body = { role: f.role.value };
    if (f.role.value !== 'admin') {
      body.scope = f.scope.value;
    }
    try {
      await patch(`/api/admin/users/${f.id.value}`, body);
      edit.hidden = true;
      say(status, '已保存');
      await refresh();
    } catch (e) {
      say(status, e.message, 'error');
    }
  });

  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = create.elements;
    const body = { username: f.username.value.trim(), role: f.role.value };
    if (f.display_name.value.trim()) body.display_name = f.display_name.value.trim();
    if (f.scope.value.trim()) body.scope = f.scope.value;
    try {
      const result = await post('/api/admin/users', body);
      showSecret(`已创建 ${result.user.username}。一次性密码（只显示这一次，首次登录须更改）：`, result.one_time_password);
      create.reset();
      await refresh();
    } catch (e) {
      say(status, e.message, 'error');
    }
  });

  refresh().catch((e) => say(status, e.message, 'error'));
}
