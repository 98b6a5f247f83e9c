// pusher-js subscribes to a public, a private and a presence tenant channel; the `pusher` SDK
// publishes through the HTTP API with trigger (several channels at once, and once excluding
// the subscriber's socket) and triggerBatch; pusher-js must receive exactly what it should.
// env: WIFICORE_API, WIFICORE_WS_PORT, PUSHER_APP_ID/KEY/SECRET, TENANT_ID, TOKEN
import { client, connected, env, record, scenario, server, subscribe } from './lib.mjs';

await scenario('channels', async (step) => {
  const tenant = env('TENANT_ID');
  const names = {
    public: `updates-${process.pid}`,
    private: `private-tenant.${tenant}.sessions`,
    presence: `presence-tenant.${tenant}.ops`,
  };
  const pusher = client(env('TOKEN'));
  step('connecting');
  const socketId = await connected(pusher);
  const subs = {};
  const seen = {};
  for (const [kind, name] of Object.entries(names)) {
    step(`subscribing to ${name}`);
    subs[kind] = await subscribe(pusher, name);
    seen[kind] = record(subs[kind].channel);
  }

  const sdk = server();
  step('trigger');
  const excluded = await sdk.trigger(names.private, 'not-for-me', { n: 0 }, { socket_id: socketId });
  const triggered = await sdk.trigger(Object.values(names), 'greeting', { text: 'hello', n: 1 });
  step('triggerBatch');
  const batch = await sdk.triggerBatch([
    { channel: names.public, name: 'batch-1', data: { n: 2 } },
    { channel: names.private, name: 'batch-2', data: { n: 3 } },
  ]);
  step('waiting for the events');
  await Promise.all([seen.public.until('batch-1'), seen.private.until('batch-2'), seen.presence.until('greeting')]);

  pusher.disconnect();
  return {
    socketId,
    statuses: { excluded: excluded.status, triggered: triggered.status, batch: batch.status },
    presence: subs.presence.members,
    received: Object.fromEntries(Object.entries(seen).map(([kind, s]) => [kind, s.events])),
  };
});
