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
