package org.clinictracker.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import org.clinictracker.platform.audit.AuditTrail;
import org.clinictracker.platform.inbox.EventConsumers;
import org.clinictracker.platform.inbox.InboxProperties;
import org.clinictracker.platform.inbox.ProcessedEvents;
import org.clinictracker.platform.input.RequestBodyLimit;
import org.clinictracker.platform.input.RequestBodyProperties;
import org.clinictracker.platform.input.StorableParameters;
import org.clinictracker.platform.input.StorableTextCheck;
import org.clinictracker.platform.input.StrictJsonTypes;
import org.clinictracker.platform.input.VisibleNotBlank;
import org.clinictracker.platform.outbox.EventOutbox;
import org.clinictracker.platform.outbox.OutboxProperties;
import org.clinictracker.platform.outbox.OutboxRelay;
import org.clinictracker.platform.outbox.RelayLock;
import org.clinictracker.platform.outbox.RelayProducer;
import org.clinictracker.platform.problem.ProblemErrorController;
import org.clinictracker.platform.problem.ProblemHandler;
import org.clinictracker.platform.requestid.RequestIdFilter;
import org.clinictracker.platform.security.ClinicResourceServer;
import org.clinictracker.platform.security.ProblemSecurityResponses;
import org.clinictracker.platform.security.RealmRoleConverter;
import org.clinictracker.platform.tracing.TraceParents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.validation.constraints.NotBlank;
import io.micrometer.core.instrument.Metrics;
import tools.jackson.databind.json.JsonMapper;

/** Wires the parts every clinic service shares, so a service only adds its own rules. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class) // our /error answer replaces Boot's
@EnableScheduling
@EnableConfigurationProperties({ OutboxProperties.class, InboxProperties.class, RequestBodyProperties.class })
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

    /** {@code clinic.database.retry-after}: the Retry-After of the 503 while the database cannot be reached. */
    @Bean
    ProblemHandler problemHandler(@Value("${clinic.database.retry-after:5s}") Duration databaseRetryAfter) {
        return new ProblemHandler(databaseRetryAfter);
    }

    @Bean
    ProblemErrorController problemErrorController(@Value("${clinic.database.retry-after:5s}") Duration databaseRetryAfter) {
        return new ProblemErrorController(databaseRetryAfter);
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

    /** Every {@code @NotBlank} means visible text (see {@link VisibleNotBlank}), in place of Hibernate's whitespace check. */
    @Bean
    ValidationConfigurationCustomizer visibleNotBlank() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                ConstraintMapping mapping = hibernate.createConstraintMapping();
                mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false)
                        .validatedBy(VisibleNotBlank.class);
                hibernate.addMapping(mapping);
            }
        };
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

    /** Without Micrometer Tracing's beans (tracing disabled, as in most tests) events carry no trace. */
    @Bean
    TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer current = tracer.getIfAvailable();
        Propagator headers = propagator.getIfAvailable();
        return current == null || headers == null ? TraceParents.NONE : new TraceParents(current, headers);
    }

    @Bean
    EventOutbox eventOutbox(JdbcClient jdbcClient, JsonMapper jsonMapper, TraceParents traceParents) {
        return new EventOutbox(jdbcClient, jsonMapper, traceParents);
    }

    /**
     * The relay's lock lives on a connection opened outside the pool, from the same {@code spring.datasource.*}
     * (one more connection per service instance, none taken from the requests' pool).
     */
    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbcClient, TransactionTemplate transactionTemplate,
            DataSourceProperties dataSourceProperties, KafkaProperties kafkaProperties,
            OutboxProperties outboxProperties, Clock clock, ObjectProvider<MeterRegistry> meterRegistry) {
        SimpleDriverDataSource lockConnections = dataSourceProperties.initializeDataSourceBuilder()
                .type(SimpleDriverDataSource.class).build();
        Properties connection = new Properties();
        connection.setProperty("connectTimeout", "3"); // seconds: a scheduler thread shared with other jobs waits
        lockConnections.setConnectionProperties(connection);
        RelayLock lock = new RelayLock(lockConnections);
        return new OutboxRelay(jdbcClient, transactionTemplate, RelayProducer.template(kafkaProperties.buildProducerProperties()),
                outboxProperties, lock, clock, meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbcClient, Clock clock, InboxProperties inboxProperties) {
        return new ProcessedEvents(jdbcClient, clock, inboxProperties);
    }

    @Bean
    EventConsumers eventConsumers(KafkaProperties kafkaProperties,
            ObjectProvider<ConcurrentKafkaListenerContainerFactoryConfigurer> configurer, InboxProperties inboxProperties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        return new EventConsumers(kafkaProperties, configurer, inboxProperties, meterRegistry);
    }
}
