package dev.routeplan.app.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, in the logging context ({@code requestId}) and echoed in the
 * {@code X-Request-Id} response header: the caller's own id when it sends a sane one (so a
 * gateway's id follows the call through), else a new UUID. Runs before security, so a refused
 * request's lines carry it too. It is also kept as a request attribute ({@link #of}): the
 * container's error dispatch comes after this filter has left and cleared the logging context,
 * and a problem answered there still names the id.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    // the id is echoed and logged: nothing that could split a header or a log line
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        request.setAttribute(ATTRIBUTE, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The id this filter gave the request (also on the container's error dispatch), else the logging context's. */
    public static Optional<String> of(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return Optional.ofNullable(id instanceof String given ? given : MDC.get(MDC_KEY));
    }
}
