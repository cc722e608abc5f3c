/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.glmspringai.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import io.github.glmspringai.api.GlmApi;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Applies the HTTP client settings to a {@link GlmApi.Builder}: {@code spring.ai.glm.*}
 * first, then Spring Boot's global {@code spring.http.clients.connect-timeout} and
 * {@code spring.http.clients.ssl.bundle} where ours are not set, then the
 * {@link GlmHttpClientCustomizer} beans. Boot's settings that cannot apply to GLM's own
 * Reactor Netty client are reported once, at INFO.
 *
 * @author glm-spring-ai
 */
final class GlmHttpClientConfigurer {

	private static final Log logger = LogFactory.getLog(GlmHttpClientConfigurer.class);

	private static final String PREFIX = GlmConnectionProperties.CONFIG_PREFIX;

	private static final String BOOT_PREFIX = "spring.http.clients";

	private final GlmConnectionProperties properties;

	private final Binder binder;

	private final ObjectProvider<SslBundles> sslBundles;

	private final ObjectProvider<GlmHttpClientCustomizer> customizers;

	GlmHttpClientConfigurer(GlmConnectionProperties properties, Environment environment,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<GlmHttpClientCustomizer> customizers) {
		this.properties = properties;
		this.binder = Binder.get(environment);
		this.sslBundles = sslBundles;
		this.customizers = customizers;
	}

	void configure(GlmApi.Builder builder) {
		builder.connectTimeout(connectTimeout()).sslContext(sslContext()).proxy(this.properties.getProxy().toProxy());
		List<GlmHttpClientCustomizer> ordered = this.customizers.orderedStream().toList();
		if (!ordered.isEmpty()) {
			builder.httpClientCustomizer((client) -> {
				HttpClient customized = client;
				for (GlmHttpClientCustomizer customizer : ordered) {
					customized = customizer.customize(customized);
				}
				return customized;
			});
		}
		reportInapplicableBootSettings();
	}

	/** Ours when set, else Boot's global one when set, else our default. */
	private Duration connectTimeout() {
		if (this.binder.bind(PREFIX + ".connect-timeout", String.class).isBound()) {
			return this.properties.getConnectTimeout();
		}
		return this.binder.bind(BOOT_PREFIX + ".connect-timeout", Duration.class)
			.orElse(this.properties.getConnectTimeout());
	}

	private @Nullable SslContext sslContext() {
		String property = PREFIX + ".ssl.bundle";
		String name = this.properties.getSsl().getBundle();
		if (!StringUtils.hasText(name)) {
			property = BOOT_PREFIX + ".ssl.bundle";
			name = this.binder.bind(property, String.class).orElse(null);
		}
		if (!StringUtils.hasText(name)) {
			return null;
		}
		SslBundles bundles = this.sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new IllegalStateException(
					property + "=" + name + " needs Spring Boot's SslBundles bean (SslAutoConfiguration)");
		}
		try {
			return nettySslContext(bundles.getBundle(name));
		}
		catch (NoSuchSslBundleException ex) {
			throw new IllegalArgumentException(
					property + " names the SSL bundle '" + name + "', which is not configured (spring.ssl.bundle.pem."
							+ name + ".* or spring.ssl.bundle.jks." + name + ".*)",
					ex);
		}
	}

	/** The bundle as Spring Boot applies one to Reactor Netty. */
	private static SslContext nettySslContext(SslBundle bundle) {
		SslManagerBundle managers = bundle.getManagers();
		SslOptions options = bundle.getOptions();
		try {
			return SslContextBuilder.forClient()
				.keyManager(managers.getKeyManagerFactory())
				.trustManager(managers.getTrustManagerFactory())
				.ciphers(SslOptions.asSet(options.getCiphers()))
				.protocols(options.getEnabledProtocols())
				.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("cannot build a TLS context from the SSL bundle: " + ex.getMessage(), ex);
		}
	}

	private void reportInapplicableBootSettings() {
		List<String> ignored = new ArrayList<>();
		String connector = this.binder.bind(BOOT_PREFIX + ".reactive.connector", String.class).orElse("reactor");
		if (!connector.strip().equalsIgnoreCase("reactor")) {
			ignored.add(BOOT_PREFIX + ".reactive.connector=" + connector);
		}
		this.binder.bind(BOOT_PREFIX + ".read-timeout", String.class)
			.ifBound((timeout) -> ignored.add(BOOT_PREFIX + ".read-timeout"));
		this.binder.bind(BOOT_PREFIX + ".redirects", String.class)
			.ifBound((redirects) -> ignored.add(BOOT_PREFIX + ".redirects"));
		if (!ignored.isEmpty()) {
			logger.info(String.join(", ", ignored) + " does not apply to GLM: its client always uses Reactor Netty, "
					+ "for its own connection pool and streaming timeouts (" + PREFIX + ".first-token-timeout, "
					+ PREFIX + ".idle-timeout), and never follows redirects; customize it with a "
					+ "GlmHttpClientCustomizer bean");
		}
	}

}
