package io.shopflow.flows;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** name identifies this node among several sharing one database, e.g. in the job table's lock owners. */
@ConfigurationProperties("shopflow.node")
record NodeSettings(String name) {
}
