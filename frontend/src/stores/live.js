import { defineStore } from 'pinia';
import { api, commonHeaders } from '../api/client.js';

// Real-time updates: laravel-echo over pusher-js against the platform's own Pusher-protocol
// server. Loaded lazily (not part of the initial bundle); one private channel per topic
// (private-tenant.{id}.{topic}), shared by every page that listens to it.

async function defaultConnector(config) {
  const [{ default: Echo }, { default: Pusher }] = await Promise.all([import('laravel-echo'), import('pusher-js')]);
  const secure = location.protocol === 'https:';
  return new Echo({
    broadcaster: 'pusher',
    Pusher,
    key: config.appKey,
    cluster: 'wificore', // required by pusher-js, unused with wsHost
    wsHost: config.wsHost || location.hostname,
    wsPort: config.wsPort,
    wssPort: config.wsPort,
    forceTLS: secure,
    enabledTransports: ['ws', 'wss'],
    disableStats: true,
    authEndpoint: '/api/broadcasting/auth',
    // headers read at subscription time: the CSRF token and, for a platform admin, X-Tenant
    channelAuthorization: {
      endpoint: '/api/broadcasting/auth',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) => {
        fetch('/api/broadcasting/auth', {
          method: 'POST', credentials: 'same-origin',
          headers: { ...commonHeaders('POST'), 'Content-Type': 'application/json' },
          body: JSON.stringify({ socket_id: socketId, channel_name: channelName }),
        }).then(async (r) => (r.ok ? callback(null, await r.json()) : callback(new Error(`auth ${r.status}`), null)))
          .catch((e) => callback(e, null));
      },
    },
  });
}

export const useLive = defineStore('live', {
  state: () => ({
    status: 'idle', // idle | connecting | connected | unavailable
    tenantId: null,
    lastEventAt: null,
    // topics whose channel subscription the server confirmed: events before that moment are not delivered, so
    // a page that loaded its data earlier reloads it when its topic turns true (see the dashboard)
    subscribed: {},
  }),
  actions: {
    /** Connects for the given tenant (reconnects when it changes); connector is replaceable in tests. */
    async connect(tenantId, connector = defaultConnector) {
      if (!tenantId) return this.disconnect();
      if (this.tenantId === tenantId && this.status !== 'unavailable' && this.status !== 'idle') return;
      this.disconnect();
      this.tenantId = tenantId;
      this.status = 'connecting';
      try {
        const config = await api.get('/api/broadcasting/config');
        if (this.tenantId !== tenantId) return;
        const echo = await connector(config);
        runtime.echo = echo;
        runtime.tenantId = config.tenantId || tenantId;
        const connection = echo.connector?.pusher?.connection;
        if (connection) {
          connection.bind('state_change', ({ current }) => {
            this.status = current === 'connected' ? 'connected' : current === 'connecting' ? 'connecting' : 'unavailable';
          });
          if (connection.state === 'connected') this.status = 'connected';
        } else {
          this.status = 'connected';
        }
        for (const key of runtime.handlers.keys()) this.bindKey(key);
      } catch (e) {
        this.status = 'unavailable';
      }
    },
    disconnect() {
      if (runtime.echo) {
        try { runtime.echo.disconnect(); } catch { /* already gone */ }
      }
      runtime.echo = null;
      runtime.bound.clear();
      runtime.channels.clear();
      this.subscribed = {};
      this.tenantId = null;
      this.status = 'idle';
    },
    /** Calls handler(data) for every `event` on the tenant's `topic`; returns the unsubscribe function. */
    on(topic, event, handler) {
      const key = `${topic}\u0000${event}`;
      if (!runtime.handlers.has(key)) runtime.handlers.set(key, new Set());
      runtime.handlers.get(key).add(handler);
      if (runtime.echo) this.bindKey(key);
      return () => runtime.handlers.get(key)?.delete(handler);
    },
    bindKey(key) {
      if (runtime.bound.has(key) || !runtime.echo) return;
      const [topic, event] = key.split('\u0000');
      let channel = runtime.channels.get(topic);
      if (!channel) {
        channel = runtime.echo.private(`tenant.${runtime.tenantId}.${topic}`);
        // (again after a reconnect, when pusher-js subscribes anew)
        channel.subscribed?.(() => { this.subscribed = { ...this.subscribed, [topic]: true }; });
        runtime.channels.set(topic, channel);
      }
      channel.listen(`.${event}`, (data) => this.dispatch(topic, event, data));
      runtime.bound.add(key);
    },
    dispatch(topic, event, data) {
      this.lastEventAt = new Date().toISOString();
      for (const handler of runtime.handlers.get(`${topic}\u0000${event}`) ?? []) {
        try { handler(data); } catch (e) { console.error('live handler failed', e); }
      }
    },
  },
});

// outside the reactive state: the Echo instance and the handler sets are not for rendering
const runtime = { echo: null, tenantId: null, handlers: new Map(), bound: new Set(), channels: new Map() };
