/**
 * JMH benchmarks of {@code FairComTemplate} against hand-written HttpClient 5 + Jackson code, and the
 * harness around them: server processes, a fixed-answer server, the suite runner and its report.
 */
@NullMarked
package io.github.faircomclient.benchmarks;

import org.jspecify.annotations.NullMarked;
