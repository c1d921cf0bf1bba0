package org.clinictracker.web.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clinictracker.web.api.ApiProblem;
import org.clinictracker.web.api.ClinicApi;
import org.springframework.stereotype.Component;

/**
 * The nerve catalogue ({@code GET /api/procedures/catalogue/nerves}), read as the signed-in user: the whole list for
 * the procedure form's nerve picker, and the names by code so a target reads "Superomedial genicular nerve".
 */
@Component
public class NerveCatalogue {

    static final String PATH = "/api/procedures/catalogue/nerves";

    private final ClinicApi api;

    public NerveCatalogue(ClinicApi api) {
        this.api = api;
    }

    /** The catalogue's entries as the API gives them (code, name, region, levels), in its order. */
    public List<Map<String, Object>> nerves() {
        List<Map<String, Object>> nerves = api.getArray(PATH);
        return nerves == null ? List.of() : nerves;
    }

    /** Code → name; empty when the catalogue cannot be read (a page then shows the codes in words). */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            nerves().forEach(nerve -> names.put(String.valueOf(nerve.get("code")), String.valueOf(nerve.get("name"))));
        } catch (ApiProblem unavailable) {
            // names are a nicety: the record itself is still worth showing
        }
        return names;
    }
}
