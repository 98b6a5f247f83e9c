package com.traidnet.wificore.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The generated secret key kept in {@code <data dir>/secret.key}: base64 text, so an
 * operator can copy it into {@code WIFICORE_SECRET_KEY}. Created readable by the owner
 * only, and published atomically (hard link of a complete temporary file), so two nodes
 * starting on one data directory end up with the same key, never a half-written one.
 */
final class SecretKeyFile {

    private SecretKeyFile() {
    }

    static byte[] loadOrCreate(Path file) {
        Path path = file.toAbsolutePath().normalize();
        try {
            if (!Files.exists(path)) {
                create(path);
            }
            return SecretBox.decodeKey(Files.readString(path, StandardCharsets.US_ASCII), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + path
                    + " (set WIFICORE_SECRET_KEY or WIFICORE_DATA_DIR): " + e.getMessage(), e);
        }
    }

    private static void create(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(path.getParent(), ".secret.key-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap((Base64.getEncoder().encodeToString(key) + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                out.force(true); // losing this key loses every secret sealed with it
            }
            Files.createLink(path, temp); // fails if another process won the race; then its key is used
        } catch (FileAlreadyExistsException lostRace) {
            // keep the existing key
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
