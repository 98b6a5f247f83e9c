// Refusals with the protocol's codes, as stock clients and a raw socket see them:
// a forged subscription signature, another tenant's channel (403 from the auth endpoint,
// which pusher-js reports as a subscription error), the HTTP API with a wrong secret (401)
// or an oversized event (413) through the `pusher` SDK, an unknown app key (4001), a
// missing or unsupported protocol version (4008, 4007) and an oversized frame (1009).
// env: WIFICORE_API, WIFICORE_WS_PORT, PUSHER_APP_ID/KEY/SECRET, TENANT_ID, TOKEN, TENANT_B_ID
import { api, app, client, connected, env, next, raw, scenario, server, subscriptionError } from './lib.mjs';

async function sdkStatus(promise) {
  try {
    const response = await promise;
    return { status: response.status };
  } catch (e) {
    return { status: e.status ?? null, body: e.body ?? String(e) };
  }
}

async function rawRefusal(path) {
  const socket = raw(path);
  const closed = await socket.closed;
  return { error: socket.inbox.find((m) => m.event === 'pusher:error')?.data ?? null, close: closed };
}

await scenario('refusals', async (step) => {
  const own = `private-tenant.${env('TENANT_ID')}.sessions`;
  const other = `private-tenant.${env('TENANT_B_ID')}.sessions`;
  const otherPresence = `presence-tenant.${env('TENANT_B_ID')}.ops`;

  step('forged signature');
  const forger = client(null, {
    channelAuthorization: {
      customHandler: (params, callback) => callback(null, { auth: `${app().key}:${'0'.repeat(64)}` }),
    },
  });
  await connected(forger);
  const forged = await subscriptionError(forger, own);
  forger.disconnect();

  step("another tenant's channels");
  const pusher = client(env('TOKEN'));
  const socketId = await connected(pusher);
  const otherTenant = await subscriptionError(pusher, other);
  const otherTenantPresence = await subscriptionError(pusher, otherPresence);
  const authResponse = await fetch(`${api()}/api/broadcasting/auth`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env('TOKEN')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ socket_id: socketId, channel_name: other }),
  });
  const authEndpoint = { status: authResponse.status, body: await authResponse.json().catch(() => null) };
  pusher.disconnect();

  step('HTTP API refusals');
  const wrongSecret = await sdkStatus(server({ secret: 'not-the-secret' }).trigger(own, 'x', { n: 1 }));
  const oversized = await sdkStatus(server().trigger(own, 'big', { blob: 'x'.repeat(11 * 1024) }));
  const withinLimit = await sdkStatus(server().trigger(own, 'fits', { blob: 'x'.repeat(9 * 1024) }));

  step('unknown app key');
  const unknownKey = await rawRefusal('/app/no-such-key?protocol=7');
  const stranger = client(null, { key: 'no-such-key' });
  const strangerError = await next(stranger.connection, 'error');
  stranger.disconnect();
  step('protocol versions');
  const noProtocol = await rawRefusal(`/app/${app().key}`);
  const oldProtocol = await rawRefusal(`/app/${app().key}?protocol=3`);

  step('oversized frame');
  const socket = raw();
  await socket.established();
  socket.send('client-huge', { blob: 'x'.repeat(64 * 1024) }, own);
  const oversizedFrame = await socket.closed;

  return {
    forged, otherTenant, otherTenantPresence, authEndpoint,
    wrongSecret, oversized, withinLimit,
    unknownKey, strangerError, noProtocol, oldProtocol, oversizedFrame,
  };
});
