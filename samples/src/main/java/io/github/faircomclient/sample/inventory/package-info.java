/**
 * The inventory service: items in a FairCom table, read and written with the typed DB API.
 */
@NullMarked
package io.github.faircomclient.sample.inventory;

import org.jspecify.annotations.NullMarked;
