package org.clinictracker.web.api;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code clinic.web.api-url}: where the web app reaches the clinic's API (the gateway). */
@Validated
@ConfigurationProperties("clinic.web")
public record WebProperties(@NotNull URI apiUrl) {
}
