/**
 * TLS material for tests, generated on the fly with BouncyCastle and written as PEM files: a CA, a
 * server certificate for {@code localhost}/{@code 127.0.0.1}, client certificates per common name, and the
 * broken variants that TLS refusal tests need.
 */
@NullMarked
package io.github.faircomclient.test.tls;

import org.jspecify.annotations.NullMarked;
