// The one place the page talks to the server. Errors come back as problem+json (RFC 9457);
// they are thrown as ApiError with the status and the server's message.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The problem type's last part, e.g. "outside-grids". */
  get slug() {
    return (this.problem.type || '').split('/').pop();
  }
}

/** GET a JSON document; `params` become the query string (undefined and empty values are left out). */
export async function getJson(path, params = {}, { signal } = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}
