package io.shopflow.events.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where shop events come from over Kafka, and what happens to a record that cannot be processed. */
@ConfigurationProperties("shopflow.kafka")
record KafkaSettings(String topic, String deadLetterTopic, String groupId, int attempts, Duration backoff,
		Duration databaseDownBackoff, int partitions) {
}
