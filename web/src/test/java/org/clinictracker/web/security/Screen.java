package org.clinictracker.web.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.http.HttpMethod;

/** One row of the expected role table: a request to a screen and the roles that may open it. */
record Screen(HttpMethod method, String path, Set<ClinicRole> allowed) {

    static Screen get(String path, ClinicRole... allowed) {
        return new Screen(HttpMethod.GET, path, allowed.length == 0 ? Set.of() : EnumSet.of(allowed[0], allowed));
    }

    static Screen post(String path, ClinicRole... allowed) {
        return new Screen(HttpMethod.POST, path, allowed.length == 0 ? Set.of() : EnumSet.of(allowed[0], allowed));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
