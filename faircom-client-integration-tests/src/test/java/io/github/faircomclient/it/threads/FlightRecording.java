package io.github.faircomclient.it.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records JDK Flight Recorder events while a piece of work runs and returns them once the
 * recording stopped, so that no event is still on its way when a test looks.
 */
final class FlightRecording {

	private FlightRecording() {
	}

	/**
	 * Run the work with the events enabled (no threshold, with stack traces).
	 * @param work the work
	 * @param eventNames the events, for example {@code jdk.VirtualThreadPinned}
	 * @return the events recorded
	 */
	static List<RecordedEvent> record(ThrowingRunnable work, String... eventNames) throws Exception {
		Path file = Files.createTempFile("faircom-", ".jfr");
		try (Recording recording = new Recording()) {
			for (String eventName : eventNames) {
				recording.enable(eventName).withThreshold(Duration.ZERO).withStackTrace();
			}
			recording.start();
			work.run();
			recording.stop();
			recording.dump(file);
			return RecordingFile.readAllEvents(file);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * Return the names of the threads that started as virtual threads.
	 * @param events the events of a recording with {@code jdk.VirtualThreadStart}
	 * @return the names
	 */
	static List<String> virtualThreadsStarted(List<RecordedEvent> events) {
		return events.stream()
			.filter((event) -> event.getEventType().getName().equals("jdk.VirtualThreadStart"))
			.map(RecordedEvent::getThread)
			.filter((thread) -> thread != null)
			.map(RecordedThread::getJavaName)
			.toList();
	}

	/**
	 * Return whether a frame of the event's stack trace is in a class the predicate accepts.
	 * @param event the event
	 * @param className what to look for
	 * @return whether a frame matched
	 */
	static boolean hasFrame(RecordedEvent event, Predicate<String> className) {
		return event.getStackTrace() != null && event.getStackTrace()
			.getFrames()
			.stream()
			.filter(RecordedFrame::isJavaFrame)
			.anyMatch((frame) -> className.test(frame.getMethod().getType().getName()));
	}

	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}
