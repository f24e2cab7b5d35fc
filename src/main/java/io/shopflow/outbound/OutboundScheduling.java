package io.shopflow.outbound;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox is published and tidied on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboundScheduling {
}
