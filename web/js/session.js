// The login session: who is logged in, logging in and out, changing one's password.
import { get, post, ApiError } from './api.js';
import { el, replace, say } from './dom.js';

/** The logged-in account, or null when nobody is. */
export async function me() {
  try {
    return await get('/api/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      return null;
    }
    throw e;
  }
}

export const login = (username, password) => post('/api/login', { username, password });
export const logout = () => post('/api/logout');
export const changePassword = (current, next) =>
  post('/api/me/password', { current_password: current, new_password: next });

/** Sends the browser to the login page, coming back here afterwards. */
export function toLogin() {
  const here = location.pathname + location.search;
  location.assign('/login.html?next=' + encodeURIComponent(here));
}

/** A path on this site to go to after login; anything else falls back to the start page. */
export function safeNext(raw, fallback) {
  if (raw && raw.startsWith('/') && !raw.startsWith('//') && !raw.includes('\\')) {
    return raw;
  }
  return fallback;
}

/**
 * Starts a staff page: wires its logout button, sends a visitor who is not logged in (or must
 * change the password) to the login page, and shows the account in the header. Answers the account
 * when its role is one of `roles`; otherwise says `refusal` in `status` and answers null.
 */
export async function startStaffPage(status, roles, refusal) {
  document.getElementById('logout').addEventListener('click', async () => {
    await logout();
    location.assign('/login.html');
  });
  const account = await me();
  if (!account || account.must_change_password) {
    toLogin();
    return null;
  }
  // the name links to the account page (我的登录)
  replace(document.getElementById('who'),
    el('a', { href: '/account.html', title: '我的账户' }, `${account.display_name || account.username}（${account.role}）`));
  if (!roles.includes(account.role)) {
    say(status, refusal, 'error');
    return null;
  }
  return account;
}
