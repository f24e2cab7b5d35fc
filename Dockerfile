# Runtime image for Shopflow. Build the jar first: mvn -B package -DskipTests
# (the glob must match exactly one jar in target/).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app shopflow \
 && mkdir -p /app/data && chown -R shopflow /app
WORKDIR /app
COPY target/shopflow-*.jar /app/shopflow.jar
USER shopflow
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/shopflow.jar"]
