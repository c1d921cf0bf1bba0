package org.clinictracker.followups.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.clinictracker.vocabulary.Modality;
import org.junit.jupiter.api.Test;

/** bench/reports.sh measures the service's own statements: the script is made from them, not copied. */
class ReportStatementsTest {

    private static final ReportScope CRYO_LAST_YEAR = new ReportScope(Modality.CRYONEUROLYSIS, null, null,
            LocalDate.of(2025, 11, 26), LocalDate.of(2026, 11, 26));

    @Test
    void the_pgbench_script_is_the_reports_transaction_with_the_services_statements_and_parameters() {
        String script = ReportStatements.script(CRYO_LAST_YEAR, false);

        assertThat(script).startsWith("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n"
                + String.join(";\n", ReportedProcedures.SETTINGS) + ";\n").endsWith("\nCOMMIT;\n");
        Map<String, String> statements = ReportedProcedures.statements(CRYO_LAST_YEAR, new HashMap<>());
        assertThat(statements).hasSize(3);
        statements.values().forEach(sql -> assertThat(script).contains("\n" + sql + ";\n"));
        assertThat(script).contains(":today", ":from", ":to", ":modality")
                .contains("coalesce(k.modality, p.modality) = :modality")
                .doesNotContain("\\echo").doesNotContain(":explain").doesNotContain(":'");
    }

    @Test
    void the_psql_script_names_each_statement_for_explain_and_quotes_the_variables_not_the_casts() {
        String script = ReportStatements.script(ReportStatements.scope(Map.of("from", "2025-11-26", "nerve", "SURAL")),
                true);

        assertThat(script).startsWith("\\set ON_ERROR_STOP on\n")
                .contains("\n\\echo '-- " + ReportedProcedures.CELLS_NAME + "'\n:explain\nWITH reported AS")
                .contains("p.performed_on >= :'from'", "CAST(:'nerve' AS text)", "< :'today'", "::float8")
                .doesNotContain(":to ").doesNotContain("::'");
    }
}
