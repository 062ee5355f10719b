/**
 * Docker Compose support: a FairCom Edge service of the application's Compose file
 * becomes the connection of the auto-configured client.
 */
@NullMarked
package io.github.faircomclient.docker.compose;

import org.jspecify.annotations.NullMarked;
