package com.traidnet.wificore.platform.web;

import com.traidnet.wificore.platform.ProblemResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Errors raised outside MVC (the servlet container rejecting a request, a filter failing)
 * end up at {@code /error}; answer those as problem+json too, without internals.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError() ? "unexpected server error; it has been logged"
                : "the request could not be processed: " + status.getReasonPhrase().toLowerCase();
        ProblemResponses.write(response, status, detail);
    }
}
