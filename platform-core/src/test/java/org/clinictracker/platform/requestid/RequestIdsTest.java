package org.clinictracker.platform.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void a_sane_offered_id_is_kept() {
        assertThat(RequestIds.acceptOrCreate("req-42.a_B")).isEqualTo("req-42.a_B");
        assertThat(RequestIds.acceptOrCreate("x".repeat(64))).isEqualTo("x".repeat(64));
    }

    @Test
    void a_missing_or_insane_id_is_replaced_by_a_uuid() {
        for (String offered : new String[] { null, "", "has space", "x".repeat(65), "new\nline", "a;b", "ümlaut" }) {
            String id = RequestIds.acceptOrCreate(offered);
            assertThat(id).as(String.valueOf(offered)).isNotEqualTo(offered);
            assertThat(UUID.fromString(id)).isNotNull();
        }
    }
}
