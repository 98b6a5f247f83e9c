package com.traidnet.wificore.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code /health}: liveness (the process answers; never touches the database, so a slow
 * database does not get the process restarted). {@code /health/ready}: readiness, which
 * checks the database answers.
 */
@RestController
@Tag(name = "Health")
class HealthController {

    private final JdbcClient sql;

    HealthController(JdbcClient sql) {
        this.sql = sql;
    }

    @GetMapping("/health")
    @Operation(summary = "Liveness")
    Map<String, String> live() {
        return Map.of("status", "UP");
    }

    @GetMapping("/health/ready")
    @Operation(summary = "Readiness: the database answers")
    ResponseEntity<Map<String, Object>> ready() {
        String database;
        try {
            sql.sql("select 1").query(Integer.class).single();
            database = "UP";
        } catch (RuntimeException e) {
            database = "DOWN";
        }
        HttpStatus status = "UP".equals(database) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status).body(Map.of("status", database, "checks", Map.of("database", database)));
    }
}
