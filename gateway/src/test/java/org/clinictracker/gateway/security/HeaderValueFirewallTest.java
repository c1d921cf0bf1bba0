package org.clinictracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The gateway's loop accepts exactly the header values Spring's strict firewall accepts. */
class HeaderValueFirewallTest {

    @Test
    void the_loop_agrees_with_springs_rule() {
        List<String> values = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "text/html, */*;q=0.8", "a\tb", "a|b",
                "caf\u00e9 \u6f22\u5b57", "emoji \ud83d\ude00", "lone \ud800 surrogate", "bell \u0007", "null \u0000",
                "del \u007f", "c1 \u0085", "new\nline", "cr\r", "unassigned \u0378", "private use \ue000");
        for (String value : values) {
            assertThat(HeaderValueFirewall.isAllowed(value)).as(value)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value));
        }
        // a header asked for but absent
        assertThat(HeaderValueFirewall.isAllowed(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null));
        assertThat(HeaderValueFirewall.isAllowed("new\nline")).isFalse();
        assertThat(HeaderValueFirewall.isAllowed("a\tb")).isTrue();
    }

    @Test
    void every_character_of_the_basic_plane_is_judged_as_spring_judges_it() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String value = "x" + c;
            assertThat(HeaderValueFirewall.isAllowed(value)).as("U+%04X", (int) c)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value));
        }
    }
}
