/**
 * HTTP transport for the FairCom JSON Action API on Spring's {@code RestClient} and Apache HttpClient 5.
 */
@NullMarked
package io.github.faircomclient.http;

import org.jspecify.annotations.NullMarked;
