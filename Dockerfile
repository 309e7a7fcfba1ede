# OnAir for the Pi (arm64) and any amd64 host: one image, one jar, every command.
#   docker-compose up -d        (see docker-compose.yml and README.md, "On the Pi with Docker")
# Plain Dockerfile syntax, so that the classic builder (Debian's docker.io and docker-compose 1.29) and BuildKit both
# build it, and no builder image is fetched. The base images are build arguments; the defaults are the official
# images. CI builds the same file with stand-ins made from Debian's archive (.ci/docker-base-images.sh):
#   docker build --build-arg MAVEN_IMAGE=onair-ci/maven:17 --build-arg JRE_IMAGE=onair-ci/jre:17 .
# Both need "mvn" and "java" on the PATH, and the JRE image useradd and groupadd.
ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
ARG JRE_IMAGE=eclipse-temurin:17-jre

# --- Build: Maven with a JDK ----------------------------------------------------------------------------------------
FROM ${MAVEN_IMAGE} AS build
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
RUN mvn -B -q -pl app -am dependency:go-offline -DexcludeReactor=true || true
# Then the sources. .dockerignore leaves out what is not part of the jar (tests, docs, compose files, scripts), so
# editing those keeps this layer and the jar cached.
COPY . .
# The jar is plain bytecode: built once, it runs on arm64 and amd64 alike.
# maven.test.skip: not even compiled (a Pi builds this too); the tests run in CI, not in the image build.
RUN mvn -B -q -Dmaven.test.skip=true -Dspotless.apply.skip=true -pl app -am package \
 && cp app/target/onair-app-*-all.jar /onair.jar

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
# GC; 48 MiB thrashes under 10,000 changes), C1 only, smaller code cache and metaspace, Netty's unpooled allocator
# (the pooled one keeps 16 MiB chunks per arena), at most two glibc malloc arenas. Override with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xss512k -Xmx64m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=80m -XX:MaxDirectMemorySize=32m -Dio.netty.allocator.type=unpooled"
ENV MALLOC_ARENA_MAX=2
EXPOSE 8883 8884 1883 5000
ENTRYPOINT ["java", "-jar", "/opt/onair/onair.jar"]
CMD ["--help"]
