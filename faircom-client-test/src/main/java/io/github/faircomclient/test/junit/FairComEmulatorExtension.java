package io.github.faircomclient.test.junit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

import io.github.faircomclient.test.ClientAuth;
import io.github.faircomclient.test.CompatibilityProfile;
import io.github.faircomclient.test.EmulatorClock;
import io.github.faircomclient.test.FairComEmulator;
import io.github.faircomclient.test.FairComEmulatorBuilder;
import io.github.faircomclient.test.MutableEmulatorClock;
import io.github.faircomclient.test.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit Jupiter extension that runs a FairCom emulator. Use it through {@link EnableFairComEmulator}, or
 * register it with a builder customizer:
 *
 * <pre>{@code
 * @RegisterExtension
 * static FairComEmulatorExtension faircom = FairComEmulatorExtension.configure(
 *         (builder, tls) -> builder.tls(tls).user("jim", "secret").permanentSessions(true));
 * }</pre>
 *
 * A static field gives one emulator per test class, an instance field one per test. Injects
 * {@link FairComEmulator}, {@link TlsMaterial} and, when the emulator runs on one,
 * {@link MutableEmulatorClock} as parameters. Before each test it clears faults, latency and action
 * counts, restores the configured profile and restarts a stopped emulator.
 */
public final class FairComEmulatorExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(FairComEmulatorExtension.class);

	private final @Nullable BiConsumer<FairComEmulatorBuilder, TlsMaterial> customizer;

	private @Nullable Running programmatic;

	private boolean perTest;

	/**
	 * The extension as used by {@link EnableFairComEmulator} (or {@code @ExtendWith} with default settings).
	 */
	public FairComEmulatorExtension() {
		this.customizer = null;
	}

	private FairComEmulatorExtension(BiConsumer<FairComEmulatorBuilder, TlsMaterial> customizer) {
		this.customizer = customizer;
	}

	/**
	 * An extension for {@code @RegisterExtension} whose emulator is configured in code. The customizer gets
	 * a builder with defaults and freshly generated TLS material (use {@code builder.tls(tls)} for HTTPS).
	 * @param customizer configures the emulator
	 * @return the extension
	 */
	public static FairComEmulatorExtension configure(BiConsumer<FairComEmulatorBuilder, TlsMaterial> customizer) {
		return new FairComEmulatorExtension(Objects.requireNonNull(customizer, "customizer"));
	}

	/**
	 * The running emulator of a registered (programmatic) extension.
	 * @return the emulator
	 * @throws IllegalStateException outside a test run or for the annotation-driven extension
	 */
	public FairComEmulator emulator() {
		return requireProgrammatic().emulator();
	}

	/**
	 * The TLS material of a registered (programmatic) extension.
	 * @return the material
	 * @throws IllegalStateException outside a test run or for the annotation-driven extension
	 */
	public TlsMaterial tlsMaterial() {
		return requireProgrammatic().tls();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.customizer != null) {
			if (this.programmatic == null) {
				this.programmatic = start(this.customizer, null);
			}
		}
		else {
			running(context);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.customizer != null && !this.perTest && this.programmatic != null) {
			this.programmatic.close();
			this.programmatic = null;
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.customizer != null && this.programmatic == null) {
			this.perTest = true;
			this.programmatic = start(this.customizer, null);
		}
		running(context).reset();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.customizer != null && this.perTest && this.programmatic != null) {
			this.programmatic.close();
			this.programmatic = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == FairComEmulator.class || type == TlsMaterial.class || type == MutableEmulatorClock.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Running running = running(extensionContext);
		Class<?> type = parameterContext.getParameter().getType();
		if (type == FairComEmulator.class) {
			return running.emulator();
		}
		if (type == TlsMaterial.class) {
			return running.tls();
		}
		if (running.emulator().clock() instanceof MutableEmulatorClock clock) {
			return clock;
		}
		throw new ParameterResolutionException("The FairCom emulator runs on " + running.emulator().clock()
				+ "; use @EnableFairComEmulator(mutableClock = true) or builder.clock(EmulatorClock.fixed(...))");
	}

	private Running running(ExtensionContext context) {
		if (this.customizer != null) {
			if (this.programmatic == null) {
				this.programmatic = start(this.customizer, null);
			}
			return this.programmatic;
		}
		Settings settings = Settings.of(context);
		if (settings.shared()) {
			return context.getRoot().getStore(NAMESPACE).computeIfAbsent(settings, (key) -> start(null, key), Running.class);
		}
		Object key = settings.declaringClass();
		Running existing = context.getStore(NAMESPACE).get(key, Running.class);
		if (existing != null) {
			return existing;
		}
		return classContext(context).getStore(NAMESPACE).computeIfAbsent(key, (ignored) -> start(null, settings),
				Running.class);
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getParent().isPresent() && current.getTestMethod().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	private Running requireProgrammatic() {
		if (this.customizer == null) {
			throw new IllegalStateException("Only an extension made with configure(...) holds an emulator; "
					+ "with @EnableFairComEmulator take FairComEmulator as a test parameter");
		}
		if (this.programmatic == null) {
			throw new IllegalStateException("The emulator runs only during the tests of the class that registers it");
		}
		return this.programmatic;
	}

	private static Running start(@Nullable BiConsumer<FairComEmulatorBuilder, TlsMaterial> customizer,
			@Nullable Settings settings) {
		TlsMaterial tls = TlsMaterial.generate();
		try {
			FairComEmulatorBuilder builder = FairComEmulator.builder();
			if (customizer != null) {
				customizer.accept(builder, tls);
			}
			else if (settings != null) {
				settings.apply(builder, tls);
			}
			FairComEmulator emulator = builder.build().start();
			return new Running(emulator, tls, emulator.profile());
		}
		catch (RuntimeException ex) {
			tls.close();
			throw ex;
		}
	}

	/**
	 * A running emulator with its TLS material; closed by JUnit with the store that holds it.
	 */
	private record Running(FairComEmulator emulator, TlsMaterial tls, CompatibilityProfile profile)
			implements AutoCloseable {

		void reset() {
			this.emulator.faults().clear();
			this.emulator.resetActionCounts();
			this.emulator.profile(this.profile);
			if (!this.emulator.isRunning()) {
				this.emulator.start();
			}
		}

		@Override
		public void close() {
			try {
				this.emulator.close();
			}
			finally {
				this.tls.close();
			}
		}

	}

	/**
	 * The settings of {@link EnableFairComEmulator}, usable as a key for shared emulators.
	 */
	private record Settings(Class<?> declaringClass, boolean http, boolean https, ClientAuth clientAuth, String profile,
			List<String> users, boolean permanentSessions, boolean mutableClock, boolean shared) {

		static Settings of(ExtensionContext context) {
			List<Class<?>> classes = new ArrayList<>(context.getEnclosingTestClasses());
			classes.add(context.getRequiredTestClass());
			Collections.reverse(classes);
			for (Class<?> candidate : classes) {
				Optional<EnableFairComEmulator> annotation = AnnotationSupport.findAnnotation(candidate,
						EnableFairComEmulator.class);
				if (annotation.isPresent()) {
					EnableFairComEmulator a = annotation.get();
					return new Settings(a.shared() ? EnableFairComEmulator.class : candidate, a.http(), a.https(),
							a.clientAuth(), a.profile(), Arrays.asList(a.users()), a.permanentSessions(), a.mutableClock(),
							a.shared());
				}
			}
			return new Settings(classes.get(classes.size() - 1), true, false, ClientAuth.WANT, "newest", List.of(), false,
					false, false);
		}

		void apply(FairComEmulatorBuilder builder, TlsMaterial tls) {
			if (this.https) {
				builder.tls(tls).clientAuth(this.clientAuth);
			}
			if (!this.http) {
				builder.withoutHttp();
			}
			for (String user : this.users) {
				int colon = user.indexOf(':');
				if (colon <= 0) {
					throw new IllegalArgumentException(
							"@EnableFairComEmulator(users = ...) entries must look like \"name:password\" but one was '" + user + "'");
				}
				builder.user(user.substring(0, colon), user.substring(colon + 1));
			}
			builder.profile(CompatibilityProfile.parse(this.profile)).permanentSessions(this.permanentSessions);
			if (this.mutableClock) {
				builder.clock(EmulatorClock.fixedAtNow());
			}
		}

		@Override
		public String toString() {
			return "EnableFairComEmulator[http=" + this.http + ", https=" + this.https + ", clientAuth=" + this.clientAuth
					+ ", profile=" + this.profile + ", users=" + this.users.size() + ", permanentSessions="
					+ this.permanentSessions + ", mutableClock=" + this.mutableClock + ", shared=" + this.shared + "]";
		}

	}

}
