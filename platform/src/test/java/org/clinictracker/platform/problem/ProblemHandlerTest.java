package org.clinictracker.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

import org.clinictracker.platform.input.RequestBodyLimit;
import org.clinictracker.platform.input.RequestBodyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

class ProblemHandlerTest {

    @Test
    void a_chunked_body_cut_off_while_jackson_reads_it_is_a_413_problem() throws Exception {
        RequestBodyLimit limit = new RequestBodyLimit(new RequestBodyProperties(DataSize.ofBytes(64)));
        byte[] body = ("{\"notes\":\"" + "x".repeat(500) + "\"}").getBytes();
        InputStream limited = limit.beforeBodyRead(message(body), null, null, null).getBody();
        Throwable jacksonFailure = catchThrowable(() -> JsonMapper.builder().build().readValue(limited, Map.class));

        ResponseEntity<Object> response = new ProblemHandler().handleHttpMessageNotReadable(
                new HttpMessageNotReadableException("I/O error", jacksonFailure, null), new HttpHeaders(),
                HttpStatus.BAD_REQUEST, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(((ProblemDetail) response.getBody()).getProperties()).containsEntry("code", "payload-too-large");
    }

    private static HttpInputMessage message(byte[] content) {
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(content);
            }

            @Override
            public HttpHeaders getHeaders() {
                return new HttpHeaders();
            }
        };
    }
}
