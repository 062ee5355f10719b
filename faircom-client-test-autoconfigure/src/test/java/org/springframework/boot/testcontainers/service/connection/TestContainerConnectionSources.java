package org.springframework.boot.testcontainers.service.connection;

import java.util.Map;

import org.testcontainers.containers.Container;

import org.springframework.boot.origin.Origin;
import org.springframework.core.annotation.MergedAnnotation;

/**
 * Creates a {@link ContainerConnectionSource} the way Spring Boot's own factory tests do
 * (its constructor is package-private), for a container that never starts.
 */
public final class TestContainerConnectionSources {

	private TestContainerConnectionSources() {
	}

	public static <C extends Container<?>> ContainerConnectionSource<C> of(Class<C> type, C container,
			Origin origin) {
		MergedAnnotation<ServiceConnection> annotation = MergedAnnotation.of(ServiceConnection.class,
				Map.of("name", "", "type", new Class<?>[0]));
		return new ContainerConnectionSource<>("Test", origin, type, null, annotation, () -> container, null, null);
	}

}
