package com.traidnet.wificore.radius.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserPasswordTest {

    static final byte[] SECRET = "xyzzy5461".getBytes(StandardCharsets.US_ASCII);
    static final byte[] AUTHENTICATOR = Rfc2865ExamplesTest.hex("0f403f9473978057bd83d5cb98f4227a");

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 31, 32, 33, 100, 127, 128})
    void hidesAndUnhidesPasswordsOfEveryBlockCount(int length) throws RadiusCodecException {
        byte[] password = new byte[length];
        for (int i = 0; i < length; i++) {
            password[i] = (byte) ('a' + i % 26);
        }

        byte[] hidden = UserPassword.hide(password, SECRET, AUTHENTICATOR);

        assertThat(hidden.length).isEqualTo(Math.max(16, (length + 15) / 16 * 16));
        assertThat(UserPassword.unhide(hidden, SECRET, AUTHENTICATOR)).isEqualTo(password);
    }

    @ParameterizedTest
    @ValueSource(ints = {129, 200})
    void refusesPasswordsLongerThan128Octets(int length) {
        assertThatThrownBy(() -> UserPassword.hide(new byte[length], SECRET, AUTHENTICATOR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 15, 17, 144})
    void refusesHiddenValuesThatAreNotWholeBlocksOf16To128(int length) {
        assertThatThrownBy(() -> UserPassword.unhide(new byte[length], SECRET, AUTHENTICATOR))
                .isInstanceOf(RadiusCodecException.class);
    }
}
