package org.clinictracker.platform;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.input.RequestBodyLimit;
import org.clinictracker.platform.input.RequestBodyProperties;
import org.clinictracker.platform.input.StorableParameters;
import org.clinictracker.platform.input.StorableTextCheck;
import org.clinictracker.platform.input.StrictJsonTypes;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.outbox.OutboxProperties;
import org.clinictracker.platform.outbox.OutboxRelay;
import org.clinictracker.platform.problem.ProblemHandler;
import org.clinictracker.platform.requestid.RequestIdFilter;
import org.clinictracker.platform.security.ClinicResourceServer;
import org.clinictracker.platform.security.ProblemSecurityResponses;
import org.clinictracker.platform.security.RealmRoleConverter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

/** Wires the parts every clinic service shares, so a service only adds its own rules. */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties({ OutboxProperties.class, RequestBodyProperties.class })
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    StrictJsonTypes strictJsonTypes() {
        return new StrictJsonTypes();
    }

    @Bean
    RequestBodyLimit requestBodyLimit(RequestBodyProperties properties) {
        return new RequestBodyLimit(properties);
    }

    @Bean
    StorableTextCheck storableTextCheck() {
        return new StorableTextCheck();
    }

    /** Query parameters get the same text check as request bodies. */
    @Bean
    WebMvcConfigurer storableParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new StorableParameters());
            }
        };
    }

    @Bean
    RealmRoleConverter realmRoleConverter() {
        return new RealmRoleConverter();
    }

    @Bean
    ProblemSecurityResponses problemSecurityResponses(JsonMapper jsonMapper) {
        return new ProblemSecurityResponses(jsonMapper);
    }

    @Bean
    ClinicResourceServer clinicResourceServer(RealmRoleConverter converter, ProblemSecurityResponses responses) {
        return new ClinicResourceServer(converter, responses);
    }

    @Bean
    AuditTrail auditTrail(JdbcClient jdbcClient, JdbcTemplate jdbcTemplate, Clock clock) {
        return new AuditTrail(jdbcClient, jdbcTemplate, clock);
    }

    @Bean
    EventOutbox eventOutbox(JdbcClient jdbcClient, JsonMapper jsonMapper) {
        return new EventOutbox(jdbcClient, jsonMapper);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbcClient, TransactionTemplate transactionTemplate,
            KafkaProperties kafkaProperties, OutboxProperties outboxProperties, Clock clock) {
        return new OutboxRelay(jdbcClient, transactionTemplate, outboxKafkaTemplate(kafkaProperties),
                outboxProperties, clock);
    }

    /**
     * The relay's own producer: String keys and values whatever the service's serializers are,
     * idempotent with acks=all, and bounded waits so a dead broker fails a send instead of hanging.
     */
    private static KafkaTemplate<String, String> outboxKafkaTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer()));
    }
}
