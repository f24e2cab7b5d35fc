package io.shopflow;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Browse abandonment end to end: a product view, and 4 (sped-up) hours later the nudge by email. */
class BrowseAbandonmentIT extends IntegrationTestBase {

	@Test
	void aViewedProductComesBackByEmailUnlessItWentIntoTheCart() throws Exception {
		String viewer = customer();
		String buyer = customer();
		// customers the shop updates rather than registers: no welcome series competing for the frequency cap
		postEvents(batch(known(viewer), known(buyer), view(viewer), view(buyer)));
		postEvents(cartUpdated(id(), buyer, "cart-" + buyer, "Brass Lamp"));

		var email = awaitEmailsTo(viewer, "browse-abandonment", 1).get(0);

		assertThat(email.getHeader("X-Shopflow-Step", null)).isEqualTo("Task_SendStillInterested");
		assertThat(Mime.part(email, "text/html")).contains("Brass Lamp").contains("https://shop.example.com/p/lamp");
		Thread.sleep(1000);
		assertThat(emailsTo(buyer, "browse-abandonment")).isEmpty();
	}

	private static String known(String customer) {
		return event(id(), "shop.customer.updated", customer,
				"{\"email\":\"%s@example.com\",\"locale\":\"en\",\"consent\":{\"email\":true}}".formatted(customer));
	}

	private static String view(String customer) {
		return event(id(), "shop.product.viewed", customer, """
				{"productId":"p-lamp","name":"Brass Lamp","url":"https://shop.example.com/p/lamp",
				 "imageUrl":"https://shop.example.com/p/lamp.jpg","price":49.5,"currency":"EUR"}""");
	}
}
