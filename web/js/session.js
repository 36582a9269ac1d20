// The login session: who is logged in, logging in and out, changing one's password.
import { get, post, ApiError } from './api.js';

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
 * Starts a staff page: wires its logout button and, when someone is logged in (with a password
 * of their own), shows who and returns the account; otherwise sends the browser to log in and
 * returns null.
 */
export async function staffPage(who, logoutButton) {
  logoutButton.addEventListener('click', async () => {
    await logout();
    location.assign('/login.html');
  });
  const account = await me();
  if (!account || account.must_change_password) {
    toLogin();
    return null;
  }
  who.textContent = `${account.display_name || account.username}（${account.role}）`;
  return account;
}
