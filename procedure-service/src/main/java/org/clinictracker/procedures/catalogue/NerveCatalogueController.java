package org.clinictracker.procedures.catalogue;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The nerve catalogue the procedure form offers ({@code targets[].nerve}). Reference data with no
 * patient in it, so it is not audited.
 */
@Tag(name = "Catalogue", description = "Reference data for the procedure form")
@RestController
class NerveCatalogueController {

    private static final List<CatalogueNerve> CATALOGUE = Arrays.stream(TargetNerve.values())
            .map(CatalogueNerve::of)
            .toList();

    @Operation(summary = "The target nerves a procedure can name", operationId = "listNerves")
    @GetMapping("/api/procedures/catalogue/nerves")
    List<CatalogueNerve> nerves() {
        return CATALOGUE;
    }

    /**
     * One catalogue entry. {@code levels} is written even when null, meaning "no level needed":
     * the service otherwise leaves nulls out, and the API promises the field on every entry.
     */
    record CatalogueNerve(String code, String name, BodyRegion region,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> levels) {

        static CatalogueNerve of(TargetNerve nerve) {
            return new CatalogueNerve(nerve.name(), nerve.displayName(), nerve.region(), nerve.levels());
        }
    }
}
