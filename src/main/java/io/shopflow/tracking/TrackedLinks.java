package io.shopflow.tracking;

import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopflow.templates.RenderedMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a rendered message trackable: every link to elsewhere becomes a signed click link (/t/c/..) that
 * carries the send id and the target, emails get an open pixel (/t/o/..), and SMS get short links (/t/s/..)
 * instead, because a signed token would cost a text most of its characters. Shopflow's own links
 * (unsubscribe, preferences, survey) stay as they are: they must work without a detour.
 */
@Component
public class TrackedLinks {

	static final String OPEN = "open";
	static final String CLICK = "click";

	private static final Pattern HREF = Pattern.compile("href=\"(https?://[^\"]+)\"");
	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");
	private static final String CODE_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final int CODE_LENGTH = 10;

	private final LinkSigner signer;
	private final JdbcClient jdbc;
	private final String publicUrl;
	private final SecureRandom random = new SecureRandom();

	TrackedLinks(LinkSigner signer, JdbcClient jdbc, @Value("${shopflow.public-url}") String publicUrl) {
		this.signer = signer;
		this.jdbc = jdbc;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	public RenderedMessage forEmail(RenderedMessage message, long sendId) {
		String html = message.html() == null ? null : pixel(rewriteHrefs(message.html(), sendId), sendId);
		String text = rewrite(message.text(), url -> clickUrl(sendId, url));
		return new RenderedMessage(message.subject(), html, text, message.url(), message.icon());
	}

	public RenderedMessage forSms(RenderedMessage message, long sendId) {
		return new RenderedMessage(message.subject(), null, rewrite(message.text(), url -> shortUrl(sendId, url)),
				message.url(), message.icon());
	}

	public RenderedMessage forPush(RenderedMessage message, long sendId) {
		String url = message.url() == null || own(message.url()) ? message.url() : clickUrl(sendId, message.url());
		return new RenderedMessage(message.subject(), null, message.text(), url, message.icon());
	}

	private String rewriteHrefs(String html, long sendId) {
		Matcher matcher = HREF.matcher(html);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String target = matcher.group(1).replace("&amp;", "&");
			String link = own(target) ? matcher.group(1) : clickUrl(sendId, target);
			matcher.appendReplacement(out, Matcher.quoteReplacement("href=\"" + link + "\""));
		}
		return matcher.appendTail(out).toString();
	}

	private String rewrite(String text, java.util.function.UnaryOperator<String> link) {
		if (text == null) {
			return null;
		}
		Matcher matcher = URL.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String target = matcher.group();
			matcher.appendReplacement(out, Matcher.quoteReplacement(own(target) ? target : link.apply(target)));
		}
		return matcher.appendTail(out).toString();
	}

	private String pixel(String html, long sendId) {
		String img = "<img src=\"" + publicUrl + "/t/o/" + signer.sign(OPEN, Long.toString(sendId))
				+ "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0;\">";
		int body = html.lastIndexOf("</body>");
		return body < 0 ? html + img : html.substring(0, body) + img + html.substring(body);
	}

	private String clickUrl(long sendId, String target) {
		return publicUrl + "/t/c/" + signer.sign(CLICK, sendId + "\n" + target);
	}

	/** Stored, so the link stays short; the random code is the unguessable part. */
	private String shortUrl(long sendId, String target) {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
		}
		jdbc.sql("insert into short_links (code, send_id, target) values (?, ?, ?)")
				.params(code.toString(), sendId, target).update();
		return publicUrl + "/t/s/" + code;
	}

	private boolean own(String url) {
		return url.startsWith(publicUrl + "/");
	}
}
