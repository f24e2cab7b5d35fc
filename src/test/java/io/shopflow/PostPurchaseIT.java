package io.shopflow;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Post-purchase end to end: thanks and cross-sell at once, the review request 4 (sped-up) hours after delivery. */
class PostPurchaseIT extends IntegrationTestBase {

	@Test
	void anOrderIsThankedCrossSoldAndReviewedAfterDelivery() throws Exception {
		String customer = customer();
		String orderId = "o-" + customer;
		// a customer the shop updates rather than registers: no welcome email competing for the frequency cap
		postEvents(batch(
				event(id(), "shop.customer.updated", customer,
						"{\"email\":\"%s@example.com\",\"locale\":\"sv-SE\",\"consent\":{\"email\":true}}".formatted(customer)),
				event(id(), "shop.order.placed", customer, """
						{"orderId":"%s","items":[{"productId":"p-lamp","name":"Mässingslampa","quantity":1,"price":499}],
						 "total":499,"currency":"SEK"}""".formatted(orderId))));

		var first = awaitEmailsTo(customer, "post-purchase", 2);
		assertThat(first).extracting(email -> email.getHeader("X-Shopflow-Step", null))
				.containsExactlyInAnyOrder("Task_SendThankYouFirst", "Task_SendCrossSell");
		assertThat(Mime.part(first.get(0), "text/plain") + Mime.part(first.get(1), "text/plain")).contains("Mässingslampa");

		postEvents(event(id(), "shop.order.delivered", customer, "{\"orderId\":\"%s\"}".formatted(orderId)));

		assertThat(awaitEmailsTo(customer, "post-purchase", 3)).extracting(email -> email.getHeader("X-Shopflow-Step", null))
				.contains("Task_SendReviewRequest");
	}
}
