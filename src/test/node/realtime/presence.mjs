// Presence with two staff users of one tenant: each sees the other in the member list,
// the first gets member_added when the second joins and member_removed when it leaves,
// and the `pusher` SDK's GET /channels/{name}/users lists who is there. A user's second
// connection is no new member: the others get no member_added when it joins and no
// member_removed when it leaves (shown by order: an SDK event sent afterwards arrives
// with nothing before it).
// env: WIFICORE_API, WIFICORE_WS_PORT, PUSHER_APP_ID/KEY/SECRET, TENANT_ID, TOKEN, TOKEN_2
import { check, client, connected, env, next, roundTrip, scenario, server, subscribe } from './lib.mjs';

async function users(sdk, name) {
  const response = await sdk.get({ path: `/channels/${name}/users` });
  return (await response.json()).users.map((u) => u.id).sort();
}

await scenario('presence', async (step) => {
  const name = `presence-tenant.${env('TENANT_ID')}.floor`;
  const sdk = server();
  const first = client(env('TOKEN'));
  const second = client(env('TOKEN_2'));
  step('connecting');
  await Promise.all([connected(first), connected(second)]);
  step('first joins');
  const a = await subscribe(first, name);
  const added = next(a.channel, 'pusher:member_added');
  step('second joins');
  const b = await subscribe(second, name);
  step('waiting for member_added');
  const memberAdded = await added;
  const usersWithBoth = await users(sdk, name);
  const occupied = await (await sdk.get({ path: '/channels', params: { filter_by_prefix: 'presence-', info: 'user_count' } })).json();
  const channelInfo = await (await sdk.get({ path: `/channels/${name}`, params: { info: 'user_count,subscription_count' } })).json();
  check(a.channel.members.count === 2, `first client's member list has ${a.channel.members.count} members`);
  const firstSees = { count: a.channel.members.count, ids: Object.keys(a.channel.members.members).sort() };

  step('the first user joins again from a second connection');
  const membership = [];
  b.channel.bind_global((event, data) => {
    if (event === 'pusher:member_added' || event === 'pusher:member_removed' || event === 'probe') {
      membership.push({ event, id: data?.id ?? null });
    }
  });
  const firstAgain = client(env('TOKEN'));
  await connected(firstAgain);
  const again = await subscribe(firstAgain, name);
  const usersWithSecondTab = await users(sdk, name);
  firstAgain.unsubscribe(name);
  await roundTrip(firstAgain);
  firstAgain.disconnect();
  const probed = next(b.channel, 'probe');
  await sdk.trigger(name, 'probe', {});
  await probed;

  const removed = next(a.channel, 'pusher:member_removed');
  step('second leaves');
  second.unsubscribe(name);
  step('waiting for member_removed');
  const memberRemoved = await removed;
  const usersAfter = await users(sdk, name);
  const firstSeesAfter = { count: a.channel.members.count, ids: Object.keys(a.channel.members.members).sort() };
  first.disconnect();
  second.disconnect();
  return {
    channel: name,
    firstJoined: a.members, secondJoined: b.members, firstSees, firstSeesAfter,
    memberAdded, memberRemoved, usersWithBoth, usersAfter,
    secondTab: { joined: again.members, users: usersWithSecondTab, seenBySecond: membership },
    channels: occupied.channels, channelInfo,
  };
});
