/**
 * Scheduled backups of the embedded PostgreSQL: the {@code backup.embedded} recurring job
 * ({@code wificore.backup.*}), its retention and the {@code wificore_backup_last_success_seconds}
 * gauge. The backup and restore themselves are
 * {@link com.traidnet.wificore.platform.db.EmbeddedBackups}; the {@code backup} and
 * {@code restore} commands run without Spring (platform's launcher). See docs/backup.md.
 */
package com.traidnet.wificore.backup;
