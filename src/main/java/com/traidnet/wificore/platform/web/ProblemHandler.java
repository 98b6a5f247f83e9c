package com.traidnet.wificore.platform.web;

import com.traidnet.wificore.platform.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * Turns every error that reaches MVC into {@code application/problem+json} with a
 * {@code detail} a client developer can act on. Validation errors list each field.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e) {
        var problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        var headers = new HttpHeaders();
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.fieldMessage())));
        }
        if (e.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return ResponseEntity.status(e.status()).headers(headers).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return apiProblem(ApiProblem.invalidField(e.getName(), "invalid value '" + e.getValue() + "'"));
    }

    @ExceptionHandler({org.springframework.dao.TransientDataAccessException.class,
            org.springframework.jdbc.CannotGetJdbcConnectionException.class})
    ResponseEntity<Object> databaseBusy(DataAccessException e) {
        log.warn("database temporarily unavailable: {}", e.getMostSpecificCause().getMessage());
        return apiProblem(ApiProblem.unavailable("the database is temporarily unavailable; try again"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("request is invalid");
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getAllErrors().stream().map(m -> String.valueOf(m.getDefaultMessage()))
                        .reduce((a, b) -> a + "; " + b).orElse("request is invalid"));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getMostSpecificCause() instanceof BodyTooLargeException tooLarge
                ? tooLarge.getMessage()
                : "malformed JSON request body: " + firstLine(e.getMostSpecificCause().getMessage());
        HttpStatus code = e.getMostSpecificCause() instanceof BodyTooLargeException
                ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(code).body(ProblemDetail.forStatusAndDetail(code, detail));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            org.springframework.web.servlet.resource.NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return apiProblem(new ApiProblem(HttpStatus.NOT_FOUND, "no such endpoint: " + e.getHttpMethod() + " /"
                + e.getResourcePath()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security's entry points answer these
        }
        log.error("unhandled error", e);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "unexpected server error; it has been logged"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
