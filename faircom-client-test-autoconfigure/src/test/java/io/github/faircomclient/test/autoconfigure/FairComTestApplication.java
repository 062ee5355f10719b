package io.github.faircomclient.test.autoconfigure;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the tests of this package start: it finds the components of
 * {@code app} by component scanning.
 */
@SpringBootApplication
public class FairComTestApplication {

}
