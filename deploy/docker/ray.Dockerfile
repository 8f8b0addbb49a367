# syntax=docker/dockerfile:1
# Ray with a Java 17 runtime, so Ray can run Lumigator's job programs (`java -jar
# lumigator-jobs.jar ...`; the worker ships the jar with each job as its working_dir).
# GPU nodes: --build-arg RAY_IMAGE=rayproject/ray:2.60.0-py311-gpu
# S3 endpoint and credentials reach job programs through this container's environment
# (LUMIGATOR_S3_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), set at run time.
ARG RAY_IMAGE=rayproject/ray:2.60.0-py311-cpu
FROM ${RAY_IMAGE}
USER 0
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/*
# back to the image's own non-root user ray (uid 1000, group users), as KubeRay expects
USER 1000:100
ENV RAY_USAGE_STATS_ENABLED=0
RUN java -version
