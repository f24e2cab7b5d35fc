package io.shopflow.tracking.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import io.shopflow.tracking.CustomerErased;
import io.shopflow.tracking.Tracking;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open pixel, the click redirect and SMS short links. Public (a mail client calls them), fast (the write
 * happens behind the answer) and closed: a token that is not ours is a 404, never a redirect; one of a customer
 * erased since is a 410 and records nothing. A target with characters a URI may not hold (a space, "|",
 * non-ASCII) is sent percent-encoded, as a browser would; one that is no URI even so is a 404.
 */
@RestController
class TrackingController {

	private static final byte[] PIXEL = Base64.getDecoder()
			.decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private final Tracking tracking;

	TrackingController(Tracking tracking) {
		this.tracking = tracking;
	}

	@GetMapping("/t/o/{token}")
	ResponseEntity<byte[]> open(@PathVariable String token, HttpServletRequest request) {
		boolean genuine = tracking.opened(token, request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr());
		return ResponseEntity.status(genuine ? HttpStatus.OK : HttpStatus.NOT_FOUND)
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.IMAGE_GIF)
				.body(PIXEL);
	}

	@GetMapping("/t/c/{token}")
	ResponseEntity<Void> click(@PathVariable String token, HttpServletRequest request) {
		return redirect(tracking.clicked(token, request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr()));
	}

	@GetMapping("/t/s/{code}")
	ResponseEntity<Void> shortLink(@PathVariable String code, HttpServletRequest request) {
		return redirect(tracking.shortLinkClicked(code, request.getHeader(HttpHeaders.USER_AGENT),
				request.getRemoteAddr()));
	}

	/** Gone rather than not found: the link was ours, the customer it tracked is not any more. */
	@ExceptionHandler(CustomerErased.class)
	ResponseEntity<Void> erased() {
		return ResponseEntity.status(HttpStatus.GONE).cacheControl(CacheControl.noStore()).build();
	}

	private static ResponseEntity<Void> redirect(Optional<String> target) {
		return target.flatMap(TrackingController::location).<ResponseEntity<Void>>map(url -> ResponseEntity
				.status(HttpStatus.FOUND).cacheControl(CacheControl.noStore()).location(url).build())
				.orElseGet(() -> ResponseEntity.notFound().build());
	}

	static Optional<URI> location(String target) {
		for (String candidate : new String[] { target, encoded(target) }) {
			try {
				URI uri = new URI(candidate);
				if (uri.isAbsolute()) {
					return Optional.of(uri);
				}
			}
			catch (java.net.URISyntaxException e) {
				// the next candidate, or none
			}
		}
		return Optional.empty();
	}

	/** Percent-encodes what RFC 3986 does not allow (and a "%" that starts no escape, a second "#"). */
	private static String encoded(String target) {
		StringBuilder out = new StringBuilder();
		byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
		boolean fragment = false;
		for (int i = 0; i < bytes.length; i++) {
			char c = (char) (bytes[i] & 0xff);
			boolean escape = c == '%' && i + 2 < bytes.length && HexFormat.isHexDigit(bytes[i + 1])
					&& HexFormat.isHexDigit(bytes[i + 2]);
			boolean allowed = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?@!$&'()*+,;=".indexOf(c) >= 0
					|| (c == '#' && !fragment));
			fragment |= c == '#';
			if (allowed || escape) {
				out.append(c);
			}
			else {
				out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
			}
		}
		return out.toString();
	}
}
