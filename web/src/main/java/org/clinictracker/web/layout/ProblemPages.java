package org.clinictracker.web.layout;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.clinictracker.web.api.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page the API would not give (an unknown patient, a service away): the problem page, in the layout, with the
 * API's status. Forms catch their own refusals to show them beside the fields; this is for everything else.
 */
@ControllerAdvice
class ProblemPages {

    private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(problem.status());
        ModelAndView page = new ModelAndView(Htmx.isHtmx(request) ? "error/problem :: banner" : "error/problem");
        page.setStatus(status == null ? HttpStatus.BAD_GATEWAY : status);
        page.addObject("problem", problem);
        page.addObject("user", PageModel.current());
        return page;
    }

    /** An id in the address that is no id (a mistyped or cut-off link): there is no such page, nothing went wrong. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView noSuchPage() {
        ModelAndView page = new ModelAndView("error/404");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("user", PageModel.current());
        return page;
    }

    /**
     * No answer at all from the API (the gateway down, a timeout): for the user the same as a service away, a
     * 503 page that says to try again; the address and the error stay in the log.
     */
    @ExceptionHandler(ResourceAccessException.class)
    ModelAndView noAnswer(ResourceAccessException noAnswer, HttpServletRequest request) {
        log.warn("The clinic's API did not answer: {}", noAnswer.getMessage());
        return problem(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE.value(), Map.of()), request);
    }
}
