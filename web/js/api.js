// The JSON API as promises: same-origin requests with the session cookie; an error answer
// (problem+json) becomes an ApiError carrying its status and message.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function request(method, path, body, options = {}) {
  const init = { method, credentials: 'same-origin', headers: {} };
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
export const post = (path, body) => request('POST', path, body);
export const patch = (path, body) => request('PATCH', path, body);
