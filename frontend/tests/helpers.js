import { vi } from 'vitest';

/** A fetch stand-in answering by "METHOD path" (exact, then by path prefix); records every call. */
export function fakeFetch(routes) {
  const calls = [];
  const fn = vi.fn(async (url, init = {}) => {
    const method = init.method || 'GET';
    calls.push({ url, method, headers: init.headers || {}, body: init.body });
    const key = `${method} ${url}`;
    const hit = routes[key] ?? Object.entries(routes).find(([k]) => key.startsWith(k))?.[1];
    const [status, body, type = 'application/json'] = typeof hit === 'function' ? hit(init) : hit ?? [404, { title: 'Not Found', status: 404, detail: `no route ${key}` }, 'application/problem+json'];
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
  });
  fn.calls = calls;
  return fn;
}
