package dev.routeplan.app.console;

import dev.routeplan.app.security.SecurityProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Sign-in, the start page (the first page the role may open) and the page of a refusal. */
@ConditionalOnWebApplication
@Controller
class ConsoleController {

    private final SecurityProperties security;
    private final ConsoleOidcProperties oidc;

    ConsoleController(SecurityProperties security, ConsoleOidcProperties oidc) {
        this.security = security;
        this.oidc = oidc;
    }

    /** The password form on the embedded default; with an external issuer, a button to that provider instead. */
    @GetMapping(ConsolePages.LOGIN)
    String login(Model model) {
        if (model.getAttribute("me") != null) {
            return "redirect:/";
        }
        if (!security.embedded()) {
            model.addAttribute("provider", oidc.providerName());
            model.addAttribute("providerSignIn", ConsoleOidcSignIn.AUTHORIZATION_PATH);
        }
        return "console/login";
    }

    @GetMapping("/")
    String home(Model model) {
        SignedIn me = (SignedIn) model.getAttribute("me");
        if (me == null || me.pages().isEmpty()) {
            return "redirect:" + ConsolePages.DENIED;
        }
        return "redirect:" + me.pages().get(0).path();
    }

    /** Forwarded to by the console chain when a role may not do what it asked (any method: a refused POST too). */
    @RequestMapping(ConsolePages.DENIED)
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        // a form of a page from before a sign-in (or a forged one) carries no valid token: not a question of roles
        model.addAttribute("staleForm", request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException);
        return "console/denied";
    }
}
