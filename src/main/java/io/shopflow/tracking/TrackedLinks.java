package io.shopflow.tracking;

import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the parts of a message trackable, for the channels to choose from: every link to elsewhere becomes a signed
 * click link (/t/c/..) that carries the send id and the target, HTML gets an open pixel (/t/o/..), and texts that
 * count characters get short links (/t/s/..) instead, because a signed token would cost a text most of them. Shopflow's own links
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

	/** Every href to elsewhere in the HTML becomes a click link, and an open pixel goes before &lt;/body&gt;. */
	public String htmlWithOpens(String html, long sendId) {
		return html == null ? null : pixel(rewriteHrefs(html, sendId), sendId);
	}

	/** Every URL to elsewhere in the text becomes a signed click link. */
	public String clickLinks(String text, long sendId) {
		return rewrite(text, url -> clickUrl(sendId, url));
	}

	/** Every URL to elsewhere in the text becomes a short link, for channels that count characters. */
	public String shortLinks(String text, long sendId) {
		return rewrite(text, url -> shortUrl(sendId, url));
	}

	/** One URL as a click link, unless it is Shopflow's own or absent. */
	public String clickLink(String url, long sendId) {
		return url == null || own(url) ? url : clickUrl(sendId, url);
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
