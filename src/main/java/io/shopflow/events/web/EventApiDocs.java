package io.shopflow.events.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description (/v3/api-docs, Swagger UI at /swagger-ui.html): bearer auth, and for POST /api/events
 * an example of every event type of the contract.
 */
@Configuration(proxyBeanMethods = false)
class EventApiDocs {

	private static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

	static {
		EXAMPLES.put("shop.customer.registered", """
				{"email":"anna@example.com","firstName":"Anna","lastName":"Berg","phone":"+46701234567","locale":"sv-SE",
				 "timeZone":"Europe/Stockholm","birthday":"1990-05-17",
				 "consent":{"email":true,"sms":false,"text":"Yes, send me offers by email.","version":"2026-03"}}""");
		EXAMPLES.put("shop.customer.updated", """
				{"email":"anna@example.com","locale":"sv-SE","consent":{"sms":true}}""");
		EXAMPLES.put("shop.newsletter.subscribed", """
				{"email":"anna@example.com","locale":"sv-SE"}""");
		EXAMPLES.put("shop.product.viewed", """
				{"productId":"p-lamp","name":"Brass Lamp","url":"https://shop.example.com/p/lamp",
				 "imageUrl":"https://shop.example.com/p/lamp.jpg","price":499,"currency":"SEK","category":"Lighting"}""");
		EXAMPLES.put("shop.cart.updated", """
				{"cartId":"cart-1","items":[{"productId":"p-lamp","name":"Brass Lamp","quantity":1,"price":499}],
				 "total":499,"currency":"SEK","cartUrl":"https://shop.example.com/cart/cart-1/restore"}""");
		EXAMPLES.put("shop.checkout.started", """
				{"cartId":"cart-1","total":499,"currency":"SEK"}""");
		EXAMPLES.put("shop.order.placed", """
				{"orderId":"o-1001","cartId":"cart-1","couponCode":"SF-ABC123","total":499,"currency":"SEK",
				 "items":[{"productId":"p-beans","name":"Coffee beans","quantity":2,"price":129,"consumptionInterval":"P30D"}]}""");
		EXAMPLES.put("shop.order.delivered", """
				{"orderId":"o-1001"}""");
		EXAMPLES.put("shop.customer.unsubscribed", """
				{"channel":"email"}""");
		EXAMPLES.put("shop.push.subscribed", """
				{"subscription":{"endpoint":"https://push.example.net/send/abc","keys":{"p256dh":"BNc...","auth":"tBH..."}}}""");
		EXAMPLES.put("shop.product.restocked", """
				{"productId":"p-lamp","name":"Brass Lamp","price":499,"currency":"SEK"}""");
	}

	@Bean
	OpenApiCustomizer shopflowApi(ObjectMapper json) {
		return api -> {
			api.info(new Info().title("Shopflow").version("1")
					.description("Marketing automation for online shops: shop events in, personal messages out."));
			api.components(api.getComponents() == null ? new Components() : api.getComponents());
			api.getComponents().addSecuritySchemes("apiToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer").description("shopflow.api.token"));
			api.addSecurityItem(new SecurityRequirement().addList("apiToken"));
			var post = api.getPaths() == null || api.getPaths().get("/api/events") == null ? null
					: api.getPaths().get("/api/events").getPost();
			if (post == null) {
				return;
			}
			MediaType single = new MediaType().schema(new ObjectSchema().description("One CloudEvent 1.0 (docs/api.md)"));
			EXAMPLES.forEach((type, data) -> single.addExamples(type, new Example().summary(type)
					.value(read(json, event(type, data)))));
			MediaType batch = new MediaType().schema(new ObjectSchema().description("A JSON array of CloudEvents"))
					.example(read(json, "[" + event("shop.cart.updated", EXAMPLES.get("shop.cart.updated")) + ","
							+ event("shop.order.placed", EXAMPLES.get("shop.order.placed")) + "]"));
			post.requestBody(new RequestBody().required(true).content(new Content()
					.addMediaType("application/cloudevents+json", single)
					.addMediaType("application/cloudevents-batch+json", batch)
					.addMediaType("application/json", single)));
			post.summary("Send shop events (one, or a batch that is applied all or nothing)");
		};
	}

	private static String event(String type, String data) {
		String subject = type.equals("shop.product.restocked") ? "" : "\"subject\":\"customer-42\",";
		return """
				{"specversion":"1.0","id":"%s-0001","source":"https://shop.example.com","type":"%s",%s
				 "time":"2026-11-24T10:00:00Z","datacontenttype":"application/json","data":%s}"""
				.formatted(type.replace('.', '-'), type, subject, data);
	}

	private static Object read(ObjectMapper json, String text) {
		try {
			return json.readValue(text, Object.class);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
