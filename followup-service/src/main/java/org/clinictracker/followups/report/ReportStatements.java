package org.clinictracker.followups.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.clinictracker.vocabulary.Indication;
import org.clinictracker.vocabulary.Modality;

/**
 * The outcome report's statements as one psql/pgbench script, for bench/reports.sh: made from
 * {@link ReportedProcedures}' own SQL, so the benchmark's reference measures what the service runs and no copy
 * can drift from it. From the built jar (no Spring context starts):
 * <pre>
 * java -cp followup-service.jar -Dloader.main=org.clinictracker.followups.report.ReportStatements \
 *      org.springframework.boot.loader.launch.PropertiesLauncher pgbench|psql [from=… to=… modality=… ...]
 * </pre>
 * The filters present are the report's query parameters; each statement keeps the service's named parameters
 * ({@code :today}, {@code :from}, ...), which pgbench binds from its {@code -D} variables; for psql they become
 * quoted literals ({@code :'from'}, from {@code -v}). Each statement is preceded by {@code \echo '-- name'} (read by
 * bench/explain-summary.awk) and a line {@code :explain} (the EXPLAIN prefix), both only in the psql style.
 */
public final class ReportStatements {

    private ReportStatements() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !(args[0].equals("pgbench") || args[0].equals("psql"))) {
            System.err.println("usage: ReportStatements pgbench|psql [name=value ...]");
            System.exit(2);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq > 0 && eq < args[i].length() - 1) {
                values.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
        }
        System.out.print(script(scope(values), args[0].equals("psql")));
    }

    static ReportScope scope(Map<String, String> values) {
        return new ReportScope(values.containsKey("modality") ? Modality.valueOf(values.get("modality")) : null,
                values.containsKey("indication") ? Indication.valueOf(values.get("indication")) : null,
                values.get("nerve"), values.containsKey("from") ? LocalDate.parse(values.get("from")) : null,
                values.containsKey("to") ? LocalDate.parse(values.get("to")) : null);
    }

    /** The report's transaction: its settings, then its three statements as {@link ReportedProcedures} runs them. */
    static String script(ReportScope scope, boolean psql) {
        Map<String, String> statements = new LinkedHashMap<>();
        ReportedProcedures.statements(scope, new HashMap<>())
                .forEach((name, sql) -> statements.put(name, psql ? quoted(sql) : sql));
        StringBuilder script = new StringBuilder();
        if (psql) {
            script.append("\\set ON_ERROR_STOP on\n\\pset footer off\n\\timing off\n");
        }
        script.append("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n");
        for (String setting : ReportedProcedures.SETTINGS) {
            script.append(setting).append(";\n");
        }
        statements.forEach((name, sql) -> {
            if (psql) {
                script.append("\n\\echo '-- ").append(name).append("'\n:explain\n");
            } else {
                script.append('\n');
            }
            script.append(sql).append(";\n");
        });
        return script.append("\nCOMMIT;\n").toString();
    }

    /** psql's quoted variables: {@code :from} → {@code :'from'} (casts such as {@code ::float8} stay). */
    static String quoted(String sql) {
        return sql.replaceAll("(?<!:):(today|from|to|modality|indication|nerve)\\b", ":'$1'");
    }
}
