// What every scenario shares: its parameters (environment), stock clients aimed at the server
// under test, promises for the events they emit, and the one-JSON-line result contract:
// the last line on stdout is {"ok":true,...} (exit 0) or {"ok":false,"error":...} (exit 1);
// a scenario that runs past TIMEOUT_MS exits 2 instead of hanging.
import Pusher from 'pusher-js';
import PusherServer from 'pusher';
import WebSocket from 'ws';

/** A required environment variable (or its fallback); missing ones fail the scenario clearly. */
export function env(name, fallback) {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new Error(`environment variable ${name} is required`);
}

export const api = () => env('WIFICORE_API');
export const wsPort = () => Number(env('WIFICORE_WS_PORT'));
export const app = () => ({ id: env('PUSHER_APP_ID'), key: env('PUSHER_APP_KEY'), secret: env('PUSHER_APP_SECRET') });

// pusher-js logs through Pusher.log: keep it on stderr, which the Java side shows on failure
Pusher.log = (message) => process.stderr.write(`[pusher-js] ${message}\n`);

/** pusher-js (its Node build, which includes tweetnacl for encrypted channels) signed in with {@code token}. */
export function client(token, options = {}) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  return new Pusher(options.key ?? app().key, {
    cluster: 'wificore', // required by pusher-js, unused with wsHost
    wsHost: '127.0.0.1',
    wsPort: wsPort(),
    forceTLS: false,
    enabledTransports: ['ws'],
    channelAuthorization: { endpoint: `${api()}/api/broadcasting/auth`, transport: 'ajax', headers },
    userAuthentication: { endpoint: `${api()}/api/broadcasting/user-auth`, transport: 'ajax', headers },
    ...options,
  });
}

/** The `pusher` server SDK (HTTP API) for the app. */
export function server(overrides = {}) {
  const a = app();
  return new PusherServer({
    appId: a.id, key: a.key, secret: a.secret, host: '127.0.0.1', port: String(wsPort()), useTLS: false,
    ...overrides,
  });
}

/** Resolves with the first {@code event} the emitter (channel, connection, user) emits. */
export function next(emitter, event) {
  return new Promise((resolve) => {
    const handler = (data, metadata) => {
      emitter.unbind(event, handler);
      resolve(metadata === undefined ? data : { data, metadata });
    };
    emitter.bind(event, handler);
  });
}

export function connected(pusher) {
  if (pusher.connection.state === 'connected') return Promise.resolve(pusher.connection.socket_id);
  return new Promise((resolve, reject) => {
    pusher.connection.bind('state_change', ({ current }) => {
      if (current === 'connected') resolve(pusher.connection.socket_id);
      if (current === 'failed' || current === 'unavailable') reject(new Error(`connection ${current}`));
    });
  });
}

/**
 * Subscribes; resolves with the channel and, for presence, a snapshot of the member list as
 * pusher-js reported it ({count, myId, me, ids}); rejects on a subscription error.
 */
export function subscribe(pusher, name) {
  const channel = pusher.subscribe(name);
  return new Promise((resolve, reject) => {
    channel.bind('pusher:subscription_succeeded', (data) => resolve({ channel, members: membersOf(data) }));
    channel.bind('pusher:subscription_error', (e) =>
      reject(new Error(`subscription to ${name} refused: ${JSON.stringify(e)}`)));
  });
}

/** A plain copy of a pusher-js Members object (which empties itself on disconnect). */
export function membersOf(members) {
  if (!members || members.count === undefined) return null;
  return { count: members.count, myId: members.myID, me: members.me, ids: Object.keys(members.members).sort() };
}

/** Subscribes expecting a refusal; resolves with pusher-js's subscription error. */
export function subscriptionError(pusher, name) {
  const channel = pusher.subscribe(name);
  return new Promise((resolve, reject) => {
    channel.bind('pusher:subscription_succeeded', () => reject(new Error(`subscription to ${name} was accepted`)));
    channel.bind('pusher:subscription_error', (e) => resolve(e));
  });
}

/**
 * Records every event of a channel (not pusher: / pusher_internal: ones) in arrival order;
 * {@code until(event)} resolves once that event has arrived (now or earlier).
 */
export function record(channel) {
  const events = [];
  const waiters = [];
  channel.bind_global((event, data) => {
    if (event.startsWith('pusher:') || event.startsWith('pusher_internal:')) return;
    events.push({ event, data });
    for (const w of waiters.filter((w) => w.event === event)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(events.at(-1));
    }
  });
  const until = (event) => {
    const seen = events.find((e) => e.event === event);
    return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ event, resolve }));
  };
  return { events, until };
}

/**
 * A pusher:ping answered by pusher:pong on this connection: once it returns, the server has
 * handled everything this connection sent before it (frames are handled in order).
 */
export function roundTrip(pusher) {
  const pong = new Promise((resolve) => {
    const handler = (m) => {
      if (m.event !== 'pusher:pong') return;
      pusher.connection.unbind('message', handler);
      resolve();
    };
    pusher.connection.bind('message', handler);
  });
  pusher.send_event('pusher:ping', {});
  return pong;
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Prints a progress line the Java side may wait for (the handshake with an in-process publisher). */
export function say(fields) {
  process.stdout.write(JSON.stringify(fields) + '\n');
}

/**
 * A raw Pusher-protocol WebSocket (the `ws` package), for what stock clients hide: close
 * codes, floods, oversized frames. {@code next(predicate)} resolves with the first message
 * (data decoded) matching it; {@code closed} with {code, reason}.
 */
export function raw(path = `/app/${app().key}?protocol=7`) {
  const ws = new WebSocket(`ws://127.0.0.1:${wsPort()}${path}`);
  const inbox = [];
  const waiters = [];
  let onClose;
  const closed = new Promise((resolve) => { onClose = resolve; });
  ws.on('message', (buffer) => {
    const message = JSON.parse(buffer.toString());
    if (typeof message.data === 'string') {
      try { message.data = JSON.parse(message.data); } catch { /* plain string data */ }
    }
    inbox.push(message);
    for (const w of [...waiters]) {
      if (w.predicate(message)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  ws.on('close', (code, reason) => onClose({ code, reason: reason.toString() }));
  ws.on('error', (e) => process.stderr.write(`[ws] ${e.message}\n`));
  const socket = {
    ws, inbox, closed,
    send: (event, data, channel) => ws.send(JSON.stringify(channel ? { event, data, channel } : { event, data })),
    next: (predicate) => {
      const seen = inbox.find(predicate);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    event: (name) => socket.next((m) => m.event === name),
    established: async () => (await socket.event('pusher:connection_established')).data.socket_id,
    close: () => ws.close(),
  };
  return socket;
}

/**
 * Runs {@code body} as the scenario: prints its result as the last JSON line and exits 0, or
 * prints the failure and exits 1; exits 2 when it is still running after TIMEOUT_MS.
 */
export async function scenario(name, body) {
  const timeoutMs = Number(env('TIMEOUT_MS', '20000'));
  const timer = setTimeout(() => {
    say({ ok: false, scenario: name, error: `timed out after ${timeoutMs} ms (at: ${scenario.step ?? 'start'})` });
    process.exit(2);
  }, timeoutMs);
  try {
    const result = await body((step) => { scenario.step = step; });
    clearTimeout(timer);
    say({ ok: true, scenario: name, ...result });
    process.exit(0);
  } catch (e) {
    clearTimeout(timer);
    process.stderr.write(`${e?.stack ?? e}\n`);
    say({ ok: false, scenario: name, error: String(e?.message ?? e), at: scenario.step ?? null });
    process.exit(1);
  }
}
