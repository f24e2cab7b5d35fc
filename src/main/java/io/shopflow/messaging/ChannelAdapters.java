package io.shopflow.messaging;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopflow.events.Channel;

import org.springframework.stereotype.Component;

/** The channels that are switched on: every {@link MessageChannel} bean, by its name. */
@Component
class ChannelAdapters {

	private final Map<Channel, MessageChannel> adapters = new EnumMap<>(Channel.class);

	ChannelAdapters(List<MessageChannel> adapters) {
		for (MessageChannel adapter : adapters) {
			MessageChannel before = this.adapters.put(adapter.channel(), adapter);
			if (before != null) {
				throw new IllegalStateException("Two adapters of channel " + adapter.channel().key() + ": "
						+ before.getClass().getName() + ", " + adapter.getClass().getName());
			}
		}
	}

	Optional<MessageChannel> of(Channel channel) {
		return Optional.ofNullable(adapters.get(channel));
	}

	/**
	 * The offered channels that are switched on, in the step's order; all of them when none is, so the skip
	 * names them. A step may offer a channel an installation has not set up (whatsapp,sms,email) without its
	 * sends recording anything about it.
	 */
	List<Channel> switchedOn(List<Channel> offered) {
		List<Channel> on = offered.stream().filter(adapters::containsKey).toList();
		return on.isEmpty() ? offered : on;
	}
}
