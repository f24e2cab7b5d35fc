package io.shopflow.stats.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The longest date range (in days, both ends included) a statistics request may ask for. */
@ConfigurationProperties("shopflow.stats")
record StatsSettings(@DefaultValue("400") int maxRangeDays) {
}
