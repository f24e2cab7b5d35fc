package io.shopflow.events.kafka;

import java.util.Map;

import io.shopflow.events.EventRejected;
import io.shopflow.events.EventsNotStorable;
import io.shopflow.support.DatabaseUnavailable;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka ingest, on when spring.kafka.bootstrap-servers is set. Records are read in batches; offsets are
 * committed after the listener returns, that is after the database transaction committed. A record that still
 * fails after the configured attempts, or cannot be parsed at all, goes to the dead-letter topic with the
 * failure in its headers. A database that cannot be reached is no fault of the record: that record is retried,
 * every shopflow.kafka.database-down-backoff, until the database answers again, and never dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
class KafkaIngestConfiguration {

	static final String CONTAINER_FACTORY = "shopEventsContainerFactory";

	@Bean
	NewTopic shopEventsTopic(KafkaSettings settings) {
		return TopicBuilder.name(settings.topic()).partitions(settings.partitions()).build();
	}

	@Bean
	NewTopic shopEventsDeadLetterTopic(KafkaSettings settings) {
		return TopicBuilder.name(settings.deadLetterTopic()).partitions(settings.partitions()).build();
	}

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, byte[]> shopEventsContainerFactory(KafkaProperties kafka,
			KafkaSettings settings) {
		Map<String, Object> consumer = kafka.buildConsumerProperties(null);
		consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);

		Map<String, Object> producer = kafka.buildProducerProperties(null);
		producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		var deadLetters = new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(producer));
		var recoverer = new DeadLetterPublishingRecoverer(deadLetters,
				(record, failure) -> new TopicPartition(settings.deadLetterTopic(), -1));
		var errors = new DefaultErrorHandler(recoverer,
				new FixedBackOff(settings.backoff().toMillis(), Math.max(settings.attempts() - 1, 0)));
		errors.addNotRetryableExceptions(EventRejected.class, EventsNotStorable.class);
		var untilTheDatabaseIsBack = new FixedBackOff(settings.databaseDownBackoff().toMillis(),
				FixedBackOff.UNLIMITED_ATTEMPTS);
		errors.setBackOffFunction((record, failure) -> DatabaseUnavailable.isCause(failure) ? untilTheDatabaseIsBack
				: null);

		var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer));
		factory.setBatchListener(true);
		factory.getContainerProperties().setAckMode(AckMode.BATCH);
		factory.setCommonErrorHandler(errors);
		return factory;
	}
}
