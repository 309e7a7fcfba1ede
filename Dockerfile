# syntax=docker/dockerfile:1
# OnAir for the Pi (arm64) and any amd64 host: one image, one jar, every command.
#   docker compose up -d        (see docker-compose.yml and README.md, "On the Pi")

# --- Build: Maven with a JDK, on the build machine's own architecture -------------------------------------------
FROM --platform=$BUILDPLATFORM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Poms first, so the dependency download is cached while only sources change.
COPY pom.xml ./
COPY protocol/pom.xml protocol/
COPY runtime/pom.xml runtime/
COPY broker/pom.xml broker/
COPY test-support/pom.xml test-support/
COPY publisher/pom.xml publisher/
COPY display-node/pom.xml display-node/
COPY ha-bridge/pom.xml ha-bridge/
COPY app/pom.xml app/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl app -am dependency:go-offline -DexcludeReactor=true || true
COPY . .
# The jar is plain bytecode: built once, it runs on arm64 and amd64 alike.
# maven.test.skip: not even compiled (a Pi builds this too); the tests run in CI, not in the image build.
RUN mvn -B -q -Dmaven.test.skip=true -Dspotless.apply.skip=true -pl app -am package \
 && cp app/target/onair-app-*-all.jar /onair.jar

# --- Run: a JRE only, as a non-root user ----------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
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
# GC; 48 MiB thrashes under 10,000 changes), C1 only, smaller code cache and metaspace, Netty's unpooled allocator
# (the pooled one keeps 16 MiB chunks per arena), at most two glibc malloc arenas. Override with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xss512k -Xmx64m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=80m -XX:MaxDirectMemorySize=32m -Dio.netty.allocator.type=unpooled"
ENV MALLOC_ARENA_MAX=2
# Class data sharing (issue 17): one start of `onair pi` on throw-away certificates records the classes it loads
# (written when it stops); every start then maps that archive instead of loading them again (bench/README.md,
# "Start-up"). As root, because /opt/onair is root's; the archive is world-readable like the jar.
USER root
RUN set -e; t="$(mktemp -d)"; cd "$t"; \
    java -jar /opt/onair/onair.jar certs --host onair-pi --out certs >/dev/null; \
    ONAIR_NO_MDNS=true java -XX:ArchiveClassesAtExit=/opt/onair/onair.jsa -Xlog:cds=off -jar /opt/onair/onair.jar pi --panel virtual & \
    pi=$!; \
    java -jar /opt/onair/onair.jar healthcheck --tls localhost:8883 --http http://localhost:5000/healthz --timeout 300s; \
    kill -TERM "$pi"; wait "$pi" || true; cd /; rm -rf "$t"; chmod 0644 /opt/onair/onair.jsa
ENV JDK_JAVA_OPTIONS="-XX:SharedArchiveFile=/opt/onair/onair.jsa"
USER onair
EXPOSE 8883 8884 1883 5000
ENTRYPOINT ["java", "-jar", "/opt/onair/onair.jar"]
CMD ["--help"]
