// admin.html: only for admins; wires the account, audit and import sections.
import { me, logout, toLogin } from './session.js';
import { say } from './dom.js';
import { initUsers } from './admin-users.js';
import { initAudit } from './admin-audit.js';
import { initImport } from './admin-import.js';

const status = document.getElementById('status');

document.getElementById('logout').addEventListener('click', async () => {
  await logout();
  location.assign('/login.html');
});

async function start() {
  const account = await me();
  if (!account || account.must_change_password) {
    toLogin();
    return;
  }
  document.getElementById('who').textContent = `${account.display_name || account.username}（${account.role}）`;
  if (account.role !== 'admin') {
    say(status, '此页面需要管理员账户。', 'error');
    return;
  }
  document.getElementById('admin').hidden = false;
  initUsers(account, status);
  initAudit(status);
  initImport(status);
}

start().catch((e) => say(status, e.message, 'error'));
