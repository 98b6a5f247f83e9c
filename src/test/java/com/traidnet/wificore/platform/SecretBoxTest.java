package com.traidnet.wificore.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] PLAIN = "testing123 shared secret".getBytes(StandardCharsets.UTF_8);

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    @Test
    void sealedValuesOpenAgainAndNeverRepeat() {
        var box = new SecretBox(KEY);
        byte[] first = box.seal(PLAIN);
        byte[] second = box.seal(PLAIN);
        assertThat(first).isNotEqualTo(second).hasSize(1 + 12 + PLAIN.length + 16);
        assertThat(first[0]).isEqualTo((byte) 1);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("testing123");
        assertThat(box.open(first)).isEqualTo(PLAIN);
        assertThat(box.open(second)).isEqualTo(PLAIN);
        assertThat(box.open(box.seal(new byte[0]))).isEmpty();
    }

    @Test
    void anyAlteredByteIsRefused() {
        var box = new SecretBox(KEY);
        byte[] sealed = box.seal(PLAIN);
        for (int i = 1; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(SecretBox.SecretUnreadableException.class)
                    .hasMessageContaining("altered or sealed under another key");
        }
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> box.open(otherVersion)).hasMessageContaining("unknown format version 2");
        assertThatThrownBy(() -> box.open(Arrays.copyOf(sealed, 20))).hasMessageContaining("too short");
    }

    @Test
    void anotherKeyCannotOpen() {
        byte[] other = KEY.clone();
        other[31] = 8;
        byte[] sealed = new SecretBox(KEY).seal(PLAIN);
        assertThatThrownBy(() -> new SecretBox(other).open(sealed))
                .isInstanceOf(SecretBox.SecretUnreadableException.class);
    }

    @Test
    void configuredKeyMustBeBase64Of32Bytes(@TempDir Path dir) {
        String base64 = Base64.getEncoder().encodeToString(KEY);
        byte[] sealed = new SecretBox(base64, dir.toString()).seal(PLAIN);
        assertThat(new SecretBox(KEY).open(sealed)).isEqualTo(PLAIN);
        assertThat(dir.resolve("secret.key")).doesNotExist();

        assertThatThrownBy(() -> new SecretBox("not base64!", dir.toString()))
                .hasMessageContaining("WIFICORE_SECRET_KEY").hasMessageContaining("base64");
        assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16]), dir.toString()))
                .hasMessageContaining("32 bytes, not 16");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceAndKeptPrivate(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        byte[] sealed = new SecretBox("", data.toString()).seal(PLAIN);
        Path file = data.resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
        // a restart reads the same key
        assertThat(new SecretBox(null, data.toString()).open(sealed)).isEqualTo(PLAIN);
    }
}
