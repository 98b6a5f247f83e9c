package com.traidnet.wificore.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code wificore.backup.*} (environment {@code WIFICORE_BACKUP_*}); only the embedded database
 * is backed up by the platform.
 *
 * @param enabled whether the scheduled backup runs
 * @param cron    when (Spring cron, six fields, UTC); daily at 01:30 by default, before the
 *                partition maintenance at 02:00
 * @param keep    how many of the newest archives stay; older ones are deleted after a successful backup
 */
@ConfigurationProperties("wificore.backup")
record BackupSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 30 1 * * *") String cron,
        @DefaultValue("14") int keep) {

    BackupSettings {
        try {
            CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wificore.backup.cron is not a cron expression (six fields:"
                    + " second minute hour day month weekday): '" + cron + "'", e);
        }
        if (keep < 1) {
            throw new IllegalArgumentException("wificore.backup.keep must be at least 1, not " + keep);
        }
    }
}
