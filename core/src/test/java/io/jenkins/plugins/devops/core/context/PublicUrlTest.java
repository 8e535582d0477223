package io.jenkins.plugins.devops.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void userInfoQueryAndFragmentAreDropped() {
        assertThat(PublicUrl.of(" HTTPS://admin:s3cret@prometheus.example.com:9090/api?token=abc#top "))
                .isEqualTo("https://prometheus.example.com:9090/api");
    }

    @Test
    void plainUrlsStayAsTheyAre() {
        assertThat(PublicUrl.of("http://prometheus:9090")).isEqualTo("http://prometheus:9090");
        assertThat(PublicUrl.of("file:/var/lib/devops/events.jsonl")).isEqualTo("file:/var/lib/devops/events.jsonl");
    }

    @Test
    void urlWithoutSchemeIsRejectedWithoutRepeatingIt() {
        assertThatThrownBy(() -> PublicUrl.of("ops:hunter2@prometheus:9090"))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("a URL in the context is not http(s) or file; write it as http://host:port/path");
    }

    @Test
    void httpUrlWithoutHostIsRejected() {
        assertThatThrownBy(() -> PublicUrl.of("http:/metrics"))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("a http URL in the context has no host; write it as http://host:port/path");
    }

    @Test
    void malformedUrlIsRejectedWithoutRepeatingIt() {
        assertThatThrownBy(() -> PublicUrl.of("http://user:pa ss@host/"))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageStartingWith("a URL in the context is malformed at index ")
                .hasMessageNotContaining("pa ss");
    }
}
