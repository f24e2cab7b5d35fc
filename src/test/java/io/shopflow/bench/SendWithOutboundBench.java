package io.shopflow.bench;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link SendBench} with Shopflow's outbound events on: every send also writes a message.sent event to the
 * outbox, which is published to a Kafka topic and a webhook (both in this JVM, as the rest of the stack is).
 */
@TestPropertySource(properties = {
		"shopflow.outbound.kafka-topic=shopflow.outbound",
		"shopflow.outbound.webhook.url=${SHOPFLOW_OUTBOUND_WEBHOOK_URL}" })
class SendWithOutboundBench extends SendBench {

	@Override
	String section() {
		return "sendsWithOutbound";
	}

	@Override
	boolean outboundEvents() {
		return true;
	}
}
