package org.clinictracker.web.recording;

import org.clinictracker.web.api.ClinicApi;
import org.springframework.stereotype.Component;

/** Reads the nerve catalogue for the target picker, as the signed-in user. */
@Component
class NerveCatalogue {

    private final ClinicApi api;

    NerveCatalogue(ClinicApi api) {
        this.api = api;
    }

    NerveChoices choices() {
        return NerveChoices.of(api.getArray("/api/procedures/catalogue/nerves"));
    }
}
