// Cache channels: a first subscriber of an empty cache channel gets pusher:cache_miss; after
// an event is published (the `pusher` SDK), a subscriber that arrives later gets that last
// event replayed on subscribing.
// env: WIFICORE_API, WIFICORE_WS_PORT, PUSHER_APP_ID/KEY/SECRET
import { client, connected, scenario, server } from './lib.mjs';

/** Subscribes and resolves with what comes first: the replayed {@code event} or pusher:cache_miss. */
function subscribeExpecting(pusher, name, event) {
  const channel = pusher.subscribe(name);
  return new Promise((resolve) => {
    channel.bind_global((e, data) => {
      if (e === event || e === 'pusher:cache_miss') resolve({ event: e, data });
    });
  });
}

await scenario('cache', async (step) => {
  const name = `cache-prices-${process.pid}-${Date.now()}`;
  const early = client();
  step('connecting');
  await connected(early);
  step('first subscriber');
  const firstSees = await subscribeExpecting(early, name, 'price');
  step('trigger');
  const sdk = server();
  await sdk.trigger(name, 'price', { amount: 1 });
  await sdk.trigger(name, 'price', { amount: 2 });
  const late = client();
  await connected(late);
  step('late subscriber');
  const lateSees = await subscribeExpecting(late, name, 'price');
  early.disconnect();
  late.disconnect();
  return { channel: name, firstSees, lateSees };
});
