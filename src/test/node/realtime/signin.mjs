// User authentication: pusher-js signin() through /api/broadcasting/user-auth; the server
// answers pusher:signin_success and pusher-js subscribes its #server-to-user- channel; the
// `pusher` SDK's sendToUser reaches it; terminateUserConnections closes the connection with
// a 4000-4099 code, after which pusher-js does not reconnect by itself.
// env: WIFICORE_API, WIFICORE_WS_PORT, PUSHER_APP_ID/KEY/SECRET, TOKEN
import { client, connected, env, next, scenario, server } from './lib.mjs';

await scenario('signin', async (step) => {
  const pusher = client(env('TOKEN'));
  step('connecting');
  await connected(pusher);
  const signedIn = new Promise((resolve) => pusher.connection.bind('message', (m) => {
    if (m.event === 'pusher:signin_success') resolve(JSON.parse(m.data.user_data));
  }));
  step('signin');
  pusher.signin();
  const user = await signedIn;
  step('waiting for the #server-to-user- subscription');
  await pusher.user.signinDonePromise;
  const own = pusher.user.serverToUserChannel;
  if (!own.subscribed) await next(own, 'pusher:subscription_succeeded');
  const notice = next(pusher.user, 'notice');
  const sdk = server();
  step('sendToUser');
  const sent = await sdk.sendToUser(user.id, 'notice', { text: 'for you only' });
  const received = await notice;
  const closed = next(pusher.connection, 'error');
  step('terminateUserConnections');
  const terminated = await sdk.terminateUserConnections(user.id);
  const closeError = await closed;
  const state = pusher.connection.state;
  pusher.disconnect();
  return { user, sendStatus: sent.status, received, terminateStatus: terminated.status, closeError, state };
});
