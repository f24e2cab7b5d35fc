package io.shopflow.events;

import static io.shopflow.TestEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopflow.events.ShopEvent.CartUpdated;
import io.shopflow.events.ShopEvent.CustomerRegistered;
import io.shopflow.events.ShopEvent.OtherEvent;

import org.junit.jupiter.api.Test;

class EventParserTest {

	EventParser parser = new EventParser(new ObjectMapper().findAndRegisterModules());

	@Test
	void readsABatchIntoTypedEvents() {
		List<ShopEvent> events = parse(batch(registered("c-1", "a@example.com", "sv-SE", true),
				cartUpdated("e-2", "c-1", "cart-1", "Mug")));

		assertThat(events).hasSize(2);
		CustomerRegistered registered = (CustomerRegistered) events.get(0);
		assertThat(registered.profile().locale()).isEqualTo("sv-SE");
		assertThat(registered.consent().email()).isTrue();
		CartUpdated cart = (CartUpdated) events.get(1);
		assertThat(cart.customerId()).isEqualTo("c-1");
		assertThat(cart.items()).singleElement().satisfies(item -> assertThat(item.quantity()).isEqualTo(2));
		assertThat(cart.variables()).containsEntry("cartId", "cart-1").doesNotContainKey("items");
	}

	@Test
	void namesEveryBadFieldOfEveryEventWithAPointer() {
		EventRejected rejected = catchThrowableOfType(EventRejected.class, () -> parse(batch(
				event("e-1", "shop.cart.updated", "c-1", "{\"items\":[{\"quantity\":0}],\"total\":\"x\"}"),
				"{\"specversion\":\"0.3\",\"type\":\"shop.order.placed\",\"source\":\"s\",\"time\":\"yesterday\"}")));

		assertThat(rejected.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder(
				"/0/data/cartId", "/0/data/items/0/productId", "/0/data/items/0/quantity", "/0/data/total",
				"/0/data/currency", "/1/specversion", "/1/id", "/1/subject", "/1/time", "/1/data");
	}

	@Test
	void validatesProfileFormats() {
		EventRejected rejected = catchThrowableOfType(EventRejected.class, () -> parse(event("e", 
				"shop.customer.registered", "c", """
						{"email":"not-an-email","phone":"0701234567","timeZone":"Mars/Olympus","birthday":"31.12.1990",
						 "consent":{"email":"yes"}}""")));

		assertThat(rejected.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder("/data/email",
				"/data/phone", "/data/timeZone", "/data/birthday", "/data/consent/email");
	}

	@Test
	void acceptsUnknownTypesWithoutRoutingThem() {
		assertThat(parse(event("e", "shop.wishlist.shared", "c", "{}"))).singleElement().isInstanceOf(OtherEvent.class);
	}

	@Test
	void rejectsWhatIsNotJson() {
		assertThat(catchThrowableOfType(EventRejected.class, () -> parse("{oops")).violations())
				.singleElement().satisfies(v -> assertThat(v.detail()).startsWith("body is not valid JSON"));
		assertThat(catchThrowableOfType(EventRejected.class, () -> parse("[]")).violations()).isNotEmpty();
	}

	private List<ShopEvent> parse(String json) {
		return parser.parse(json.getBytes(StandardCharsets.UTF_8));
	}
}
