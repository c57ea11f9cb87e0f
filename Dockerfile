# One image recipe for every service: docker build --build-arg MODULE=zones-service .
# Stage 1 builds the module with the Maven wrapper; stage 2 runs Quarkus' fast-jar on a JRE.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl ${MODULE} -am package

FROM eclipse-temurin:17-jre
ARG MODULE
WORKDIR /app
COPY --from=build /src/${MODULE}/target/quarkus-app/lib/ /app/lib/
COPY --from=build /src/${MODULE}/target/quarkus-app/*.jar /app/
COPY --from=build /src/${MODULE}/target/quarkus-app/app/ /app/app/
COPY --from=build /src/${MODULE}/target/quarkus-app/quarkus/ /app/quarkus/
RUN useradd --system --uid 185 civmil
USER 185
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
