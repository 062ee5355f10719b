/**
 * FairCom's documented request/response examples ("golden files") on the classpath, and a
 * comparator implementing the comparison rules of their README: volatile paths compared
 * loosely, partial examples compared as subsets, property order ignored.
 */
@NullMarked
package io.github.faircomclient.test.golden;

import org.jspecify.annotations.NullMarked;
