package com.traidnet.wificore.realtime.channels;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A delivery's frame, encoded once for all subscribers, is byte for byte what Netty's server encoder makes. */
class TextFrameTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 10_240, 65_535, 65_536, 70_000})
    void sameBytesAsNettysEncoder(int length) {
        byte[] payload = new byte[length];
        new Random(length).nextBytes(payload);

        ByteBuf ours = LocalChannels.textFrame(payload);
        EmbeddedChannel netty = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
        netty.writeOutbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(payload)));
        var expected = new ByteArrayOutputStream();
        for (ByteBuf part; (part = netty.readOutbound()) != null; part.release()) {
            expected.writeBytes(ByteBufUtil.getBytes(part));
        }
        try {
            assertThat(ByteBufUtil.getBytes(ours)).isEqualTo(expected.toByteArray());
        } finally {
            ours.release();
            netty.finishAndReleaseAll();
        }
    }
}
