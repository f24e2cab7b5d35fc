package io.shopflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The queue behind the tracking requests: written in batches, in the background, and nothing lost. */
class TrackingRecorderTest {

	final List<Long> written = new CopyOnWriteArrayList<>();
	volatile boolean databaseAway;

	final TrackingWriter writer = new TrackingWriter(null, null, null, null, null) {
		@Override
		void write(List<TrackingEvent> events) {
			if (databaseAway) {
				throw new IllegalStateException("the database is away");
			}
			events.forEach(event -> written.add(event.sendId()));
		}
	};
	final TrackingRecorder recorder = new TrackingRecorder(writer);

	@Test
	void writesInTheBackgroundInBatches() {
		recorder.start();
		record(1_200);
		await().atMost(Duration.ofSeconds(10)).until(() -> written.size() == 1_200);
		assertThat(written).isEqualTo(LongStream.range(0, 1_200).boxed().toList());
		recorder.stop();
	}

	@Test
	void aBatchThatFailedIsWrittenByTheNextFlush() {
		recorder.start();
		databaseAway = true;
		record(3);
		assertThatThrownBy(recorder::flush).hasMessageContaining("away");
		databaseAway = false;
		recorder.flush();
		assertThat(written).containsExactly(0L, 1L, 2L);
		recorder.stop();
	}

	@Test
	void whatIsQueuedAtShutdownIsWritten() {
		databaseAway = true;
		recorder.start();
		record(700);
		databaseAway = false;
		recorder.stop();
		assertThat(written).hasSize(700).doesNotHaveDuplicates();
	}

	private void record(int count) {
		for (long i = 0; i < count; i++) {
			recorder.record(new TrackingEvent(i, TrackedLinks.OPEN, null, "Firefox", "10.0.0.1", Instant.now()));
		}
	}
}
