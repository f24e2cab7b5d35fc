package io.shopflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkSignerTest {

	LinkSigner signer = new LinkSigner(new LinkSecret("test-secret", null, null));

	@Test
	void verifiesItsOwnTokensAndNothingElse() {
		String token = signer.sign("unsubscribe", "c-1\nemail");

		assertThat(signer.verify("unsubscribe", token)).hasValue("c-1\nemail");
		assertThat(signer.verify("click", token)).as("another purpose").isEmpty();
		assertThat(signer.verify("unsubscribe", token.replace(token.substring(0, 4), "YzIt"))).isEmpty();
		assertThat(signer.verify("unsubscribe", new LinkSigner(new LinkSecret("other", null, null))
				.sign("unsubscribe", "c-1\nemail"))).isEmpty();
		assertThat(signer.verify("unsubscribe", "garbage")).isEmpty();
		assertThat(signer.verify("unsubscribe", "a.b.c")).isEmpty();
	}
}
