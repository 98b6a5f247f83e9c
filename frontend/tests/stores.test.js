import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useAuth } from '../src/stores/auth.js';
import { useLive } from '../src/stores/live.js';
import { useUi } from '../src/stores/ui.js';
import { actingTenant } from '../src/api/client.js';
import { fakeFetch } from './helpers.js';

const operator = { id: 'u1', email: 'op@a.test', tenantId: 't-a', roles: ['operator'], abilities: ['*'] };
const admin = { id: 'p1', email: 'root@x.test', tenantId: null, roles: ['platform_admin'], abilities: ['*'] };

describe('auth store', () => {
  beforeEach(() => { setActivePinia(createPinia()); sessionStorage.clear(); document.cookie = 'XSRF-TOKEN=t'; });
  afterEach(() => vi.unstubAllGlobals());

  it('signs in with the session endpoint after fetching the CSRF cookie', async () => {
    const fetch = fakeFetch({ 'GET /api/auth/csrf': [200, { token: 't' }], 'POST /api/auth/session': [200, operator] });
    vi.stubGlobal('fetch', fetch);
    const auth = useAuth();
    await auth.signIn('op@a.test', 'pw');
    expect(fetch.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/auth/csrf', 'POST /api/auth/session']);
    expect(JSON.parse(fetch.calls[1].body)).toEqual({ email: 'op@a.test', password: 'pw' });
    expect(auth.signedIn).toBe(true);
    expect(auth.canWrite).toBe(true);
    expect(auth.isAdmin).toBe(false);
    expect(auth.tenantId).toBe('t-a');
  });

  it('keeps field errors of a refused sign-in for the form', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/auth/csrf': [200, {}], 'POST /api/auth/session': [400, { detail: 'bad', errors: [{ field: 'email', message: 'must not be blank' }] }, 'application/problem+json'] }));
    const error = await useAuth().signIn('', 'x').catch((e) => e);
    expect(error.fields.email).toBe('must not be blank');
    expect(useAuth().signedIn).toBe(false);
  });

  it('treats 401 from /api/me as signed out, not as an error', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/me': [401, { detail: 'no' }, 'application/problem+json'] }));
    const auth = useAuth();
    await auth.load();
    expect(auth.checked).toBe(true);
    expect(auth.signedIn).toBe(false);
  });

  it('lets a platform admin act on a tenant, sent as X-Tenant and kept for the tab', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/me': [200, admin] }));
    const auth = useAuth();
    await auth.load();
    expect(auth.hasTenant).toBe(false);
    auth.actAs({ id: 't-b', slug: 'bee', name: 'Bee' });
    expect(auth.tenantId).toBe('t-b');
    expect(actingTenant()).toBe('t-b');
    setActivePinia(createPinia());
    const again = useAuth();
    await again.load();
    expect(again.actingTenant?.slug).toBe('bee');
    again.forget();
    expect(actingTenant()).toBeNull();
  });
});

describe('live store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  function fakeEcho() {
    const channels = {};
    return {
      channels,
      private(name) {
        channels[name] ??= { listeners: {}, listen(event, fn) { this.listeners[event] = fn; return this; },
          subscribed(fn) { this.onSubscribed = fn; return this; } };
        return channels[name];
      },
      disconnect: vi.fn(),
    };
  }

  it('subscribes each topic once on the tenant channel and dispatches events to every handler', async () => {
    vi.stubGlobal('fetch', fakeFetch({ 'GET /api/broadcasting/config': [200, { appKey: 'k', wsPort: 6071, tenantId: 't-a', channelPrefix: 'private-tenant.t-a.' }] }));
    const live = useLive();
    const echo = fakeEcho();
    const seen = [];
    live.on('sessions', 'session.started', (d) => seen.push(['a', d.username]));
    await live.connect('t-a', async () => echo);
    const stop = live.on('sessions', 'session.started', (d) => seen.push(['b', d.username]));
    live.on('payments', 'payment.completed', (d) => seen.push(['pay', d.amount]));
    expect(Object.keys(echo.channels).sort()).toEqual(['tenant.t-a.payments', 'tenant.t-a.sessions']);
    echo.channels['tenant.t-a.sessions'].listeners['.session.started']({ username: 'alice' });
    stop();
    echo.channels['tenant.t-a.sessions'].listeners['.session.started']({ username: 'bob' });
    echo.channels['tenant.t-a.payments'].listeners['.payment.completed']({ amount: 20 });
    expect(seen).toEqual([['a', 'alice'], ['b', 'alice'], ['a', 'bob'], ['pay', 20]]);
    expect(live.status).toBe('connected');
    expect(live.lastEventAt).not.toBeNull();
    expect(live.subscribed).toEqual({});
    echo.channels['tenant.t-a.sessions'].onSubscribed();
    expect(live.subscribed).toEqual({ sessions: true });
  });

  it('says live updates are unavailable when the config cannot be read', async () => {
    vi.stubGlobal('fetch', fakeFetch({}));
    const live = useLive();
    await live.connect('t-a', async () => fakeEcho());
    expect(live.status).toBe('unavailable');
  });
});

describe('ui store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('follows the browser going offline and back', () => {
    const ui = useUi();
    const target = new EventTarget();
    ui.watchConnectivity(target);
    target.dispatchEvent(new Event('offline'));
    expect(ui.online).toBe(false);
    target.dispatchEvent(new Event('online'));
    expect(ui.online).toBe(true);
  });

  it('keeps notices until dismissed', () => {
    const ui = useUi();
    const id = ui.notify('Saved', 'success', 0);
    expect(ui.toasts).toHaveLength(1);
    ui.dismiss(id);
    expect(ui.toasts).toHaveLength(0);
  });
});
