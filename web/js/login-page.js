// login.html: log in, change a one-time password, then go where the user was going.
import { login, changePassword, me, safeNext } from './session.js';
import { say } from './dom.js';

const status = document.getElementById('status');
const loginForm = document.getElementById('login');
const changeForm = document.getElementById('change');
const next = new URLSearchParams(location.search).get('next');

function home(account) {
  const start = { admin: '/admin.html', planner: '/planner.html', grid_worker: '/residents.html', party_member: '/wishes.html' };
  return safeNext(next, start[account.role] ?? '/');
}

function askForNewPassword() {
  loginForm.hidden = true;
  changeForm.hidden = false;
  changeForm.elements.current.focus();
}

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const f = loginForm.elements;
  try {
    const account = await login(f.username.value.trim(), f.password.value);
    if (account.must_change_password) {
      changeForm.elements.current.value = f.password.value;
      say(status, '登录成功，请先设置新密码。');
      askForNewPassword();
    } else {
      location.assign(home(account));
    }
  } catch (e) {
    say(status, e.status === 429 ? `尝试次数过多，请 ${e.problem.retryAfter} 秒后再试。` : '用户名或密码错误。', 'error');
  }
});

changeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const f = changeForm.elements;
  if (f.next.value !== f.again.value) {
    say(status, '两次输入的新密码不一致。', 'error');
    return;
  }
  try {
    await changePassword(f.current.value, f.next.value);
    location.assign(home(await me()));
  } catch (e) {
    say(status, e.message, 'error');
  }
});

// already logged in with a one-time password (sent here by another page): go straight to the change
me().then((account) => {
  if (account && account.must_change_password) {
    say(status, '请先设置新密码。');
    askForNewPassword();
  }
}).catch(() => {});
