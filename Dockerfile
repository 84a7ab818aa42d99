# Herald on WildFly 39, built and deployed as docs/deploy-wildfly.md does it: step 4's build command,
# then the WAR in the deployment scanner's directory (step 7). Settings are environment variables
# (step 6; README "Configuration"); compose.yaml runs it with PostgreSQL. ContainerImageTest (war)
# fails when a RUN command here is not in that guide.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B package -pl war -am -DskipTests

FROM quay.io/wildfly/wildfly:39.0.1.Final-jdk17
COPY --from=build --chown=jboss:root /src/war/target/herald.war /opt/jboss/wildfly/standalone/deployments/
EXPOSE 8080
# The image's own command starts standalone.sh on 0.0.0.0; Herald is ready when
# GET /v2.0/health/ready answers 200 (compose.yaml's healthcheck).
