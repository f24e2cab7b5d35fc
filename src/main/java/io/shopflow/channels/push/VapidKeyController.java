package io.shopflow.channels.push;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public key a shop's service worker passes to pushManager.subscribe() as applicationServerKey. */
@RestController
class VapidKeyController {

	private final WebPush push;

	VapidKeyController(WebPush push) {
		this.push = push;
	}

	@GetMapping("/push/vapid-public-key")
	Map<String, String> publicKey() {
		return Map.of("publicKey", push.vapidPublicKey());
	}
}
