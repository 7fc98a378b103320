# syntax=docker/dockerfile:1.7
#
# routeplan service image. Three stages:
#   build    - the Maven wrapper builds scheduler/target/routeplan.jar (and the modules it needs)
#   extract  - Spring Boot's tools jar mode splits the jar into its layers
#   runtime  - JRE 17 only, the layers copied least-changing first, run as uid 1001
#
# Base images are pinned by tag (never `latest`); pin them by digest too (`@sha256:...`) once the
# registry you pull from is fixed, and let dependabot (docker ecosystem) move them.
#
# Build:  docker build -t routeplan:$(git rev-parse --short HEAD) .
# Run:    docker run -p 8080:8080 -e SPRING_PROFILES_ACTIVE=postgres -e ROUTEPLAN_DB_HOST=... routeplan:TAG
# No secret is passed as a build argument or written into a layer: database, Redis, SFTP and mail
# passwords reach the container at run time (compose `.env`, Kubernetes Secret).

ARG JDK_IMAGE=eclipse-temurin:17.0.13_11-jdk-jammy
ARG JRE_IMAGE=eclipse-temurin:17.0.13_11-jre-jammy

########################################################################################### build
FROM ${JDK_IMAGE} AS build
WORKDIR /src

# The wrapper and the POMs first: this layer (and the wrapper's Maven download) stays cached
# while only sources change.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY planning/pom.xml planning/
COPY reports/pom.xml reports/
COPY batch-jobs/pom.xml batch-jobs/
COPY scheduler/pom.xml scheduler/
COPY peers/pom.xml peers/
COPY bench/pom.xml bench/
COPY deployment/pom.xml deployment/

# Sources of the modules the jar is made of, and the folders scheduler's POM packs into the jar
# (sql/ -> db/migration, config/rules -> rules, samples/ -> samples).
COPY planning/src/ planning/src/
COPY reports/src/ reports/src/
COPY batch-jobs/src/ batch-jobs/src/
COPY scheduler/src/ scheduler/src/
COPY sql/ sql/
COPY config/rules/ config/rules/
COPY samples/ samples/

# -pl scheduler -am: the service and what it depends on (planning, reports, batch-jobs), not the
# peers or the benchmark. The Maven repository is a BuildKit cache mount, so it never ends up in a
# layer and is reused between builds. Tests run in CI before the image is built, not here.
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
 && ./mvnw -q -B -DskipTests -pl scheduler -am package \
 && cp scheduler/target/routeplan.jar /tmp/routeplan.jar

######################################################################################### extract
FROM ${JRE_IMAGE} AS extract
WORKDIR /extract
COPY --from=build /tmp/routeplan.jar routeplan.jar
# Boot 3.3+/4 tools jar mode (`java -Djarmode=tools -jar routeplan.jar help extract`):
#   --layers    one folder per layer of BOOT-INF/layers.idx: dependencies, spring-boot-loader,
#               snapshot-dependencies, application (the project's own modules land in application)
#   --launcher  keep Boot's launcher, so the image starts with JarLauncher on the exploded layout
RUN java -Djarmode=tools -jar routeplan.jar extract --layers --launcher --destination layers

######################################################################################### runtime
FROM ${JRE_IMAGE} AS runtime

ARG APP_UID=1001
ARG APP_GID=1001

# Fonts: the PDFs embed Noto Sans and Noto Sans Devanagari from the jar's JasperReports font
# extension, but Java2D (the route map PNGs, text measuring in JasperReports' layout) goes through
# fontconfig and needs system fonts too; fonts-noto-core carries Noto Sans Devanagari, so Hindi
# names measure and fall back correctly. curl is for the HEALTHCHECK only. pgbackrest is for the
# backup CronJob (scripts/backup.sh, k8s/base/backup-cronjobs.yaml); the database host's pgBackRest
# must be the same version (`pgbackrest version` in the image).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core fonts-noto-core curl pgbackrest \
 && fc-cache -f \
 && rm -rf /var/lib/apt/lists/*

# uid/gid 1001, no login shell, no home beyond the application folder.
RUN groupadd --system --gid "${APP_GID}" routeplan \
 && useradd --system --uid "${APP_UID}" --gid routeplan --home-dir /app --shell /usr/sbin/nologin routeplan

# /opt/routeplan: the code, owned by root and read-only to the app.
# /app: the working directory. config/ is baked in (a mount over /app/config replaces it);
# data/ (H2 file, signing key, console users, token spool), out/ (published plans), inbox/
# (serve's default --input) and tmp/ (java.io.tmpdir) are the only writable paths, owned by 1001.
WORKDIR /opt/routeplan
# Least-changing first: a code change rebuilds only the last COPY (the `application` layer).
COPY --from=extract /extract/layers/dependencies/ ./
COPY --from=extract /extract/layers/spring-boot-loader/ ./
COPY --from=extract /extract/layers/snapshot-dependencies/ ./
COPY --from=extract /extract/layers/application/ ./
# the backup CronJob's command
COPY --chown=root:root scripts/backup.sh /opt/routeplan/scripts/backup.sh
COPY --chown=root:root scripts/lib/pgbackrest.sh /opt/routeplan/scripts/lib/pgbackrest.sh

# Only the application's own settings files; nginx, Prometheus, Grafana and Redis configuration
# under config/ belong to the other containers and are kept out of the context (.dockerignore).
COPY --chown=root:root config/rules/ /app/config/rules/
COPY --chown=root:root config/maps/ /app/config/maps/
RUN mkdir -p /app/data /app/out /app/inbox /app/tmp \
 && chown -R "${APP_UID}:${APP_GID}" /app/data /app/out /app/inbox /app/tmp \
 && chmod 0750 /app/data /app/out /app/inbox /app/tmp

WORKDIR /app
# config/ may be replaced by a read-only mount; the writable folders are volumes so that a
# read-only root filesystem (Kubernetes readOnlyRootFilesystem, compose `read_only`) still works.
VOLUME ["/app/data", "/app/out", "/app/inbox", "/app/tmp"]

# Container-aware heap (a share of the memory limit, not of the host); temporary files under
# /app/tmp; headless AWT for the map images. Operators add flags with JAVA_TOOL_OPTIONS.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/app/tmp -Djava.awt.headless=true" \
    ROUTEPLAN_DATA_DIR=/app/data \
    SERVER_PORT=8080

USER 1001:1001
EXPOSE 8080

# Liveness only: readiness (database, schedule, Redis) is for the load balancer, and an unhealthy
# dependency must not get the container restarted. start-period covers Flyway and the solver warm-up.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health/liveness || exit 1

# exec: java is PID 1's child-free replacement, so SIGTERM reaches Spring's graceful shutdown.
# Arguments after the image name replace CMD: `docker run IMAGE run --date 2026-12-01 ...`.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -cp /opt/routeplan org.springframework.boot.loader.launch.JarLauncher \"$@\"", "routeplan"]
CMD ["serve", "--input", "/app/inbox", "--output", "/app/out"]
