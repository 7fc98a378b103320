package dev.routeplan.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.routeplan.app.RouteplanApplication;
import dev.routeplan.app.cli.RouteplanCommandLine;
import dev.routeplan.batch.job.PartitionWorker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the scale-out and takeover tests share: a schema of their own on this machine's PostgreSQL (the job
 * repository the manager and the workers share), request and dead-letter queues of their own on its
 * RabbitMQ (127.0.0.1:5672, guest), partition workers started as separate JVMs ({@code routeplan
 * worker} on the test class path), the command line run in this JVM as a manager, and a look at
 * the job repository and the queues. {@link #close()} stops the workers and removes the schema,
 * the queues and the files.
 */
public final class ScaleOutRig implements AutoCloseable {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** The local search's steps per depot: a plan that does not depend on how busy the machine is. */
    static final int SOLVER_STEPS = 3000;
    private static final Path RULES = Path.of("../config/rules").toAbsolutePath().normalize();
    private static final Pattern WORKER_ID = Pattern.compile("worker (\\S+) takes partitions");

    final String schema;
    final String requests;
    final String deadLetters;
    public final Path folder;
    public final JdbcClient jdbc;
    final JobRepository jobRepository;
    private final DataSource dataSource;
    private final CachingConnectionFactory rabbit = new CachingConnectionFactory("127.0.0.1", 5672);
    private final RabbitAdmin admin = new RabbitAdmin(rabbit);
    private final List<Jvm> jvms = new ArrayList<>();
    private final Duration partitionTimeout;

    public ScaleOutRig(Duration partitionTimeout) throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.schema = "routeplan_scale_" + id;
        this.requests = "routeplan.it." + id + ".partitions";
        this.deadLetters = requests + ".dead";
        this.partitionTimeout = partitionTimeout;
        this.folder = Files.createTempDirectory("routeplan-scale-out");
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            // made here, not by the first Flyway of several processes starting at once
            c.createStatement().execute("create schema " + schema);
        }
        this.dataSource = new DriverManagerDataSource(URL + "?currentSchema=" + schema, "postgres", "");
        this.jdbc = JdbcClient.create(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new JdbcTransactionManager(dataSource));
        factory.afterPropertiesSet();
        this.jobRepository = factory.getObject();
    }

    /** The settings every process of the rig gets: database, queues, rule pack, solver steps. */
    public List<String> settings() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + URL + "?currentSchema=" + schema,
                "--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema,
                "--routeplan.rule-pack=" + RULES.resolve("delhi.yaml"), "--routeplan.redis.enabled=false",
                "--routeplan.partitioning.requests=" + requests, "--routeplan.partitioning.dead-letters=" + deadLetters,
                "--routeplan.partitioning.poll-interval=250ms",
                "--routeplan.partitioning.timeout=" + partitionTimeout.toSeconds() + "s",
                "--routeplan.solver.local-search-steps=" + SOLVER_STEPS);
    }

    /** A manager's settings: partitions go to the queue. */
    List<String> remote() {
        return concat(settings(), List.of("--routeplan.partitioning.mode=remote"));
    }

    /**
     * Starts {@code routeplan worker} in a JVM of its own, one partition at a time; {@code overrides}
     * replace settings of the same name. See {@link #awaitReady(Jvm)}.
     */
    Jvm startWorker(String name, String... overrides) throws IOException {
        List<String> worker = concat(settings(), List.of("--routeplan.partitioning.consumers=1",
                "--routeplan.partitioning.worker-port=0"));
        List<String> replaced = Stream.of(overrides).map(ScaleOutRig::key).toList();
        return start(name, concat(List.of("worker"), concat(worker.stream().filter(s -> !replaced.contains(key(s))).toList(),
                List.of(overrides))));
    }

    private static String key(String setting) {
        return setting.substring(0, setting.indexOf('=') + 1);
    }

    /** Starts any command in a JVM of its own (a manager that a test kills), its output in a file. */
    public Jvm start(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=UTC", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                RouteplanApplication.class.getName()));
        command.addAll(args);
        Path log = folder.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Jvm jvm = new Jvm(name, process, log);
        jvms.add(jvm);
        return jvm;
    }

    /** Waits until the worker takes requests, and returns the id it records on its partitions ({@code pid@host}). */
    String awaitReady(Jvm worker) throws Exception {
        await(Duration.ofMinutes(3), () -> WORKER_ID.matcher(worker.output()).find() || !worker.process().isAlive(), worker);
        Matcher id = WORKER_ID.matcher(worker.output());
        assertThat(id.find()).as("%s did not start:%n%s", worker.name(), worker.tail()).isTrue();
        return id.group(1);
    }

    /** Runs a command of the command line in this JVM, as an operator would in a shell. */
    Outcome routeplan(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new RouteplanCommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args.toArray(String[]::new));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    /** A fresh copy of the sample day's files. */
    public Path sampleInput(String name) throws IOException {
        return SampleDay.copySamplesInto(folder.resolve(name));
    }

    /** The executions of the date's nightly job, oldest first. */
    public List<JobExecution> executions(LocalDate date) {
        return jdbc.sql("""
                        select e.job_execution_id from batch_job_execution e
                        join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
                        where p.parameter_name = 'planDate' and p.parameter_value = ? order by e.job_execution_id""")
                .param(date.toString()).query(Long.class).list().stream().map(jobRepository::getJobExecution).toList();
    }

    /** The partitions of one execution's step ({@code optimise}, {@code verify}), by partition name. */
    static List<StepExecution> partitions(JobExecution execution, String step) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().startsWith(step + "Depot:"))
                .sorted(Comparator.comparing(StepExecution::getStepName)).toList();
    }

    static String worker(StepExecution partition) {
        return PartitionWorker.of(partition);
    }

    long messagesIn(String queue) {
        Properties info = admin.getQueueProperties(queue);
        return info == null ? -1 : ((Number) info.get(RabbitAdmin.QUEUE_MESSAGE_COUNT)).longValue();
    }

    RabbitTemplate rabbit() {
        return new RabbitTemplate(rabbit);
    }

    public static void await(Duration limit, BooleanSupplier condition, Object what) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited " + limit + " in vain for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        for (Jvm jvm : jvms) {
            jvm.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        admin.deleteQueue(requests);
        admin.deleteQueue(deadLetters);
        admin.deleteExchange(requests + ".dlx");
        rabbit.destroy();
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            c.createStatement().execute("drop schema if exists " + schema + " cascade");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A command line's exit status and everything it printed. */
    record Outcome(int status, String output) {
    }

    /** A routeplan process of its own, its output in {@code logFile}. */
    public record Jvm(String name, Process process, Path logFile) {

        /** What it has printed so far. */
        public String output() {
            try {
                // leniently: the process may be half-way through a character
                return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        public String tail() {
            List<String> lines = output().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        /** SIGKILL, as a node lost or an OOM kill would end it. */
        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
