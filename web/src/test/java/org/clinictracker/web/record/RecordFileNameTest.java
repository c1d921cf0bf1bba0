package org.clinictracker.web.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RecordFileNameTest {

    private static final UUID PATIENT = UUID.fromString("7ec9ea31-f2e4-45cc-82fb-2ce6d69ead2d");

    private static String recordWithIdentifiers(String identifiers) {
        return """
                {"resourceType":"Bundle","type":"searchset","entry":[
                  {"resource":{"resourceType":"Condition","id":"c1","identifier":[
                    {"system":"https://clinic-tracker.org/fhir/NamingSystem/mrn","value":"NOT-THE-PATIENT"}]}},
                  {"resource":{"resourceType":"Patient","id":"p1","identifier":%s}}]}
                """.formatted(identifiers);
    }

    @Test
    void the_patients_mrn_names_the_file_not_another_identifier_or_resource() {
        String record = recordWithIdentifiers("""
                [{"system":"urn:oid:2.16.840.1.113883.4.1","value":"123-45-6789"},
                 {"system":"https://clinic-tracker.org/fhir/NamingSystem/mrn","value":"CT-000024-0"}]""");

        assertThat(RecordFileName.of(record, PATIENT)).isEqualTo("record-CT-000024-0.json");
    }

    @Test
    void nothing_in_the_record_can_shape_the_header() {
        String record = recordWithIdentifiers("""
                [{"system":"https://clinic-tracker.org/fhir/NamingSystem/mrn","value":"CT-1\\"\\r\\nSet-Cookie: a=b/../ü"}]""");

        assertThat(RecordFileName.of(record, PATIENT)).isEqualTo("record-CT-1Set-Cookieab.json");
    }

    @Test
    void a_record_without_an_mrn_or_not_json_at_all_is_named_by_the_patients_id() {
        String expected = "record-" + PATIENT + ".json";
        assertThat(RecordFileName.of(recordWithIdentifiers("[]"), PATIENT)).isEqualTo(expected);
        assertThat(RecordFileName.of(recordWithIdentifiers("""
                [{"system":"https://clinic-tracker.org/fhir/NamingSystem/mrn","value":"\\u0000 ✓"}]"""), PATIENT))
                .isEqualTo(expected);
        assertThat(RecordFileName.of("{\"resourceType\":\"Bundle\",\"entry\":{\"resource\":42}}", PATIENT)).isEqualTo(expected);
        assertThat(RecordFileName.of("<html>a proxy's page</html>", PATIENT)).isEqualTo(expected);
        assertThat(RecordFileName.of("", PATIENT)).isEqualTo(expected);
    }
}
