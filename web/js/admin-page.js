// admin.html: only for admins; wires the account, system status, audit and import sections.
import { startStaffPage } from './session.js';
import { say } from './dom.js';
import { initUsers } from './admin-users.js';
import { initAudit } from './admin-audit.js';
import { initImport } from './admin-import.js';
import { initStatus } from './admin-status.js';

const status = document.getElementById('status');

async function start() {
  const account = await startStaffPage(status, ['admin'], '此页面需要管理员账户。');
  if (!account) return;
  document.getElementById('admin').hidden = false;
  initUsers(account, status);
  initAudit(status);
  initImport(status);
  initStatus(status);
}

start().catch((e) => say(status, e.message, 'error'));
