package org.clinictracker.web.recording;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.clinictracker.web.api.ApiProblem;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.ModelAndView;

/**
 * How the procedure form is read. Rows are numbered by the browser ({@code targets[3].nerve}): a number far beyond
 * any real form, or a name that is no field, is a hostile post and gets a plain 400 page, never a server error.
 */
@ControllerAdvice(assignableTypes = { RecordingController.class, ProcedureFormPieces.class })
class ProcedureFormBinding {

    /** More rows than any list of the form may have (12 targets, 10 cycles, 20 adverse events), with room to spare. */
    static final int MOST_ROWS = 32;

    @InitBinder("form")
    void rows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MOST_ROWS);
    }

    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView unreadable(InvalidPropertyException ex, HttpServletResponse response) {
        ModelAndView page = new ModelAndView("error/problem");
        page.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
        page.addObject("problem", new ApiProblem(400, Map.of("title", "This form could not be read",
                "detail", "It has more rows than a procedure can have, or fields it does not know. Nothing was saved.")));
        return page;
    }
}
