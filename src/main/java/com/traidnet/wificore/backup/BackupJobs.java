package com.traidnet.wificore.backup;

import com.traidnet.wificore.jobs.JobContext;
import com.traidnet.wificore.jobs.JobHandler;
import com.traidnet.wificore.jobs.JobOptions;
import com.traidnet.wificore.jobs.RecurringJob;
import com.traidnet.wificore.platform.db.EmbeddedBackups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The nightly backup on the job queue: {@code backup.embedded} fires on {@code wificore.backup.cron},
 * once across nodes, and the worker that claims it copies the embedded database
 * ({@link EmbeddedBackups#backup}) and prunes to {@code wificore.backup.keep}. A failed backup
 * leaves no file and is retried by the queue. With an external database the job does nothing:
 * backing that up is the operator's (pg_basebackup, pgBackRest), which it says once.
 */
@Configuration(proxyBeanMethods = false)
class BackupJobs {

    private static final Logger log = LoggerFactory.getLogger(BackupJobs.class);

    /** The schedule's payload: back up the embedded database now. */
    record MakeBackup() {
    }

    @Bean
    @ConditionalOnProperty(name = "wificore.backup.enabled", havingValue = "true", matchIfMissing = true)
    RecurringJob embeddedBackup(BackupSettings settings) {
        return RecurringJob.of("backup.embedded", settings.cron(), new MakeBackup())
                .options(JobOptions.defaults().maxAttempts(3));
    }

    @Bean
    JobHandler<MakeBackup> makeBackupHandler(BackupSettings settings,
                                             @Value("${wificore.db.embedded:false}") boolean embedded,
                                             @Value("${wificore.data.dir:data}") String dataDir) {
        var toldExternal = new AtomicBoolean();
        return new JobHandler<>() {
            @Override
            public Class<MakeBackup> type() {
                return MakeBackup.class;
            }

            @Override
            public void handle(MakeBackup payload, JobContext context) {
                if (!embedded) {
                    if (toldExternal.compareAndSet(false, true)) {
                        log.info("backup: the database is external (WIFICORE_DB_URL); the platform makes no backups"
                                + " of it - use pg_basebackup or pgBackRest with WAL archiving (docs/backup.md)");
                    }
                    return;
                }
                EmbeddedBackups.Result result = EmbeddedBackups.of(Path.of(dataDir)).backup(settings.keep());
                log.info("backup: {} ({} bytes, {} s); {} older deleted (keep={})", result.archive().file(),
                        result.archive().bytes(), String.format(Locale.ROOT, "%.1f", result.took().toMillis() / 1000.0),
                        result.deleted().size(), settings.keep());
            }
        };
    }
}
