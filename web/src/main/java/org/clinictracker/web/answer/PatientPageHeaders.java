package org.clinictracker.web.answer;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer on the patient's page, refusals and errors too: never kept by the browser or a shared device's cache
 * (a tablet in the waiting room), and never naming the page (its address holds the link's token) to another site or
 * to the stylesheet's request.
 */
@Configuration(proxyBeanMethods = false)
class PatientPageHeaders {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> notKeptNotReferred() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("X-Robots-Tag", "noindex");
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/answer", "/answer/*");
        registration.setName("patientPageHeaders");
        return registration;
    }
}
