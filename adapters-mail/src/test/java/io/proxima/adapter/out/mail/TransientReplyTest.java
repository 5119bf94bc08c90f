package io.proxima.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransientReplyTest {

    @Test
    void only_4xx_replies_are_sent_again() {
        assertThat(QuarkusMailerAdapter.transientReply(new IllegalStateException(
                "got error response: 421 Service shutting down and closing transmission channel (socket timeout)"))).isTrue();
        assertThat(QuarkusMailerAdapter.transientReply(new RuntimeException("wrapped",
                new IllegalStateException("got error response: 451 4.3.0 try again later")))).isTrue();
        assertThat(QuarkusMailerAdapter.transientReply(new IllegalStateException("got error response: 550 5.1.1 no such user")))
                .as("a permanent refusal is final").isFalse();
        assertThat(QuarkusMailerAdapter.transientReply(new IllegalStateException("connection refused"))).isFalse();
    }
}
