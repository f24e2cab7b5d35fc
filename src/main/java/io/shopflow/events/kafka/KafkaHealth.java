package io.shopflow.events.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** "kafka" in /actuator/health: the broker answers a cluster description within 3 s. */
@Component("kafka")
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
class KafkaHealth implements HealthIndicator {

	private final Map<String, Object> config;

	KafkaHealth(KafkaAdmin admin) {
		this.config = admin.getConfigurationProperties();
	}

	@Override
	public Health health() {
		try (AdminClient client = AdminClient.create(config)) {
			var cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
			return Health.up().withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
					.withDetail("nodes", cluster.nodes().get(3, TimeUnit.SECONDS).size()).build();
		}
		catch (Exception e) {
			return Health.down(e).build();
		}
	}
}
