// laravel-echo (broadcaster 'pusher', pusher-js as its client) as a Laravel front end would
// use it: Echo.private('tenant.{id}.sessions') authorised by /api/broadcasting/auth with a
// bearer token, .listen('.session.started') for an event the `pusher` SDK triggers; and
// Echo.join() on a presence channel, whose .here() lists the signed-in user.
// env: WIFICORE_API, WIFICORE_WS_PORT, PUSHER_APP_ID/KEY/SECRET, TENANT_ID, TOKEN
import Echo from 'laravel-echo';
import Pusher from 'pusher-js';
import { api, app, env, scenario, server, wsPort } from './lib.mjs';

await scenario('echo', async (step) => {
  const tenant = env('TENANT_ID');
  const echo = new Echo({
    broadcaster: 'pusher',
    Pusher,
    key: app().key,
    cluster: 'wificore',
    wsHost: '127.0.0.1',
    wsPort: wsPort(),
    forceTLS: false,
    enabledTransports: ['ws'],
    authEndpoint: `${api()}/api/broadcasting/auth`,
    bearerToken: env('TOKEN'),
  });
  step('Echo.private');
  const sessions = echo.private(`tenant.${tenant}.sessions`);
  const received = new Promise((resolve) => sessions.listen('.session.started', resolve));
  await new Promise((resolve, reject) => {
    sessions.subscribed(resolve);
    sessions.error((e) => reject(new Error(`Echo.private refused: ${JSON.stringify(e)}`)));
  });
  step('Echo.join');
  const here = await new Promise((resolve, reject) => {
    echo.join(`tenant.${tenant}.lobby`).here(resolve).error((e) => reject(new Error(`Echo.join refused: ${JSON.stringify(e)}`)));
  });
  step('trigger');
  const channel = `private-tenant.${tenant}.sessions`;
  await server().trigger(channel, 'session.started', { acctSessionId: 'echo-1', username: 'alice' });
  step('waiting for .session.started');
  const data = await received;
  const socketId = echo.socketId();
  echo.disconnect();
  return { channel, socketId, data, here };
});
