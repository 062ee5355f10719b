package io.github.faircomclient.test.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * {@link TypeExcludeFilter} for {@link FairComTest @FairComTest}: component scanning
 * includes the test's components and nothing else.
 */
class FairComTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<FairComTest> {

	private static final Class<?>[] NO_COMPONENTS = {};

	private final Class<?>[] components;

	FairComTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
		this.components = getAnnotation().getValue("components", Class[].class).orElse(NO_COMPONENTS);
	}

	@Override
	protected Set<Class<?>> getComponentIncludes() {
		return new LinkedHashSet<>(Arrays.asList(this.components));
	}

}
