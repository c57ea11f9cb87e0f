# One image recipe for every service: docker build --build-arg MODULE=zones-service --build-arg HTTP_PORT=8081 .
# Stage 1 builds the module with the Maven wrapper; stage 2 runs Quarkus' fast-jar on a JRE.
# The image build skips tests altogether (-Dmaven.test.skip=true): the reactor's test-only modules (devstack, the
# events-contracts test-jar) are then no dependency at all (profile reactor-test-dependencies in the poms), so
# -pl <module> -am builds only what the module ships with. Tests run in CI (./mvnw -B verify), not here.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src

# Dependency layer: the wrapper and every pom of the reactor (Maven reads them all), then the four deployable
# modules' build on the poms alone. It compiles nothing but runs every plugin of the real build, Quarkus'
# augmentation included, so the local repository ends up with all that the real builds need (the build below then
# runs offline). It names no module of its own, so the four images share it: it is rebuilt only when a pom or the
# wrapper changes, and dependencies are downloaded once for all.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY devstack/pom.xml devstack/
COPY platform/pom.xml platform/
COPY platform/http/pom.xml platform/http/
COPY platform/data/pom.xml platform/data/
COPY contracts/events/pom.xml contracts/events/
COPY reference-data/pom.xml reference-data/
COPY zones-service/pom.xml zones-service/
COPY partnership-service/pom.xml partnership-service/
COPY referral-network-service/pom.xml referral-network-service/
COPY gateway/pom.xml gateway/
COPY clients/pom.xml clients/
RUN ./mvnw -B -q -Dmaven.test.skip=true -pl zones-service,partnership-service,referral-network-service,gateway -am package \
 && find . -name target -type d -prune -exec rm -rf {} +

ARG MODULE
RUN test -n "${MODULE}" || { echo "build with --build-arg MODULE=<zones-service|partnership-service|referral-network-service|gateway>"; exit 1; }

# Sources, then the real build, offline: everything it needs is in the layer above.
COPY . .
RUN ./mvnw -B -q -o -Dmaven.test.skip=true -pl "${MODULE}" -am package

FROM eclipse-temurin:17-jre
ARG MODULE
# The module's HTTP port (8080 gateway, 8081 zones, 8082 partnership, 8083 referral); 9000 is the management
# interface of every module (/q/health/*, /q/metrics), never published to clients.
ARG HTTP_PORT=8080
RUN useradd --system --uid 185 --user-group --no-create-home --shell /usr/sbin/nologin civmil
WORKDIR /app
# Owned by root and not writable by the service's user; Quarkus writes only to /tmp.
COPY --from=build /src/${MODULE}/target/quarkus-app/lib/ /app/lib/
COPY --from=build /src/${MODULE}/target/quarkus-app/*.jar /app/
COPY --from=build /src/${MODULE}/target/quarkus-app/app/ /app/app/
COPY --from=build /src/${MODULE}/target/quarkus-app/quarkus/ /app/quarkus/
USER 185
ENV QUARKUS_HTTP_PORT=${HTTP_PORT} \
    QUARKUS_MANAGEMENT_PORT=9000 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
EXPOSE ${HTTP_PORT} 9000
# The image has curl (eclipse-temurin's Ubuntu images install it), which the compose health checks use.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
