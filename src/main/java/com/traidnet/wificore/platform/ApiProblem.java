package com.traidnet.wificore.platform;

import org.springframework.http.HttpStatus;

import java.time.Duration;

/**
 * A client error with a message worth showing: rendered as {@code application/problem+json}
 * with {@code title} from the status and {@code detail} from the message.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String fieldMessage;
    private final Duration retryAfter;

    public ApiProblem(HttpStatus status, String detail) {
        this(status, detail, null, null, null);
    }

    private ApiProblem(HttpStatus status, String detail, String field, String fieldMessage, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
        this.fieldMessage = fieldMessage;
        this.retryAfter = retryAfter;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, what + " not found");
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, detail);
    }

    /** A 409 caused by one request field (a name or number already taken), so a form can show it at that field. */
    public static ApiProblem conflictOn(String field, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, detail, field, detail, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, detail);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, detail);
    }

    /** A 400 that names the offending field, like bean-validation errors do. */
    public static ApiProblem invalidField(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, field + ": " + detail, field, detail, null);
    }

    public static ApiProblem tooManyRequests(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, detail, null, null, retryAfter);
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, detail);
    }

    public HttpStatus status() {
        return status;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    /** What is wrong with {@link #field()}, without the field name, or null. */
    public String fieldMessage() {
        return fieldMessage;
    }

    /** How long the client should wait before retrying, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
