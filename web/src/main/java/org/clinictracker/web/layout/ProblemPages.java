package org.clinictracker.web.layout;

import jakarta.servlet.http.HttpServletRequest;

import org.clinictracker.web.api.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page the API would not give (an unknown patient, a service away): the problem page, in the layout, with the
 * API's status. Forms catch their own refusals to show them beside the fields; this is for everything else.
 */
@ControllerAdvice
class ProblemPages {

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(problem.status());
        ModelAndView page = new ModelAndView(Htmx.isHtmx(request) ? "error/problem :: banner" : "error/problem");
        page.setStatus(status == null ? HttpStatus.BAD_GATEWAY : status);
        page.addObject("problem", problem);
        page.addObject("user", PageModel.current());
        return page;
    }
}
