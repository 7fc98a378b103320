package dev.routeplan.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import dev.routeplan.app.ops.RequestIdFilter;
import dev.routeplan.app.problems.ApiProblems;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem details, like every other error of the API, with the
 * {@code WWW-Authenticate} header RFC 6750 asks for. The body says what is missing, never why a
 * token failed in detail (that would help an attacker more than a user). Like every problem of the
 * API it carries the {@code requestId}.
 */
@Component
public class ProblemResponses {

    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        bearerChallenge.commence(request, response, cause);
        write(request, response, HttpStatus.UNAUTHORIZED, "a valid bearer token is required");
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException cause)
            throws IOException {
        bearerDenied.handle(request, response, cause);
        write(request, response, HttpStatus.FORBIDDEN, "your roles do not allow this");
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        RequestIdFilter.of(request).ifPresent(id -> problem.setProperty(ApiProblems.REQUEST_ID, id));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
