// The per-connection and per-app limits, run against a server started with lowered limits.
// argv[2] picks one:
//   channels     - MAX_CHANNELS public subscriptions succeed, the next gets a subscription error
//   client-rate  - each client event of a burst beyond CLIENT_EVENTS_PER_SECOND gets pusher:error
//                  4301 and is dropped; the connection stays and still receives events
//   flood        - frames beyond MESSAGES_PER_SECOND get pusher:error 4301 and close 4301
//   connections  - connections beyond MAX_CONNECTIONS get pusher:error 4004 and close 4004
// env: WIFICORE_API, WIFICORE_WS_PORT, PUSHER_APP_ID/KEY/SECRET, TENANT_ID, TOKEN and the limit named above
import {
  check, client, connected, env, next, raw, record, roundTrip, scenario, server, subscribe, subscriptionError,
} from './lib.mjs';

const scenarios = {
  async channels(step) {
    const max = Number(env('MAX_CHANNELS'));
    const pusher = client();
    step('connecting');
    await connected(pusher);
    const accepted = [];
    for (let i = 1; i <= max; i++) {
      step(`subscription ${i}`);
      accepted.push((await subscribe(pusher, `board-${i}`)).channel.name);
    }
    step('one channel too many');
    const refused = await subscriptionError(pusher, `board-${max + 1}`);
    pusher.disconnect();
    return { accepted, refused };
  },

  async 'client-rate'(step) {
    const limit = Number(env('CLIENT_EVENTS_PER_SECOND'));
    const name = `private-tenant.${env('TENANT_ID')}.chat`;
    const sender = client(env('TOKEN'));
    const receiver = client(env('TOKEN'));
    step('connecting');
    await Promise.all([connected(sender), connected(receiver)]);
    const [s, r] = await Promise.all([subscribe(sender, name), subscribe(receiver, name)]);
    const seen = record(r.channel);
    const errors = [];
    sender.connection.bind('error', (e) => errors.push(e));
    const firstError = next(sender.connection, 'error');
    step('burst of client events');
    const burst = limit + 3;
    for (let i = 1; i <= burst; i++) s.channel.trigger('client-tick', { i });
    const error = await firstError;
    // a ping after the burst: its pong comes after the server has handled every event of it
    step('ping after the burst');
    await roundTrip(sender);
    // the connection still works, and a server event published now arrives after anything relayed
    step('server event after the burst');
    await server().trigger(name, 'after-burst', { ok: true });
    await seen.until('after-burst');
    const senderStillConnected = sender.connection.state === 'connected';
    sender.disconnect();
    receiver.disconnect();
    return {
      burst, error, errors: errors.length, senderStillConnected,
      delivered: seen.events.filter((e) => e.event === 'client-tick').map((e) => e.data.i),
    };
  },

  async flood(step) {
    const limit = Number(env('MESSAGES_PER_SECOND'));
    const socket = raw();
    step('connecting');
    await socket.established();
    step('flooding');
    for (let i = 0; i < limit * 3; i++) socket.send('pusher:ping', {});
    const closed = await socket.closed;
    return {
      sent: limit * 3,
      pongs: socket.inbox.filter((m) => m.event === 'pusher:pong').length,
      error: socket.inbox.find((m) => m.event === 'pusher:error')?.data ?? null,
      close: closed,
    };
  },

  async connections(step) {
    const max = Number(env('MAX_CONNECTIONS'));
    const open = [];
    let refusal = null;
    for (let i = 1; i <= max + 1 && !refusal; i++) {
      step(`connection ${i}`);
      const socket = raw();
      const first = await socket.next((m) => m.event === 'pusher:connection_established' || m.event === 'pusher:error');
      if (first.event === 'pusher:error') refusal = { error: first.data, close: await socket.closed, attempt: i };
      else open.push(socket);
    }
    check(refusal, `all ${max + 1} connections were accepted`);
    step('closing');
    const opened = open.length;
    for (const s of open) s.close();
    await Promise.all(open.map((s) => s.closed));
    return { max, opened, refusal };
  },
};

const which = process.argv[2];
if (!scenarios[which]) {
  console.error(`usage: node limits.mjs ${Object.keys(scenarios).join('|')}`);
  process.exit(64);
}
await scenario(`limits ${which}`, scenarios[which]);
