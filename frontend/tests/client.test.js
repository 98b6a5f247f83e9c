import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiLink, onUnauthorized, query, setActingTenant } from '../src/api/client.js';
import { fakeFetch } from './helpers.js';

describe('api client', () => {
  beforeEach(() => { document.cookie = 'XSRF-TOKEN=tok%2B1'; });
  afterEach(() => { setActingTenant(null); vi.unstubAllGlobals(); });

  it('turns problem+json field errors into a field map', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'POST /api/packages': [400, { status: 400, detail: 'name: must not be blank', errors: [{ field: 'name', message: 'must not be blank' }, { field: 'price', message: 'must not be null' }] }, 'application/problem+json'] }));
    const error = await api.post('/api/packages', {}).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ name: 'must not be blank', price: 'must not be null' });
    expect(error.message).toBe('name: must not be blank');
  });

  it('sends the CSRF token on changes and X-Tenant while acting on a tenant', async () => {
    const fetch = fakeFetch({ 'POST /api/nas': [201, { id: 'n1' }], 'GET /api/nas': [200, { items: [] }] });
    vi.stubGlobal('fetch', fetch);
    setActingTenant('acme');
    await api.post('/api/nas', { name: 'r1' });
    await api.get('/api/nas', { q: 'r', page: 0, empty: '' });
    expect(fetch.calls[0].headers['X-XSRF-TOKEN']).toBe('tok+1');
    expect(fetch.calls[0].headers['X-Tenant']).toBe('acme');
    expect(fetch.calls[1].url).toBe('/api/nas?q=r&page=0');
    expect(fetch.calls[1].headers['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('names the acting tenant in links the browser opens itself (no headers there)', () => {
    expect(apiLink('/api/payments/p1/receipt')).toBe('/api/payments/p1/receipt');
    setActingTenant('acme & co');
    expect(apiLink('/api/payments/p1/receipt')).toBe('/api/payments/p1/receipt?tenant=acme%20%26%20co');
    expect(apiLink('/api/reports/revenue/daily.csv?from=2026-01-01')).toBe('/api/reports/revenue/daily.csv?from=2026-01-01&tenant=acme%20%26%20co');
  });

  it('tells listeners when the session is gone (401)', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/me': [401, { status: 401, detail: 'authentication required' }, 'application/problem+json'] }));
    const seen = vi.fn();
    const stop = onUnauthorized(seen);
    await expect(api.get('/api/me')).rejects.toMatchObject({ status: 401 });
    stop();
    expect(seen).toHaveBeenCalledOnce();
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    const error = await api.get('/api/me').catch((e) => e);
    expect(error.status).toBe(0);
    expect(error.offline).toBe(true);
  });

  it('builds query strings without empty values', () => {
    expect(query({ a: 1, b: '', c: null, d: 'x y' })).toBe('?a=1&d=x+y');
    expect(query({})).toBe('');
  });
});
