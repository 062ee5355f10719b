/**
 * The FairCom DB (JSON DB) API of the emulator: databases, tables, indexes, records, cursors and
 * transactions kept in embedded H2 databases.
 */
@NullMarked
package io.github.faircomclient.test.db;

import org.jspecify.annotations.NullMarked;
