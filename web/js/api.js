// The JSON API as promises: same-origin requests with the session cookie; an error answer
// (problem+json, RFC 9457) becomes an ApiError carrying its status and message.

export class ApiError extends Error {
  constructor(status, problem) {
    const p = problem || {};
    super(p.detail || p.title || `HTTP ${status}`);
    this.status = status;
    this.problem = p;
  }

  /** The problem type's last part, e.g. "outside-grids". */
  get slug() {
    return (this.problem.type || '').split('/').pop();
  }
}

export async function request(method, path, body, options = {}) {
  const init = { method, credentials: 'same-origin', headers: { ...options.headers }, signal: options.signal };
  if (body !== undefined) {
    if (options.raw) {
      init.body = body;
      init.headers['Content-Type'] = options.contentType || 'application/octet-stream';
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  const response = await fetch(path, init);
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = { detail: text };
  }
  if (!response.ok) {
    throw new ApiError(response.status, data || {});
  }
  return data;
}

export const get = (path) => request('GET', path);
export const post = (path, body, options) => request('POST', path, body, options);
export const patch = (path, body) => request('PATCH', path, body);
export const put = (path, body) => request('PUT', path, body);

/** GET with `params` as the query string (undefined, empty and [] left out; arrays joined by commas). */
export function getJson(path, params = {}, { signal } = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return request('GET', query.toString() ? `${path}?${query}` : path, undefined, { signal });
}
