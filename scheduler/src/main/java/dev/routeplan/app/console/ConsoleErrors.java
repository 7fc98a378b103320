package dev.routeplan.app.console;

import dev.routeplan.app.ops.RequestIdFilter;
import dev.routeplan.app.problems.MalformedQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A console page that fails answers a page, not the API's problem JSON: an address it cannot
 * read (a run id that is not a number) is said as such, a bug gives the request id to quote.
 * Ahead of the API's advice, for the console's controllers only; refusals go on to the security
 * chain, which answers them with {@code /denied}.
 */
@ConditionalOnWebApplication
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final ConsoleModel layout;

    ConsoleErrors(ConsoleModel layout) {
        this.layout = layout;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            return null;
        }
        if (e instanceof TypeMismatchException mismatch) {
            String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                    : mismatch.getPropertyName();
            return page(request, HttpStatus.BAD_REQUEST, "Not understood",
                    "The address has " + name + " \"" + mismatch.getValue() + "\", which is not one.");
        }
        if (MalformedQuery.is(e)) {
            return page(request, HttpStatus.BAD_REQUEST, "Not understood", "The address cannot be read: " + MalformedQuery.DETAIL + ".");
        }
        if (e instanceof ErrorResponse answer && answer.getStatusCode().is4xxClientError()) {
            return page(request, answer.getStatusCode(), "Not understood", answer.getBody().getDetail());
        }
        String id = RequestIdFilter.of(request).orElse("none");
        log.error("request {} {} {} failed", id, request.getMethod(), request.getRequestURI(), e);
        return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The console could not show this page. Quote request " + id + " when you report it.");
    }

    private ModelAndView page(HttpServletRequest request, HttpStatusCode status, String title, String detail) {
        ModelAndView page = new ModelAndView("console/problem", status);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        layout.addLayoutTo(page, request, authentication);
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
