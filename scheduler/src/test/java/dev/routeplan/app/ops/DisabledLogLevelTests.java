package dev.routeplan.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Spring and Spring Security log through Commons Logging with messages that render lazily
 * ({@code LogMessage}). Commons Logging 1.3's own SLF4J adapter renders them before it checks the
 * level, which cost every API request a few percent of its CPU in debug messages nobody sees; the
 * service file {@code META-INF/services/org.apache.commons.logging.LogFactory} picks the Log4j API
 * adapter (bridged to SLF4J by log4j-to-slf4j), which checks first.
 */
class DisabledLogLevelTests {

    @Test
    void doesNotRenderADebugMessageWhenDebugIsOff() {
        String name = "org.springframework.security.example";
        ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        Log log = LogFactory.getLog(name);
        AtomicInteger rendered = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "a debug message";
            }
        };

        log.debug(message);
        log.trace(message);

        assertThat(log.isDebugEnabled()).isFalse();
        assertThat(rendered).hasValue(0);
    }
}
