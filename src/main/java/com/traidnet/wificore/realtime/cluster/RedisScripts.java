package com.traidnet.wificore.realtime.cluster;

/**
 * The Lua scripts that keep cluster-wide counts consistent with each node's share: every
 * change to a channel's totals and to the node's own record of it happens in one script, so
 * a node's death can be undone exactly. Key and field layout: {@link RedisKeys}. The sweep
 * scripts build per-channel keys from a dead node's fields (not declared in KEYS): fine on a
 * single Redis or primary/replica, not on Redis Cluster.
 */
final class RedisScripts {

    private RedisScripts() {
    }

    /**
     * KEYS: app subs, node subs. ARGV: channel, node field, and how many (1 unless a node restates
     * its share). Returns the cluster count after.
     */
    static final LuaScript SUBSCRIBE = LuaScript.of("""
            local n = tonumber(ARGV[3] or '1')
            redis.call('HINCRBY', KEYS[2], ARGV[2], n)
            return redis.call('HINCRBY', KEYS[1], ARGV[1], n)
            """);

    /**
     * As {@link #SUBSCRIBE}. Takes back only what this node counted, so a count never falls
     * below what the live nodes hold (e.g. after this node was swept as dead by mistake).
     */
    static final LuaScript UNSUBSCRIBE = LuaScript.of("""
            local mine = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')
            if mine <= 0 then return tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') end
            if mine == 1 then redis.call('HDEL', KEYS[2], ARGV[2]) else redis.call('HINCRBY', KEYS[2], ARGV[2], -1) end
            local n = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
            if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) return 0 end
            return n
            """);

    /**
     * KEYS: sockets, conns, app users, node presence. ARGV: socket field, socket value, user id,
     * channel, node presence field. Returns 1 when it is the user's first connection anywhere.
     * A socket joins a channel once (the server refuses a second subscription); a repeat is ignored.
     */
    static final LuaScript JOIN = LuaScript.of("""
            if redis.call('HEXISTS', KEYS[4], ARGV[5]) == 1 then return 0 end
            redis.call('HSET', KEYS[4], ARGV[5], ARGV[3])
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            if redis.call('HINCRBY', KEYS[2], ARGV[3], 1) > 1 then return 0 end
            redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
            return 1
            """);

    /** KEYS as {@link #JOIN}. ARGV: socket field, user id, channel, node presence field. 1 = user's last connection. */
    static final LuaScript LEAVE = LuaScript.of("""
            if redis.call('HGET', KEYS[4], ARGV[4]) ~= ARGV[2] then return 0 end
            redis.call('HDEL', KEYS[4], ARGV[4])
            redis.call('HDEL', KEYS[1], ARGV[1])
            if redis.call('HINCRBY', KEYS[2], ARGV[2], -1) > 0 then return 0 end
            redis.call('HDEL', KEYS[2], ARGV[2])
            if redis.call('HINCRBY', KEYS[3], ARGV[3], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[3]) end
            return 1
            """);

    /** KEYS: app subs, app users. ARGV: channel. Returns {subscriptions, users}. */
    static final LuaScript CHANNEL = LuaScript.of("""
            return {tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0'),
                    tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')}
            """);

    // The sweeps: ARGV = prefix, node id, escaped node id, cutoff (ms), fields of the node's hash...
    // They stop ({0}) when the node has heartbeated after the cutoff: it is alive after all.
    // Each field is handled only if still there, so two sweepers never undo the same thing twice.
    private static final String ALIVE_CHECK = """
            local seen = redis.call('ZSCORE', KEYS[1], ARGV[2])
            if seen and tonumber(seen) >= tonumber(ARGV[4]) then return {0} end
            local out = {1}
            """;

    /** KEYS: nodes, node subs. Returns {1, app, channel, ...} for channels whose count fell to 0. */
    static final LuaScript SWEEP_SUBSCRIPTIONS = LuaScript.of(ALIVE_CHECK + """
            for i = 5, #ARGV do
              local held = redis.call('HGET', KEYS[2], ARGV[i])
              if held then
                redis.call('HDEL', KEYS[2], ARGV[i])
                local app, channel = string.match(ARGV[i], '^([^:]*):(.*)$')
                local subs = ARGV[1] .. 'app:' .. app .. ':subs'
                if redis.call('HINCRBY', subs, channel, -tonumber(held)) <= 0 then
                  redis.call('HDEL', subs, channel)
                  out[#out + 1] = app
                  out[#out + 1] = channel
                end
              end
            end
            return out
            """);

    /** KEYS: nodes, node presence. Returns {1, app, channel, user, ...} for users whose last connection it was. */
    static final LuaScript SWEEP_PRESENCE = LuaScript.of(ALIVE_CHECK + """
            for i = 5, #ARGV do
              local user = redis.call('HGET', KEYS[2], ARGV[i])
              if user then
                redis.call('HDEL', KEYS[2], ARGV[i])
                local app, channel, socket = string.match(ARGV[i], '^([^:]*):([^:]*):(.*)$')
                local base = ARGV[1] .. 'app:' .. app .. ':pr:' .. channel
                redis.call('HDEL', base .. ':sockets', ARGV[3] .. ':' .. socket)
                if redis.call('HINCRBY', base .. ':conns', user, -1) <= 0 then
                  redis.call('HDEL', base .. ':conns', user)
                  local users = ARGV[1] .. 'app:' .. app .. ':users'
                  if redis.call('HINCRBY', users, channel, -1) <= 0 then redis.call('HDEL', users, channel) end
                  out[#out + 1] = app
                  out[#out + 1] = channel
                  out[#out + 1] = user
                end
              end
            end
            return out
            """);

    /**
     * KEYS: nodes, node subs, node presence. ARGV: node id, cutoff. Drops the node's liveness
     * entry once nothing of it is left (1), so its state is never orphaned without an entry.
     */
    static final LuaScript FORGET_NODE = LuaScript.of("""
            local seen = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if seen and tonumber(seen) >= tonumber(ARGV[2]) then return 0 end
            if redis.call('EXISTS', KEYS[2], KEYS[3]) > 0 then return 0 end
            redis.call('ZREM', KEYS[1], ARGV[1])
            return 1
            """);

    /** KEYS: lock. ARGV: holder. Releases the lock only if this node still holds it. */
    static final LuaScript UNLOCK = LuaScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """);
}
