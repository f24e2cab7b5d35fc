package io.shopflow.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider named is the one the service files would have found, and a JVM's own choice is kept. */
class KnownStreamProviderTest {

	String before;

	@BeforeEach
	void clear() {
		before = System.clearProperty(KnownStreamProvider.PROPERTY);
	}

	@AfterEach
	void restore() {
		if (before == null) {
			System.clearProperty(KnownStreamProvider.PROPERTY);
		}
		else {
			System.setProperty(KnownStreamProvider.PROPERTY, before);
		}
	}

	@Test
	void namesTheProviderTheServiceFilesOffer() {
		Class<?> found = StreamProvider.provider().getClass();

		KnownStreamProvider.name();

		assertThat(System.getProperty(KnownStreamProvider.PROPERTY)).isEqualTo(found.getName());
		assertThat(StreamProvider.provider()).isInstanceOf(found);
	}

	@Test
	void keepsAProviderTheJvmWasGiven() {
		System.setProperty(KnownStreamProvider.PROPERTY, "com.example.OwnStreamProvider");

		KnownStreamProvider.name();

		assertThat(System.getProperty(KnownStreamProvider.PROPERTY)).isEqualTo("com.example.OwnStreamProvider");
	}
}
