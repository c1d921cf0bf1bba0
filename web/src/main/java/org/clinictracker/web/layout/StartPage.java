package org.clinictracker.web.layout;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** "/" (where the sign-in lands) opens the screen of the user's main job. */
@Controller
class StartPage {

    @GetMapping("/")
    String start() {
        return "redirect:" + PageModel.current().startPage();
    }
}
