package io.proxima.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/x", "http://127.8.9.1/x", "http://10.0.0.5/", "http://172.16.3.4/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/", "http://0.0.0.0/",
            "http://[::1]/", "http://[fe80::1]/", "http://[fd00::1]/", "http://localhost/", "http://api.localhost/",
            "http://printer.local/", "http://224.0.0.1/"})
    void internal_addresses_are_refused_unless_allowed(String url) {
        assertThatThrownBy(() -> WebhookUrl.parse(url, false)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("url");
        assertThat(WebhookUrl.parse(url, true).value()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "javascript:alert(1)", "https://user:pw@example.com/", "http:///nohost",
            "not a url", ""})
    void only_plain_http_and_https_urls_with_a_host(String url) {
        assertThatThrownBy(() -> WebhookUrl.parse(url, true)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/proxima", "http://8.8.8.8:8080/x", "https://[2606:4700::1111]/"})
    void public_addresses_pass(String url) {
        assertThat(WebhookUrl.parse(url, false).value()).isEqualTo(url);
    }
}
