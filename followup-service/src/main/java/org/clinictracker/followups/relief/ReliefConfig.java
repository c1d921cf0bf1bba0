package org.clinictracker.followups.relief;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReliefProperties.class)
class ReliefConfig {
}
