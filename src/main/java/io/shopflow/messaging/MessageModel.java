package io.shopflow.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopflow.customers.Customer;
import io.shopflow.customers.CustomerLinks;
import io.shopflow.events.Channel;
import io.shopflow.tracking.LinkSigner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A template's model: the flow's variables, the customer, the shop, Shopflow's own signed links, and what every
 * {@link ModelContributor} adds from the ids among the variables.
 */
@Component
class MessageModel {

	private final LinkSigner links;
	private final List<ModelContributor> contributors;
	private final String publicUrl;
	private final Map<String, String> shop;

	MessageModel(LinkSigner links, List<ModelContributor> contributors, @Value("${shopflow.public-url}") String publicUrl,
			@Value("${shopflow.shop.name}") String shopName, @Value("${shopflow.shop.url}") String shopUrl) {
		this.links = links;
		this.contributors = contributors;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.shop = Map.of("name", shopName, "url", shopUrl);
	}

	Map<String, Object> of(SendRequest request, Channel channel, Customer customer) {
		Map<String, Object> model = new LinkedHashMap<>(request.variables());
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("id", customer.id());
		person.put("email", customer.email());
		person.put("firstName", customer.firstName());
		person.put("lastName", customer.lastName());
		model.put("customer", person);
		model.put("shop", shop);
		model.put("unsubscribeUrl", unsubscribeUrl(request, channel));
		model.put("preferencesUrl", publicUrl + "/preferences/"
				+ links.sign(CustomerLinks.PREFERENCES, request.customerId()));
		model.put("surveyUrl", publicUrl + "/survey/"
				+ links.sign(LinkSigner.SURVEY, request.customerId() + "\n" + request.flow()));
		contributors.forEach(contributor -> contributor.contribute(request.customerId(), request.variables(), model));
		return model;
	}

	/** Withdraws the consent of this channel only (customers.web.UnsubscribeController). */
	String unsubscribeUrl(SendRequest request, Channel channel) {
		return publicUrl + "/unsubscribe/"
				+ links.sign(CustomerLinks.UNSUBSCRIBE, request.customerId() + "\n" + channel.key());
	}
}
