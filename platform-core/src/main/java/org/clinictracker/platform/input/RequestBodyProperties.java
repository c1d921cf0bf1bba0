package org.clinictracker.platform.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send ({@code clinic.http.*}): the services read no more, and the gateway
 * refuses more before forwarding, so both answer the same 413.
 *
 * @param maxRequestBody the largest JSON body a service reads; the biggest real one (a procedure with
 *                       every note and adverse event filled) is a few tens of kilobytes
 */
@ConfigurationProperties("clinic.http")
public record RequestBodyProperties(@DefaultValue("256KB") DataSize maxRequestBody) {
}
