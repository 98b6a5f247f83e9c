package com.traidnet.wificore.jobs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The handler beans, by payload class (for enqueueing) and by stored name (for running), and
 * the JSON form of payloads. Our own mapper, not the web one: stored payloads must read back
 * the same whatever the HTTP settings, and a field removed from a record must not make old
 * jobs unreadable.
 */
@Component
class JobHandlers {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<Class<?>, JobHandler<?>> byType = new HashMap<>();
    private final Map<String, JobHandler<?>> byName = new HashMap<>();

    @Autowired
    JobHandlers(ObjectProvider<JobHandler<?>> handlers) {
        this(handlers.orderedStream().toList());
    }

    JobHandlers(List<? extends JobHandler<?>> handlers) {
        for (JobHandler<?> h : handlers) {
            if (byType.put(h.type(), h) != null || byName.put(h.name(), h) != null) {
                throw new IllegalStateException("two job handlers for " + h.type().getName() + " / " + h.name());
            }
            if (!JobsSettings.QUEUE_NAME.matcher(h.queue()).matches()) {
                throw new IllegalStateException(h.getClass().getName() + ": not a queue name: " + h.queue());
            }
        }
    }

    JobHandler<?> forPayload(Record payload) {
        JobHandler<?> handler = byType.get(payload.getClass());
        if (handler == null) {
            throw new IllegalArgumentException("no JobHandler bean for " + payload.getClass().getName());
        }
        return handler;
    }

    /** Queues some handler names as its default: served on every node that has the handler. */
    Set<String> defaultQueues() {
        Set<String> queues = new TreeSet<>();
        byType.values().forEach(h -> queues.add(h.queue()));
        return queues;
    }

    String toJson(Record payload) {
        return JSON.writeValueAsString(payload);
    }

    /** Deserialises the payload and runs its handler; throws what the handler throws. */
    void run(String name, String payload, JobContext context) throws Exception {
        JobHandler<?> handler = byName.get(name);
        if (handler == null) {
            throw new IllegalStateException("no handler for job type " + name + " on this node");
        }
        invoke(handler, payload, context);
    }

    private static <T extends Record> void invoke(JobHandler<T> handler, String payload, JobContext context)
            throws Exception {
        T value = JSON.readValue(payload, handler.type());
        handler.handle(value, context);
    }
}
