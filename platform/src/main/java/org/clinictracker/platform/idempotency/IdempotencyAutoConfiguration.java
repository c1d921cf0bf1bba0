package org.clinictracker.platform.idempotency;

import java.time.Clock;

import org.clinictracker.platform.input.RequestBodyProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/** {@code Idempotency-Key} on every service's POSTs (see {@link IdempotencyKeyFilter}). */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties({ IdempotencyProperties.class, RequestBodyProperties.class })
public class IdempotencyAutoConfiguration {

    /** After Spring Security's filter chain (order -100), so the user is known. */
    static final int ORDER = 0;

    @Bean
    IdempotentRequests idempotentRequests(JdbcClient jdbcClient, IdempotencyProperties properties, Clock clock) {
        return new IdempotentRequests(jdbcClient, properties, clock);
    }

    @Bean
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(IdempotentRequests requests,
            TransactionTemplate transactionTemplate, RequestBodyProperties bodyLimit, JsonMapper jsonMapper) {
        FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyKeyFilter(requests, transactionTemplate, bodyLimit, jsonMapper));
        registration.setOrder(ORDER);
        return registration;
    }
}
