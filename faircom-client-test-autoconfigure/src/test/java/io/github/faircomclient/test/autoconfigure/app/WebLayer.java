package io.github.faircomclient.test.autoconfigure.app;

import org.springframework.stereotype.Component;

/**
 * A component that has nothing to do with FairCom: a {@code @FairComTest} leaves it out.
 */
@Component
public class WebLayer {

}
