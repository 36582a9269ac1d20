// residents.html: grid workers and admins import residents' registers and see what waits for review.
import { startStaffPage } from './session.js';
import { say } from './dom.js';
import { initRegisterImport } from './register-import.js';
import { initReviewList } from './review-list.js';

const status = document.getElementById('status');

async function start() {
  const account = await startStaffPage(status, ['grid_worker', 'admin'], '此页面需要网格员或管理员账户。');
  if (!account) return;
  document.getElementById('residents').hidden = false;
  const review = initReviewList(status, account);
  initRegisterImport(status, review.refresh);
}

start().catch((e) => say(status, e.message, 'error'));
