package com.traidnet.wificore.billing;

import com.traidnet.wificore.jobs.RecurringJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Billing's recurring jobs. */
@Configuration(proxyBeanMethods = false)
class BillingJobs {

    @Bean
    RecurringJob stuckPaymentsSchedule(BillingSettings settings) {
        return RecurringJob.of("billing.stuck-payments", settings.stuckCron(), new StuckPayments.Sweep());
    }
}
