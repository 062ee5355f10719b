/**
 * Exceptions raised by the FairCom client and the one translator that builds them.
 */
@NullMarked
package io.github.faircomclient;

import org.jspecify.annotations.NullMarked;
