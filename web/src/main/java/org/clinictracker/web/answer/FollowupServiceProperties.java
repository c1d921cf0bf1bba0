package org.clinictracker.web.answer;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code clinic.web.followup-service-url}: where the patient's answer page reaches followup-service's public API
 * directly, not through the gateway (the gateway limits {@code /answer} per patient's address; the web app's own
 * calls would all share one address and one bucket).
 */
@Validated
@ConfigurationProperties("clinic.web")
public record FollowupServiceProperties(@NotNull URI followupServiceUrl) {
}
