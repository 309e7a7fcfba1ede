# OnAir for the Pi (arm64) and any amd64 host: one image, one jar, every command.
#   docker-compose up -d        (see docker-compose.yml and README.md, "On the Pi with Docker")
# Plain Dockerfile syntax, so that the classic builder (Debian's docker.io and docker-compose 1.29) and BuildKit both
# build it, and no builder image is fetched. The base images are build arguments; the defaults are the official
# images. CI builds the same file with stand-ins made from Debian's archive (.ci/docker-base-images.sh):
#   docker build --build-arg MAVEN_IMAGE=onair-ci/maven:17 --build-arg JRE_IMAGE=onair-ci/jre:17 .
# Both need "java" on the PATH, MAVEN_IMAGE "mvn" too, and the JRE image useradd and groupadd.
# JAR: a jar already built from this checkout (a path in the build context), taken instead of building one here: CI
# passes the one its `./mvnw -B verify` just built and tested (then MAVEN_IMAGE needs no Maven, the JRE image does):
#   docker build --build-arg MAVEN_IMAGE=onair-ci/jre:17 --build-arg JRE_IMAGE=onair-ci/jre:17 \
#     --build-arg JAR=app/target/onair-app-0.1.0-SNAPSHOT-all.jar .
# Empty (the default, what users do): Maven builds it from the sources below.
ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG JRE_IMAGE=eclipse-temurin:17-jre

# --- Build: Maven with a JDK ----------------------------------------------------------------------------------------
FROM ${MAVEN_IMAGE} AS build
ARG JAR=
WORKDIR /src
# Poms first, so the dependency download is cached while only sources change.
COPY pom.xml ./
COPY protocol/pom.xml protocol/
COPY runtime/pom.xml runtime/
COPY logging/pom.xml logging/
COPY broker/pom.xml broker/
COPY test-support/pom.xml test-support/
COPY publisher/pom.xml publisher/
COPY display-node/pom.xml display-node/
COPY ha-bridge/pom.xml ha-bridge/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
COPY dist/pom.xml dist/
RUN if [ -z "$JAR" ]; then mvn -B -q -pl app -am dependency:go-offline -DexcludeReactor=true || true; fi
# Then the sources. .dockerignore leaves out what is not part of the jar (tests, docs, compose files, scripts), so
# editing those keeps this layer and the jar cached.
COPY . .
# The jar is plain bytecode: built once, it runs on arm64 and amd64 alike.
# maven.test.skip: not even compiled (a Pi builds this too); the tests run in CI, not in the image build.
RUN if [ -n "$JAR" ]; then cp "$JAR" /onair.jar; \
    else mvn -B -q -Dmaven.test.skip=true -Dspotless.apply.skip=true -pl app -am package \
      && cp app/target/onair-app-*-all.jar /onair.jar; fi

# --- Run: a JRE only, as a non-root user ----------------------------------------------------------------------------
FROM ${JRE_IMAGE}
# docker-compose.yml runs the image as the host user who owns the mounted certs/, data/ and secrets/ (HOST_UID), so
# any user must be able to enter the working folder (useradd may make a home 0750).
RUN groupadd --system --gid 10001 onair \
 && useradd --system --uid 10001 --gid onair --home-dir /var/lib/onair --create-home --shell /usr/sbin/nologin onair \
 && chmod 0755 /var/lib/onair
COPY --from=build /onair.jar /opt/onair/onair.jar
WORKDIR /var/lib/onair
USER onair
# Small-memory defaults for a Pi (measured in bench/README.md, "Pi memory"; the systemd unit, the launcher and the
# benchmarks use the same, bench's ShippedFlagsTest checks it): a fixed 64 MiB heap (live data is ~35 MiB after a
# GC; 48 MiB thrashes under 10,000 changes), one C1 and one C2 compiler thread (C1 only made the broker's
# PBKDF2 password check 10 to 20 times slower: logins timed out), smaller code cache and metaspace, Netty's pooled allocator
# with one direct and one heap arena of 1 MiB chunks (its defaults keep 4 MiB chunks in up to 4 arenas of each; the
# unpooled allocator ran out of the 32 MiB of direct memory under bench/'s throughput load), at most two glibc malloc
# arenas. Override with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xss512k -Xmx64m -XX:CICompilerCount=2 -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=80m -XX:MaxDirectMemorySize=32m -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1 -Dio.netty.allocator.maxOrder=7"
ENV MALLOC_ARENA_MAX=2
# Class data sharing (issue 17): one start of `onair pi` on throw-away certificates, in this build's own network
# namespace, records the classes it loads (the JVM writes the archive as it stops); every java in the image then maps
# that archive instead of loading, parsing and verifying those classes again (bench/README.md, "Start-up"). Stopped
# once `onair healthcheck` passes (one try each second, at most 300). As root, because /opt/onair is root's; the
# archive is world-readable like the jar. A JVM whose flags or jar do not match the archive ignores it and starts as
# it would without.
USER root
RUN set -e; t="$(mktemp -d)"; cd "$t"; \
    java -jar /opt/onair/onair.jar certs --host onair-pi --out certs >/dev/null; \
    ONAIR_NO_MDNS=true java -XX:ArchiveClassesAtExit=/opt/onair/onair.jsa -Xlog:cds=off \
      -jar /opt/onair/onair.jar pi --panel virtual >pi.log 2>&1 & \
    pi=$!; i=0; \
    until java -jar /opt/onair/onair.jar healthcheck --tls localhost:8883 --http http://localhost:5000/healthz \
      >/dev/null 2>&1; do \
      i=$((i + 1)); \
      if [ "$i" -ge 300 ] || ! kill -0 "$pi" 2>/dev/null; then cat pi.log >&2; exit 1; fi; \
      sleep 1; \
    done; \
    kill -TERM "$pi"; wait "$pi" || true; \
    test -s /opt/onair/onair.jsa || { cat pi.log >&2; exit 1; }; \
    cd /; rm -rf "$t" /tmp/onair-healthcheck-*.secret; chmod 0644 /opt/onair/onair.jsa
ENV JDK_JAVA_OPTIONS="-XX:SharedArchiveFile=/opt/onair/onair.jsa"
USER onair
EXPOSE 8883 8884 1883 5000
ENTRYPOINT ["java", "-jar", "/opt/onair/onair.jar"]
CMD ["--help"]
