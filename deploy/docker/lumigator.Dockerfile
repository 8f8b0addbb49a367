# syntax=docker/dockerfile:1
# The Lumigator API and worker: one build, two targets sharing every layer but the last.
# Build from the repository root (this file's .dockerignore keeps target/, .tools/ ... out):
#   docker build -f deploy/docker/lumigator.Dockerfile --target api    -t lumigator-api .
#   docker build -f deploy/docker/lumigator.Dockerfile --target worker -t lumigator-worker .
# Configuration comes from LUMIGATOR_* environment variables at run time (README.md); secrets
# (LUMIGATOR_SECRET_KEY, database and S3 credentials) never go into the image.
ARG MAVEN_IMAGE=maven:3.9.11-eclipse-temurin-17
ARG JRE_IMAGE=eclipse-temurin:17.0.16_8-jre-jammy
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# The web page (api/web), built with Node here: the Maven image has no npm.
FROM ${NODE_IMAGE} AS web
WORKDIR /web
COPY api/web/package.json api/web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY api/web/ ./
RUN LUMIGATOR_WEB_OUT_DIR=/out/ui npm run build

FROM ${MAVEN_IMAGE} AS build
WORKDIR /src
COPY . .
# The page goes into the API jar as a resource (the Maven build's own npm step is skipped).
COPY --from=web /out/ui api/src/main/resources/static/ui
# Tests run in CI (make test), not in the image build; the cache mount keeps ~/.m2 across builds.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Dspotless.check.skip=true -Dlumigator.web.skip=true package \
 && mkdir -p /out \
 && cp api/target/lumigator-api-*-exec.jar /out/lumigator-api.jar \
 && cp workflows/target/lumigator-workflows-*-exec.jar /out/lumigator-worker.jar \
 && cp jobs/target/lumigator-jobs-*-all.jar /out/lumigator-jobs.jar

FROM ${JRE_IMAGE} AS runtime
# curl serves the API's health check only
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 lumigator \
 && useradd --system --uid 10001 --gid lumigator --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin lumigator \
 && mkdir -p /app/data \
 && chown lumigator:lumigator /app/data
WORKDIR /app
COPY --from=build /out/ /app/
# The worker uploads the jobs jar to Ray as each job's working_dir (LUMIGATOR_JOBS_JAR).
ENV LUMIGATOR_DATA_DIR=/app/data \
    LUMIGATOR_JOBS_JAR=/app/lumigator-jobs.jar \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001

# Temporal worker: no port. Which task queues it polls: LUMIGATOR_WORKER_TASK_QUEUES or
# SPRING_PROFILES_ACTIVE=queue-orchestration|queue-ray|queue-io (default: all three).
FROM runtime AS worker
ENTRYPOINT ["java", "-jar", "/app/lumigator-worker.jar"]

# REST API (the default target). "/" answers while the process serves requests;
# /api/v1/health/ also checks the dependencies, so it is not a liveness signal.
FROM runtime AS api
ENV LUMIGATOR_API_ADDRESS=0.0.0.0 \
    LUMIGATOR_API_PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD ["sh", "-c", "curl -fsS -o /dev/null \"http://127.0.0.1:${LUMIGATOR_API_PORT}/\""]
ENTRYPOINT ["java", "-jar", "/app/lumigator-api.jar"]
