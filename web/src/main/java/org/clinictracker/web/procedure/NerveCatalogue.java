package org.clinictracker.web.procedure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.springframework.stereotype.Component;

/** The nerve catalogue's names by code, so a target reads "Superomedial genicular nerve", not its code. */
@Component
public class NerveCatalogue {

    private final ClinicApi api;

    public NerveCatalogue(ClinicApi api) {
        this.api = api;
    }

    /** Code → name; empty when the catalogue cannot be read (the page then shows the codes in words). */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            List<Map<String, Object>> nerves = api.getArray("/api/procedures/catalogue/nerves");
            if (nerves != null) {
                nerves.forEach(nerve -> names.put(String.valueOf(nerve.get("code")), String.valueOf(nerve.get("name"))));
            }
        } catch (ApiProblem unavailable) {
            // names are a nicety: the record itself is still worth showing
        }
        return names;
    }
}
