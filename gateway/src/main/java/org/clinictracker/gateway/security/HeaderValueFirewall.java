package org.clinictracker.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall, with its rule for header values (only assigned characters, no control
 * characters but tab) checked by a loop instead of its regular expression: the firewall checks a header's value
 * each time anything reads it, and the bearer token alone is over a kilobyte, read several times per request.
 */
@Configuration(proxyBeanMethods = false)
class HeaderValueFirewall {

    @Bean
    ServerWebExchangeFirewall strictFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(HeaderValueFirewall::isAllowed);
        return firewall;
    }

    /** Spring's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}, code point by code point (no value: allowed, as there). */
    static boolean isAllowed(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length();) {
            int c = value.codePointAt(i);
            if (Character.getType(c) == Character.UNASSIGNED || (Character.isISOControl(c) && c != '\t')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
