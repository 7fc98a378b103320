package dev.routeplan.app.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every console page's layout needs: who is signed in ({@code me}), the time formatter
 * ({@code times}, Asia/Kolkata), the health banner's warnings ({@code health}) and the CSRF token as htmx sends it ({@code csrfHeaders}, the
 * body's {@code hx-headers}).
 */
@ConditionalOnWebApplication
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private static final ConsoleTimes TIMES = new ConsoleTimes();

    private final RoleHierarchy roleHierarchy;
    private final HealthBanner banner;
    private final JsonMapper json = JsonMapper.builder().build();

    ConsoleModel(RoleHierarchy roleHierarchy, HealthBanner banner) {
        this.roleHierarchy = roleHierarchy;
        this.banner = banner;
    }

    @ModelAttribute("me")
    SignedIn me(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return SignedIn.of(authentication, roleHierarchy);
    }

    /** The health banner's warnings, for someone signed in (the sign-in page tells nobody what is down). */
    @ModelAttribute("health")
    List<String> health(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return List.of();
        }
        return banner.warnings();
    }

    /** The page's path, for the navigation's {@code aria-current}. */
    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("times")
    ConsoleTimes times() {
        return TIMES;
    }

    /** The same attributes for a page rendered where {@code @ModelAttribute} methods are not called (an exception handler's). */
    void addLayoutTo(ModelAndView page, HttpServletRequest request, Authentication authentication) {
        page.addObject("me", me(authentication));
        page.addObject("health", health(authentication));
        page.addObject("path", path(request));
        page.addObject("times", times());
        page.addObject("csrfHeaders", csrfHeaders(request));
    }

    @ModelAttribute("csrfHeaders")
    String csrfHeaders(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return "{}";
        }
        return json.writeValueAsString(Map.of(token.getHeaderName(), token.getToken()));
    }
}
