/**
 * Typed operations for FairCom's JSON DB API ({@code "api": "db"}), reached through
 * {@link io.github.faircomclient.core.FairComOperations#db()}: databases, tables, indexes,
 * records, queries, cursors as streams, and transactions.
 */
@NullMarked
package io.github.faircomclient.db;

import org.jspecify.annotations.NullMarked;
