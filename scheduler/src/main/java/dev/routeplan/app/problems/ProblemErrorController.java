package dev.routeplan.app.problems;

import dev.routeplan.app.ops.RequestIdFilter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error path ({@code /error}) as a problem, in place of Spring Boot's JSON or
 * whitelabel page: what fails outside Spring MVC (a servlet filter's exception, a request the
 * security firewall refuses, a {@code sendError}) reads like every other error of the API. A 500
 * is logged here at ERROR with the request id, and answered with that id only. Only in the
 * service: the other commands run without a web server (and without Boot's error attributes).
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends AbstractErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    ProblemErrorController(ErrorAttributes errorAttributes) {
        super(errorAttributes);
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        String id = RequestIdFilter.of(request).orElse("none");
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem;
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error("request {} {} failed", id, path, error instanceof Throwable cause ? cause : null);
            problem = ApiProblems.internalError(id);
        } else {
            problem = ProblemDetail.forStatus(status);
            problem.setProperty(ApiProblems.REQUEST_ID, id);
        }
        if (path instanceof String uri) {
            try {
                problem.setInstance(URI.create(uri));
            } catch (IllegalArgumentException notAUri) {
                // a path the firewall refused may not even be a URI: the problem goes without it
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
