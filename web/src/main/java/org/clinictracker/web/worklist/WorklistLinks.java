package org.clinictracker.web.worklist;

import java.util.UUID;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The worklist's own links, each keeping what the coordinator narrowed the list to (their own visits, one
 * patient) while changing one thing: the tab, the page, or the narrowing itself.
 */
public record WorklistLinks(WorklistTab tab, boolean mine, UUID patientId, int page) {

    public String tab(WorklistTab other) {
        return link(other, other.listsVisits() && mine, other.listsVisits() ? patientId : null, 0);
    }

    /** The list as it is narrowed now, from its first page: the base of the pager's links. */
    public String firstPage() {
        return link(tab, mine, patientId, 0);
    }

    public String onlyMine() {
        return link(tab, true, patientId, 0);
    }

    public String everyCoordinator() {
        return link(tab, false, patientId, 0);
    }

    public String everyPatient() {
        return link(tab, mine, null, 0);
    }

    private static String link(WorklistTab tab, boolean mine, UUID patientId, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/worklist").queryParam("tab", tab.slug());
        if (mine) {
            link.queryParam("mine", true);
        }
        if (patientId != null) {
            link.queryParam("patientId", patientId);
        }
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.build().toUriString();
    }
}
