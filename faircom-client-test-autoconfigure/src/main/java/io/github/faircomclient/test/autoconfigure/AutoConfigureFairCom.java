package io.github.faircomclient.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * {@link ImportAutoConfiguration Auto-configuration imports} for typical FairCom tests:
 * SSL bundles, the template, FairCom transactions with Spring's transaction support, MQ
 * listeners and, when on the classpath, {@code @ServiceConnection} containers. Most tests
 * should use {@link FairComTest @FairComTest} rather than this annotation directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureFairCom {

}
