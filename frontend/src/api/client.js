// The one way the app talks to the platform: same-origin fetch with the session cookie,
// the CSRF header on changes, X-Tenant when a platform admin acts on a tenant, and every
// error turned into an ApiError carrying the problem+json body and its field errors.

export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message || problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || null;
    // {field: message}; the API sends errors: [{field, message}]
    this.fields = {};
    for (const e of problem?.errors ?? []) {
      if (e && e.field) this.fields[e.field] = this.fields[e.field] ? `${this.fields[e.field]}; ${e.message}` : e.message;
    }
  }

  get offline() {
    return this.status === 0;
  }
}

const listeners = { unauthorized: new Set() };
let tenantHeader = null;

/** The tenant a platform admin acts on (id or slug), sent as X-Tenant; null for none. */
export function setActingTenant(tenant) {
  tenantHeader = tenant || null;
}

export function actingTenant() {
  return tenantHeader;
}

/**
 * A link to an API page the browser opens itself (a printable receipt, a CSV download): it cannot send
 * X-Tenant, so a platform admin acting on a tenant names it as ?tenant= (accepted on GET only).
 */
export function apiLink(path) {
  if (!tenantHeader) return path;
  return `${path}${path.includes('?') ? '&' : '?'}tenant=${encodeURIComponent(tenantHeader)}`;
}

/** Called with no arguments whenever the API answers 401 (signed out elsewhere, session expired). */
export function onUnauthorized(fn) {
  listeners.unauthorized.add(fn);
  return () => listeners.unauthorized.delete(fn);
}

export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : null;
}

/** Headers every request to the platform carries (also used by the real-time channel auth). */
export function commonHeaders(method = 'GET') {
  const headers = { Accept: 'application/json' };
  if (tenantHeader) headers['X-Tenant'] = tenantHeader;
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  return headers;
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export async function request(method, path, body, { headers = {}, raw = false } = {}) {
  if (method !== 'GET' && !csrfToken()) {
    await fetch('/api/auth/csrf', { credentials: 'same-origin' }).catch(() => {});
  }
  const init = { method, credentials: 'same-origin', headers: { ...commonHeaders(method), ...headers } };
  if (body !== undefined) {
    if (typeof body === 'string') {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, null, navigator.onLine === false ? 'You are offline.' : 'The server cannot be reached.');
  }
  if (response.status === 401 && !path.startsWith('/api/auth/')) {
    listeners.unauthorized.forEach((fn) => fn());
  }
  if (!response.ok) {
    let problem = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem,
      problem ? undefined : response.status === 404 ? 'Not found.' : `The server answered ${response.status}.`);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const api = {
  get: (path, params) => request('GET', path + query(params)),
  post: (path, body) => request('POST', path, body === undefined ? {} : body),
  put: (path, body) => request('PUT', path, body),
  patch: (path, body) => request('PATCH', path, body),
  del: (path) => request('DELETE', path),
};
