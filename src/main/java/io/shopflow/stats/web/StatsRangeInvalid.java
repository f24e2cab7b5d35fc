package io.shopflow.stats.web;

import java.util.List;

/** A date range the statistics are not answered for; parameters are the query parameters at fault. */
class StatsRangeInvalid extends RuntimeException {

	private final List<String> parameters;

	StatsRangeInvalid(List<String> parameters, String detail) {
		super(detail);
		this.parameters = parameters;
	}

	List<String> parameters() {
		return parameters;
	}
}
