package org.clinictracker.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.util.unit.DataSize;

class RequestBodyLimitTest {

    private final RequestBodyLimit limit = new RequestBodyLimit(new RequestBodyProperties(DataSize.ofBytes(100)));

    @Test
    void a_body_declared_larger_than_the_limit_is_refused_before_reading() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentLength(101);

        assertThatThrownBy(() -> limit.beforeBodyRead(message(new byte[0], headers), null, null, null))
                .isInstanceOfSatisfying(RequestBodyTooLarge.class, ex -> assertThat(ex.limitBytes()).isEqualTo(100));
    }

    @Test
    void a_chunked_body_is_cut_off_once_it_passes_the_limit() throws Exception {
        InputStream body = limit.beforeBodyRead(message(new byte[101], new HttpHeaders()), null, null, null).getBody();

        assertThatThrownBy(body::readAllBytes).isInstanceOf(RequestBodyTooLarge.class);
    }

    @Test
    void a_body_within_the_limit_is_read_whole() throws Exception {
        InputStream body = limit.beforeBodyRead(message(new byte[100], new HttpHeaders()), null, null, null).getBody();

        assertThat(body.readAllBytes()).hasSize(100);
    }

    private static HttpInputMessage message(byte[] content, HttpHeaders headers) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(content);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
