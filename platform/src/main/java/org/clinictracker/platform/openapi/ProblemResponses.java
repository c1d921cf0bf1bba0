package org.clinictracker.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.HttpStatus;

/**
 * The refusals a controller method can answer beyond those every operation can (400, 401, 403,
 * 500): e.g. {@code 404} when it looks a record up, {@code 409} on a duplicate, {@code 412}/{@code 428}
 * when it takes {@code If-Match}, {@code 422} when a clinical rule can refuse the request. The API
 * document lists each as an {@code application/problem+json} response.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProblemResponses {

    HttpStatus[] value();
}
