package dev.routeplan.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages of the navigation not built yet (issue 14 builds the console in steps): each says so
 * and where the API already answers, so every link of the navigation leads somewhere, and each is
 * authorised as its page will be.
 */
@ConditionalOnWebApplication
@Controller
class PagesToCome {

    @GetMapping("/compliance")
    @PreAuthorize("hasRole('COMPLIANCE')")
    String compliance(Model model) {
        return toCome(model, "Compliance", "GET /api/v1/compliance/{date}");
    }

    private static String toCome(Model model, String title, String api) {
        model.addAttribute("title", title);
        model.addAttribute("api", api);
        return "console/to-come";
    }
}
