package io.github.faircomclient.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;
import org.springframework.test.context.TestContextBootstrapper;

/**
 * {@link TestContextBootstrapper} for {@link FairComTest @FairComTest}: it reads the
 * annotation's {@code properties}.
 */
class FairComTestContextBootstrapper extends TestSliceTestContextBootstrapper<FairComTest> {

}
