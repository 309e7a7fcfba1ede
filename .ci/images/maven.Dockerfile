# CI's stand-in for maven:3.9-eclipse-temurin-17, built from Debian's archive only (see .ci/docker-base-images.sh).
# On top of the JRE image (BASE=onair-ci/jre:17): the JDK adds to the JRE already there, not a second download.
ARG BASE
FROM ${BASE}
# The machine's extra CA certificates (update-ca-certificates' /usr/local/share/ca-certificates): the way out to
# Maven Central may present a certificate signed by one of them. Installed before the JDK so that its trust store
# (ca-certificates-java) is made with them.
COPY ca-certificates/ /usr/local/share/ca-certificates/
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      ca-certificates openjdk-17-jdk-headless maven >/dev/null \
 && update-ca-certificates >/dev/null \
 && rm -rf /var/lib/apt/lists/*
