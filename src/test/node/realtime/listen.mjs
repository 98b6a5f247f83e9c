// pusher-js subscribes to one channel (authorised through /api/broadcasting/auth when it is
// private), prints {"ready":true} and waits for the named events, which the Java side then
// causes (the in-process RealtimePublisher, a RADIUS accounting packet, ...).
// env: WIFICORE_API, WIFICORE_WS_PORT, PUSHER_APP_KEY, TOKEN, CHANNEL, EVENTS (comma-separated)
import { client, connected, env, record, say, scenario, subscribe } from './lib.mjs';

await scenario('listen', async (step) => {
  const name = env('CHANNEL');
  const events = env('EVENTS').split(',');
  const pusher = client(env('TOKEN', ''));
  step('connecting');
  await connected(pusher);
  step(`subscribing to ${name}`);
  const { channel } = await subscribe(pusher, name);
  const seen = record(channel);
  say({ ready: true, channel: name });
  for (const event of events) {
    step(`waiting for ${event}`);
    await seen.until(event);
  }
  pusher.disconnect();
  return { channel: name, received: seen.events };
});
