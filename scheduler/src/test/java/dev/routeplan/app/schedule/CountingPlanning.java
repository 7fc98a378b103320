package dev.routeplan.app.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for the nightly planning where a test is about Quartz firing, not about planning:
 * it records the dates it was asked to plan, and takes a moment as a run would.
 */
class CountingPlanning implements NightlyPlanning {

    private final List<LocalDate> planned = new CopyOnWriteArrayList<>();

    @Override
    public void plan(LocalDate planDate) throws InterruptedException {
        planned.add(planDate);
        Thread.sleep(500);
    }

    @Override
    public void resume(LocalDate planDate, Instant firedAt) throws InterruptedException {
        plan(planDate);
    }

    List<LocalDate> planned() {
        return List.copyOf(planned);
    }

    void clear() {
        planned.clear();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        CountingPlanning countingPlanning() {
            return new CountingPlanning();
        }
    }
}
