package io.github.faircomclient.testsupport;

/**
 * What tests compiled for Java 17 need to know about a thread that may be virtual.
 */
public final class Threads {

	private Threads() {
	}

	/**
	 * Return whether the thread is a virtual thread ({@code Thread.isVirtual()} on Java 21
	 * and later, always {@code false} before).
	 * @param thread the thread
	 * @return whether it is virtual
	 */
	public static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
