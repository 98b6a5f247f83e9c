// End-to-end encrypted channel: the `pusher` SDK, given the app's encryption master key,
// encrypts (tweetnacl secretbox) an event for private-encrypted-tenant.{id}.{topic};
// pusher-js decrypts it with the shared_secret our auth endpoint returned. The server only
// relays ciphertext. pusher-js's Node build (the package's main) includes tweetnacl;
// 'pusher-js/with-encryption' is the browser build and does not load in Node.
// env: WIFICORE_API, WIFICORE_WS_PORT, PUSHER_APP_ID/KEY/SECRET, TENANT_ID, TOKEN, ENCRYPTION_MASTER_KEY_BASE64
import { client, connected, env, next, scenario, server, subscribe } from './lib.mjs';

await scenario('encrypted', async (step) => {
  const name = `private-encrypted-tenant.${env('TENANT_ID')}.vault`;
  const pusher = client(env('TOKEN'));
  step('connecting');
  await connected(pusher);
  step(`subscribing to ${name}`);
  const { channel } = await subscribe(pusher, name);
  // the frame as it came over the socket, before pusher-js decrypted it: ciphertext only
  const wire = new Promise((resolve) => pusher.connection.bind('message', (m) => {
    if (m.event === 'secret') resolve(m.data);
  }));
  const secret = next(channel, 'secret');
  const sdk = server({ encryptionMasterKeyBase64: env('ENCRYPTION_MASTER_KEY_BASE64') });
  step('trigger');
  const response = await sdk.trigger(name, 'secret', { pin: '4711', note: 'only subscribers can read this' });
  step('waiting for the decrypted event');
  const decrypted = await secret;
  const onTheWire = await wire;
  pusher.disconnect();
  return { channel: name, status: response.status, decrypted, onTheWire };
});
