// The 走访 visits a phone has recorded and not yet had stored: kept in localStorage (one queue per
// account), so that a visit recorded in a stairwell without signal survives the page being closed.
// Every visit carries the client_key drawn once when it was recorded; the queue sends it until the
// server answers 200 or 201 (stored now, or stored by an earlier send whose answer was lost), so a
// resend can never store it twice. A 4xx that no resend can change (a bad date, a household no
// longer in one's grids) moves the visit to the refused list, shown to the worker; a network
// failure, a 5xx, 401 (logged out), 408 or 429 leaves it queued for the next try.

import { ApiError, post } from './api.js';

const OPTIONS = { retryMs: 10000, prefix: 'partymap.care.' };
const RETRY_STATUSES = new Set([401, 408, 429]);

/** A random (version 4) UUID: crypto.randomUUID where the page is a secure context, else from getRandomValues. */
export function randomKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function read(key) {
  try {
    const value = JSON.parse(localStorage.getItem(key) || '[]');
    return Array.isArray(value) ? value : [];
  } catch (e) {
    return [];
  }
}

/**
 * The queue of `account` (its username keys the storage). `onChange({pending, refused, sending, loggedOut})`
 * hears every change; `onStored(visit)` every visit the server holds. Sends on creation, on the
 * window's `online` event, after each add and every `retryMs`.
 */
export function createQueue(account, { onChange = () => {}, onStored = () => {}, retryMs = OPTIONS.retryMs } = {}) {
  const pendingKey = `${OPTIONS.prefix}${account.username}.pending`;
  const refusedKey = `${OPTIONS.prefix}${account.username}.refused`;
  let sending = null;
  let loggedOut = false;

  const pending = () => read(pendingKey);
  const refused = () => read(refusedKey);
  const changed = () => onChange({ pending: pending(), refused: refused(), sending: Boolean(sending), loggedOut });

  /** Takes one entry out of the pending list by its key (re-read: another tab may have changed it). */
  function take(clientKey) {
    localStorage.setItem(pendingKey, JSON.stringify(pending().filter((v) => v.client_key !== clientKey)));
  }

  async function sendAll() {
    for (const visit of pending()) {
      const { queued_at: _queued, ...body } = visit;
      try {
        const stored = await post('/api/care/visits', body);
        loggedOut = false;
        take(visit.client_key);
        onStored(stored);
      } catch (e) {
        if (e instanceof ApiError && e.status >= 400 && e.status < 500 && !RETRY_STATUSES.has(e.status)) {
          take(visit.client_key);
          localStorage.setItem(refusedKey, JSON.stringify([...refused(), { ...visit, reason: e.message, status: e.status }]));
        } else {
          loggedOut = e instanceof ApiError && e.status === 401;
          return; // offline, server trouble or logged out: keep it and the rest for the next try
        }
      } finally {
        changed();
      }
    }
  }

  /** Sends what waits, once at a time; answers when this round is over. */
  function flush() {
    if (!sending) {
      sending = sendAll().finally(() => {
        sending = null;
        changed();
      });
      changed();
    }
    return sending;
  }

  /** Queues a visit (its client_key drawn here) and tries to send it at once. */
  function add(visit) {
    const entry = { ...visit, client_key: randomKey(), queued_at: new Date().toISOString() };
    localStorage.setItem(pendingKey, JSON.stringify([...pending(), entry]));
    changed();
    flush();
    return entry;
  }

  function dismiss(clientKey) {
    localStorage.setItem(refusedKey, JSON.stringify(refused().filter((v) => v.client_key !== clientKey)));
    changed();
  }

  window.addEventListener('online', () => flush());
  setInterval(() => {
    if (pending().length) flush();
  }, retryMs);
  changed();
  flush();
  return { add, flush, dismiss, pending, refused };
}
