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
		assertThat(registered.consent().granted(Channel.EMAIL)).isTrue();
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

	@Test
	void refusesNumbersTheirColumnsCannotHold() {
		EventRejected rejected = catchThrowableOfType(EventRejected.class, () -> parse(batch(
				event("e-1", "shop.cart.updated", "c-1", """
						{"cartId":"k","items":[{"productId":"p","quantity":100000000000000000000,"price":-1}],
						 "total":1e308,"currency":"EUR"}"""),
				event("e-2", "shop.order.placed", "c-1", """
						{"orderId":"o","items":[{"productId":"p","quantity":1e3,"price":"NaN"}],
						 "total":1e999999999,"currency":"EUR"}"""),
				event("e-3", "shop.product.viewed", "c-1", "{\"productId\":\"p\",\"price\":\"1e999999999\"}"),
				event("e-4", "shop.checkout.started", "c-1", "{\"cartId\":\"k\",\"total\":1000000000000000}"),
				event("e-5", "shop.order.placed", "c-1", """
						{"orderId":"o","items":[{"productId":"p","quantity":2147483647},{"productId":"p","quantity":1}],
						 "total":999999999999999.99995,"currency":"EUR"}"""))));

		assertThat(rejected.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder(
				"/0/data/items/0/quantity", "/0/data/items/0/price", "/0/data/total",
				"/1/data/items/0/quantity", "/1/data/items/0/price", "/1/data/total",
				"/2/data/price", "/3/data/total", "/4/data/items", "/4/data/total");
	}

	@Test
	void keepsAmountsInRangeAndRoundsWhatTheColumnWouldRound() {
		CartUpdated cart = (CartUpdated) parse(event("e", "shop.cart.updated", "c", """
				{"cartId":"k","items":[{"productId":"p","quantity":2147483647,"price":"1e-999999999"}],
				 "total":999999999999999.9999,"currency":"EUR"}""")).get(0);

		assertThat(cart.total()).isEqualByComparingTo("999999999999999.9999");
		assertThat(cart.items().get(0).price()).isEqualByComparingTo("0").hasScaleOf(4);
		assertThat(cart.items().get(0).quantity()).isEqualTo(Integer.MAX_VALUE);

		CartUpdated asSent = (CartUpdated) parse(event("e", "shop.cart.updated", "c", """
				{"cartId":"k","items":[{"productId":"p","price":10.00},{"productId":"q","price":"1e3"}],
				 "total":1.5E3,"currency":"EUR"}""")).get(0);
		assertThat(asSent.items().get(0).price()).hasToString("10.00");
		assertThat(asSent.items().get(1).price()).hasToString("1000");
		assertThat(asSent.total()).hasToString("1500");
	}

	@Test
	void acceptsOnlyHttpLinksFromTheShop() {
		EventRejected rejected = catchThrowableOfType(EventRejected.class, () -> parse(batch(
				event("e-1", "shop.cart.updated", "c-1", """
						{"cartId":"k","items":[{"productId":"p","url":"javascript:alert(1)","imageUrl":"data:image/png,x"}],
						 "total":1,"currency":"EUR","cartUrl":"JavaScript:alert(document.cookie)"}"""),
				event("e-2", "shop.product.viewed", "c-1", """
						{"productId":"p","url":"/relative/path","imageUrl":" https://shop.example.com/a.jpg"}"""),
				event("e-3", "shop.product.restocked", null, """
						{"productId":"p","url":"vbscript:msgbox","imageUrl":"https://"}"""))));

		assertThat(rejected.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder(
				"/0/data/items/0/url", "/0/data/items/0/imageUrl", "/0/data/cartUrl", "/1/data/url",
				"/1/data/imageUrl", "/2/data/url", "/2/data/imageUrl");
		assertThat(rejected.violations()).extracting(Violation::detail)
				.allMatch(detail -> detail.equals("must be an absolute http or https URL"));
		assertThat(parse(cartUpdated("e", "c", "k", "Mug"))).singleElement()
				.satisfies(event -> assertThat(((CartUpdated) event).cartUrl()).startsWith("https://"));
	}

	private List<ShopEvent> parse(String json) {
		return parser.parse(json.getBytes(StandardCharsets.UTF_8));
	}
}
