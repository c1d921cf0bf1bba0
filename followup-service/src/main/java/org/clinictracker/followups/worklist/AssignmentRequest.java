package org.clinictracker.followups.worklist;

import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who takes a visit: a coordinator's username as Keycloak knows it, or null to take the visit back to the pool.
 * Keycloak's usernames are 3 to 255 characters and it stores them in lower case; these are letters, digits and
 * {@code . _ - @ +} (an e-mail address is a valid username), starting with a letter or digit. The name is
 * compared in lower case, as Keycloak does. The field must be sent, also as null: a misspelt field name must
 * not quietly take a visit from its coordinator.
 */
public record AssignmentRequest(
        @JsonProperty(required = true)
        @Pattern(regexp = AssignmentRequest.USERNAME,
                message = "must be a username: 3 to 255 letters, digits or . _ - @ +, starting with a letter or digit")
        String assignee) {

    static final String USERNAME = "^[A-Za-z0-9][A-Za-z0-9._@+-]{2,254}$";
}
