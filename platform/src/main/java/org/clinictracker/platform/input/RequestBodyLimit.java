package org.clinictracker.platform.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Reads no request body beyond {@code clinic.http.max-request-body}: a declared length over the limit
 * is refused before reading, and a chunked body is cut off once it passes it, so a multi-megabyte
 * body costs neither memory nor a 500, but gets a 413 problem.
 */
@ControllerAdvice
public class RequestBodyLimit extends RequestBodyAdviceAdapter {

    private final long maxBytes;

    public RequestBodyLimit(RequestBodyProperties properties) {
        this.maxBytes = properties.maxRequestBody().toBytes();
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        if (message.getHeaders().getContentLength() > maxBytes) {
            throw new RequestBodyTooLarge(maxBytes);
        }
        InputStream limited = new LimitedInputStream(message.getBody(), maxBytes);
        HttpHeaders headers = message.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return limited;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    private static final class LimitedInputStream extends FilterInputStream {

        private final long maxBytes;
        private long read;

        LimitedInputStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLarge {
            read += n;
            if (read > maxBytes) {
                throw new RequestBodyTooLarge(maxBytes);
            }
        }
    }
}
