# syntax=docker/dockerfile:1
# One of the two services as an image, chosen by the build argument SERVICE (command-side or query-side; PORT is its
# port): built from the repository root, as docker-compose.yml does. Tests are skipped here because ./mvnw -B verify
# runs them against a real PostgreSQL.
ARG SERVICE=command-side
ARG PORT=8081

FROM eclipse-temurin:17.0.13_11-jdk-jammy AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl "$SERVICE" -am package \
 && cp "$SERVICE"/target/"$SERVICE"-*-exec.jar /app.jar

FROM eclipse-temurin:17.0.13_11-jre-jammy
ARG PORT
# curl answers the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app tracker
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER tracker
ENV PORT=$PORT \
    TRACKER_EMBEDDED_DATABASE=false
EXPOSE $PORT
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
