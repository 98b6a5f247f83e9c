package com.traidnet.wificore.backup;

import com.traidnet.wificore.platform.db.EmbeddedBackups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/**
 * {@code wificore_backup_last_success_seconds}: when the newest archive was made (Unix time), read
 * from the backups directory at each scrape (one directory listing), so it survives restarts and
 * counts backups made with the {@code backup} command too. Absent with an external database; NaN
 * while there is no backup. Alert on {@code time() - wificore_backup_last_success_seconds > 26 * 3600}.
 */
@Component
@ConditionalOnProperty(name = "wificore.db.embedded", havingValue = "true")
class BackupMetrics implements MeterBinder {

    private final EmbeddedBackups backups;

    BackupMetrics(@Value("${wificore.data.dir:data}") String dataDir) {
        this.backups = EmbeddedBackups.of(Path.of(dataDir));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("wificore.backup.last.success", backups,
                        b -> b.lastSuccess().map(i -> (double) i.getEpochSecond()).orElse(Double.NaN))
                .baseUnit("seconds")
                .description("Unix time of the newest backup of the embedded database")
                .register(registry);
    }
}
