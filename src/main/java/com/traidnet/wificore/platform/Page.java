package com.traidnet.wificore.platform;

import java.util.List;

/**
 * One page of a list. {@code hasMore} comes from fetching one row past the page, so no
 * list endpoint needs a {@code count(*)} over a large table.
 */
public record Page<T>(List<T> items, int page, int size, boolean hasMore) {

    public static final int MAX_SIZE = 200;

    public static Request request(int page, int size) {
        if (page < 0) {
            throw ApiProblem.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiProblem.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Request(page, size);
    }

    /** Pagination parameters; query with {@link #offset()} and {@link #limit()} (one extra row). */
    public record Request(int page, int size) {
        public int offset() {
            return page * size;
        }

        public int limit() {
            return size + 1;
        }

        public <T> Page<T> of(List<T> fetched) {
            boolean more = fetched.size() > size;
            return new Page<>(more ? fetched.subList(0, size) : fetched, page, size, more);
        }
    }
}
