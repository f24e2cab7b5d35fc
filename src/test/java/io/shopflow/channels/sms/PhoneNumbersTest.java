package io.shopflow.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

	@Test
	void normalisesToE164() {
		assertThat(PhoneNumbers.e164("070-123 45 67", "SE")).hasValue("+46701234567");
		assertThat(PhoneNumbers.e164("+46 70 123 45 67", null)).hasValue("+46701234567");
		assertThat(PhoneNumbers.e164("06 12 34 56 78", "FR")).hasValue("+33612345678");
	}

	@Test
	void refusesWhatIsNoNumber() {
		assertThat(PhoneNumbers.e164("12", "SE")).isEmpty();
		assertThat(PhoneNumbers.e164("call me", "SE")).isEmpty();
		assertThat(PhoneNumbers.e164("0701234567", null)).as("no country to read it in").isEmpty();
		assertThat(PhoneNumbers.e164(null, "SE")).isEmpty();
	}
}
