package dev.routeplan.app.problems;

import dev.routeplan.app.ops.RequestIdFilter;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.databind.DatabindException;

/**
 * Every error of the API as an RFC 9457 problem ({@code application/problem+json}). Spring's
 * {@link ResponseEntityExceptionHandler} answers what Spring MVC itself refuses (404 for a path
 * nothing serves, 405, 406, 415, 400 for a body or parameter that cannot be read); here a 400 names
 * the {@code field} where one is known, and in words a caller can act on rather than in the
 * converter's. Anything else is a bug: 500, logged at ERROR with the request id, and answered with
 * that id only, never the exception's class or message (those can carry SQL, paths or hosts).
 * Every problem written through Spring MVC carries the {@code requestId} (this class is also the
 * response body advice that adds it), so a caller can quote it and operations find the log lines.
 * Security's 401, 403 and 429 are written by {@code ProblemResponses}, the container's error path by
 * {@link ProblemErrorController}, alike.
 */
@ConditionalOnWebApplication
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler implements ResponseBodyAdvice<Object> {

    /** The problem property that carries the request id (the {@code X-Request-Id} header's value). */
    public static final String REQUEST_ID = "requestId";
    /** The problem property that names the request field at fault. */
    public static final String FIELD = "field";

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** A bug: nothing the caller did, nothing of it in the answer but the id to quote. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            // rethrown as it is, Spring MVC passes it on to the security chain, whose handlers answer 401 and 403
            throw e;
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the caller went away (a download or stream cut off): nobody to answer, nothing to alarm anyone
            log.debug("request {}: client went away", requestId(request));
            return null;
        }
        if (MalformedQuery.is(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, MalformedQuery.DETAIL);
            problem.setProperty(REQUEST_ID, requestId(request));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String id = requestId(request);
        log.error("request {} {} {} failed", id, request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(internalError(id));
    }

    /** The 500 problem: the same here and on the container's error path. */
    static ProblemDetail internalError(String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the service could not answer this request; quote the requestId when reporting it");
        problem.setProperty(REQUEST_ID, requestId);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        return badField(e, field, (field == null ? "a value" : field) + " must be " + expected(e.getRequiredType()),
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return badField(e, e.getParameterName(), e.getParameterName() + " is required", headers, status, request);
    }

    /** A body that is not JSON, or a field of the wrong type: named from Jackson's path. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()
                ? databind.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[")
                : null;
        return badField(e, field, field == null ? "the body is not the JSON this call takes" : field + " has the wrong type",
                headers, status, request);
    }

    /** Spring's own detail speaks of a "static resource"; a caller of the API asked for a path. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "nothing is served at /" + e.getResourcePath());
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private ResponseEntity<Object> badField(Exception e, String field, String detail, HttpHeaders headers,
                                            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty(FIELD, field);
        }
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** What a parameter of this type looks like, in the words of the API's documentation. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Set.of(int.class, long.class, short.class, Integer.class, Long.class, Short.class).contains(type)) {
            return "a whole number";
        }
        if (Set.of(double.class, float.class, Double.class, Float.class).contains(type)) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-12-01";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a time like 2026-12-01T00:00:00Z";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        return "of another type";
    }

    // ResponseBodyAdvice: the request id on every problem Spring MVC writes, the controllers' own included

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet
                && (problem.getProperties() == null || !problem.getProperties().containsKey(REQUEST_ID))) {
            RequestIdFilter.of(servlet.getServletRequest()).ifPresent(id -> problem.setProperty(REQUEST_ID, id));
        }
        return body;
    }

    private static String requestId(ServletRequest request) {
        return RequestIdFilter.of(request).orElse("none");
    }
}
