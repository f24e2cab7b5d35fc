package io.shopflow.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Writes opens and clicks behind the requests, in batches, so the pixel and the redirect answer at once: a bounded
 * queue, drained every {@link #PAUSE} by a thread of its own. Not by Spring's @Scheduled: that shares one thread
 * with the outbox and the hourly segment refresh, which would hold the writes up for as long as it runs.
 * Nothing is dropped: when the queue is full the request writes its own event, a batch that failed is written
 * first on the next run, and on shutdown the queue is drained before the database goes away.
 */
@Component
public class TrackingRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TrackingRecorder.class);
	private static final int CAPACITY = 50_000;
	private static final int BATCH = 500;
	private static final Duration PAUSE = Duration.ofMillis(100);
	private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final TrackingWriter writer;
	private final BlockingQueue<TrackingEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
	/** Held while a batch is written, so one write runs at a time and a flush can wait for the one under way. */
	private final ReentrantLock writing = new ReentrantLock();
	/** Taken from the queue and not written yet, guarded by writing; kept when its write fails. */
	private final List<TrackingEvent> batch = new ArrayList<>(BATCH);
	private volatile long quietUntil = System.nanoTime();
	private volatile boolean running;
	private ScheduledExecutorService schedule;

	TrackingRecorder(TrackingWriter writer) {
		this.writer = writer;
	}

	void record(TrackingEvent event) {
		if (!running || !queue.offer(event)) {
			writer.write(List.of(event));
		}
	}

	/**
	 * Everything recorded so far is in the database when this returns. A write under way is waited for, but not
	 * for ever: the caller's transaction may hold a lock that write needs.
	 */
	public void flush() {
		try {
			if (!writing.tryLock(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("A tracking write has been under way for {}; going on without it", PATIENCE);
				return;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return;
		}
		try {
			while (!batch.isEmpty() || queue.drainTo(batch, BATCH) > 0) {
				writer.write(batch);
				batch.clear();
			}
		}
		finally {
			writing.unlock();
		}
	}

	@Override
	public void start() {
		schedule = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("tracking-writer-"));
		schedule.scheduleWithFixedDelay(this::flushInBackground, PAUSE.toMillis(), PAUSE.toMillis(),
				TimeUnit.MILLISECONDS);
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		schedule.shutdown();
		try {
			schedule.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		try {
			flush();
		}
		catch (RuntimeException e) {
			log.error("The database is away at shutdown: {} tracking events are lost", batch.size() + queue.size(), e);
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the web server (which stops first) has stopped taking requests. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private void flushInBackground() {
		if (System.nanoTime() - quietUntil < 0) {
			return;
		}
		try {
			flush();
		}
		catch (RuntimeException e) {
			// the database is away: the batch stays, and is tried again after a pause, losing nothing
			log.warn("Writing tracking events failed, retrying in {}: {}", PAUSE_AFTER_FAILURE, e.toString());
			quietUntil = System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos();
		}
	}
}
