// residents.html: grid workers and admins import residents' registers and see what waits for review.
import { me, logout, toLogin } from './session.js';
import { say } from './dom.js';
import { initRegisterImport } from './register-import.js';
import { initReviewList } from './review-list.js';

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
  if (account.role !== 'grid_worker' && account.role !== 'admin') {
    say(status, '此页面需要网格员或管理员账户。', 'error');
    return;
  }
  document.getElementById('residents').hidden = false;
  const review = initReviewList(status);
  initRegisterImport(status, review.refresh);
}

start().catch((e) => say(status, e.message, 'error'));
