package com.traidnet.wificore.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link PortUnavailableException} into Spring Boot's short start-up failure report. */
class PortUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<PortUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, PortUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(), "Stop what is listening there, or choose another port with "
                + cause.setting() + " (0 picks any free port).", cause);
    }
}
