package org.clinictracker.gateway.ratelimit;

import org.clinictracker.gateway.problem.ProblemAnswers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.bucket4j.TimeMeter;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WriteRateLimitProperties.class, PublicRateLimitProperties.class })
class RateLimitConfiguration {

    @Bean
    WriteRateLimits writeRateLimits(WriteRateLimitProperties properties) {
        return new WriteRateLimits(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    @Bean
    WriteRateLimitFilter writeRateLimitFilter(WriteRateLimits limits, ProblemAnswers problems) {
        return new WriteRateLimitFilter(limits, problems);
    }

    @Bean
    ClientAddressLimits clientAddressLimits(PublicRateLimitProperties properties) {
        return new ClientAddressLimits(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    @Bean
    PublicRateLimitFilter publicRateLimitFilter(ClientAddressLimits limits, ProblemAnswers problems) {
        return new PublicRateLimitFilter(limits, problems);
    }
}
