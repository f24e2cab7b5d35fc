package io.shopflow.campaigns;

import java.util.List;

/**
 * A broadcast: template (templates/&lt;channel&gt;/campaigns/&lt;template&gt;) to the segment's members, through the
 * channels in order. sendAt is an instant, or with localTime a local date-time that each customer gets in their
 * own time zone. At most perMinute messages a minute.
 */
public record Campaign(String key, String name, String segment, String template, List<String> channels, String sendAt,
		boolean localTime, int perMinute, String status) {
}
