// Client events (client-*) between two subscribers: on a private and on a presence channel
// they reach the other subscriber (presence adds the sender's user_id) and are not echoed
// to the sender; on a public channel the server refuses them with pusher:error and relays
// nothing. "Not echoed" / "not relayed" are shown by order, not by waiting: the sender later
// receives the other side's reply, and a refused event would have been delivered before it.
// env: WIFICORE_API, WIFICORE_WS_PORT, PUSHER_APP_ID/KEY/SECRET, TENANT_ID, TOKEN, TOKEN_2
import { check, client, connected, env, next, record, scenario, server, subscribe } from './lib.mjs';

async function exchange(a, b, name, step) {
  step(`subscribing to ${name}`);
  const [ca, cb] = await Promise.all([subscribe(a, name), subscribe(b, name)]);
  const seenByA = record(ca.channel);
  const seenByB = record(cb.channel);
  const typing = next(cb.channel, 'client-typing');
  step(`client-typing on ${name}`);
  check(ca.channel.trigger('client-typing', { from: 'a' }), 'pusher-js did not send client-typing');
  const atB = await typing;
  const reply = next(ca.channel, 'client-reply');
  check(cb.channel.trigger('client-reply', { from: 'b' }), 'pusher-js did not send client-reply');
  const atA = await reply;
  return { atB, atA, seenByA: seenByA.events.map((e) => e.event), seenByB: seenByB.events.map((e) => e.event) };
}

await scenario('client-events', async (step) => {
  const tenant = env('TENANT_ID');
  const a = client(env('TOKEN'));
  const b = client(env('TOKEN_2'));
  step('connecting');
  await Promise.all([connected(a), connected(b)]);
  const privateChannel = await exchange(a, b, `private-tenant.${tenant}.chat`, step);
  const presenceChannel = await exchange(a, b, `presence-tenant.${tenant}.chat`, step);

  const publicName = `lobby-${process.pid}`;
  step(`subscribing to ${publicName}`);
  const [pa, pb] = await Promise.all([subscribe(a, publicName), subscribe(b, publicName)]);
  const seenByB = record(pb.channel);
  const error = next(a.connection, 'error');
  step('client event on a public channel');
  pa.channel.trigger('client-shout', { from: 'a' });
  const refusal = await error;
  step('server event after the refused client event');
  await server().trigger(publicName, 'after', { n: 1 });
  await seenByB.until('after');
  a.disconnect();
  b.disconnect();
  return {
    private: privateChannel, presence: presenceChannel,
    public: { refusal, seenByB: seenByB.events.map((e) => e.event) },
  };
});
