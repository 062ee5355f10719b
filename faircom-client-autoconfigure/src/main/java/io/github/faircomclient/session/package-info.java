/**
 * FairCom sessions: authentication strategies, the session manager with keepalive and logout, and session events.
 */
@NullMarked
package io.github.faircomclient.session;

import org.jspecify.annotations.NullMarked;
