# CI's stand-in for eclipse-temurin:17-jre, built from Debian's archive only (see .ci/docker-base-images.sh).
ARG BASE
FROM ${BASE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null \
 && rm -rf /var/lib/apt/lists/*
