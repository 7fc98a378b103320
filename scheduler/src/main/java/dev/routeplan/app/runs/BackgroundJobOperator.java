package dev.routeplan.app.runs;

import java.util.List;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A job operator whose starts return at once, the execution created and the job running on a
 * thread of its own: for the API and the schedule. Built here rather than as a bean so that
 * Boot's synchronous {@code jobOperator}, which the command line relies on, stays the only
 * {@link JobOperator} bean. Its threads are not a bean either, so closing the application does
 * not refuse or interrupt them before {@link RunningJobs} has stopped the jobs.
 */
@Component
class BackgroundJobOperator implements DisposableBean {

    private final ThreadPoolTaskExecutor threads;
    private final TaskExecutorJobOperator operator;

    BackgroundJobOperator(JobRepository jobRepository, List<Job> jobs, RunsProperties properties) throws Exception {
        // the registry lets stop() reach a running tasklet that can be stopped
        MapJobRegistry jobRegistry = new MapJobRegistry();
        for (Job job : jobs) {
            jobRegistry.register(job);
        }
        threads = new ThreadPoolTaskExecutor();
        threads.setCorePoolSize(properties.backgroundThreads());
        threads.setMaxPoolSize(properties.backgroundThreads());
        threads.setQueueCapacity(0);
        threads.setThreadNamePrefix("run-");
        threads.initialize();
        operator = new TaskExecutorJobOperator();
        operator.setJobRepository(jobRepository);
        operator.setJobRegistry(jobRegistry);
        operator.setTaskExecutor(threads);
        operator.afterPropertiesSet();
    }

    JobOperator operator() {
        return operator;
    }

    /** Whether every run thread is taken: a start now would be refused by the executor, after its attempt was counted. */
    boolean busy() {
        return threads.getActiveCount() >= threads.getMaxPoolSize();
    }

    @Override
    public void destroy() {
        threads.shutdown();
    }
}
