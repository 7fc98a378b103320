package dev.routeplan.app.schedule;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Another node of the cluster: a Quartz scheduler made as the application makes its own (same
 * name, properties, database and job factory), with an instance id of its own. Also a scheduler
 * after a restart: it knows only what the job store holds.
 */
final class QuartzNode implements AutoCloseable {

    private final SchedulerFactoryBean factory = new SchedulerFactoryBean();
    final Scheduler scheduler;

    QuartzNode(ApplicationContext context) throws Exception {
        QuartzProperties quartz = context.getBean(QuartzProperties.class);
        Properties properties = new Properties();
        properties.putAll(quartz.getProperties());
        SpringBeanJobFactory jobs = new SpringBeanJobFactory();
        jobs.setApplicationContext(context);
        factory.setSchedulerName(quartz.getSchedulerName());
        factory.setQuartzProperties(properties);
        factory.setDataSource(context.getBean(DataSource.class));
        factory.setTransactionManager(context.getBean(PlatformTransactionManager.class));
        factory.setJobFactory(jobs);
        factory.setApplicationContext(context);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        scheduler = factory.getObject();
    }

    @Override
    public void close() throws Exception {
        factory.destroy();
    }

    /** Records each job this scheduler ran, by its instance id. */
    static final class Runs implements JobListener {

        private final List<String> ran = new CopyOnWriteArrayList<>();

        static Runs on(Scheduler scheduler) throws Exception {
            Runs runs = new Runs();
            scheduler.getListenerManager().addJobListener(runs, GroupMatcher.jobGroupEquals(ScheduleName.GROUP));
            runs.instance = scheduler.getSchedulerInstanceId();
            return runs;
        }

        private String instance;

        List<String> ran() {
            return List.copyOf(ran);
        }

        @Override
        public String getName() {
            return "runs-" + System.identityHashCode(this);
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException jobException) {
            ran.add(instance + " " + context.getJobDetail().getKey().getName());
        }
    }
}
