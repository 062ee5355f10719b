/**
 * Typed operations for FairCom's admin API ({@code "api": "admin"}), reached through
 * {@link io.github.faircomclient.core.FairComOperations#admin()}: ping, list, describe
 * and alter sessions; create, change, clone, list, describe and drop accounts and assign
 * their roles; list and manage services.
 */
@NullMarked
package io.github.faircomclient.admin;

import org.jspecify.annotations.NullMarked;
