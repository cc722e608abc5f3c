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

package io.github.glmspringai.api;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;

import io.github.glmspringai.api.dashscope.DashScopeGlmApi;
import io.github.glmspringai.api.openai.OpenAiCompatibleGlmApi;
import io.github.glmspringai.api.zhipu.ZhipuGlmApi;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A protocol-neutral client for GLM (Bailian's two protocols, and Zhipu's BigModel and
 * Z.ai): it sends a {@link GlmRequest} as a streaming request and emits what each frame
 * added as {@link GlmStreamEvent}s. The returned flux is cold; each subscription sends
 * the request again. Errors are {@link GlmTransientException} or
 * {@link GlmNonTransientException}.
 *
 * @author glm-spring-ai
 */
public interface GlmApi extends AutoCloseable {

	/**
	 * Default base URL of the Bailian protocols (China, Beijing region); each protocol
	 * has its own ({@link GlmWireProtocol#getDefaultBaseUrl()}).
	 */
	String DEFAULT_BASE_URL = "https://dashscope.aliyuncs.com";

	/**
	 * The protocol this client speaks, as it was given to the builder (a
	 * {@code GlmProtocol} of the chat layer, or a {@link GlmWireProtocol});
	 * {@code getProtocol().wireProtocol()} is the wire protocol.
	 * @return the protocol
	 */
	GlmApiProtocol getProtocol();

	/**
	 * Stream a request.
	 * @param request the request
	 * @return the events of the answer
	 */
	Flux<GlmStreamEvent> stream(GlmRequest request);

	/**
	 * Remove this client's credentials (its API key, and any {@code Bearer} token) from a
	 * text that came from the service, e.g. the partial answer an error carries.
	 * @param text the text
	 * @return the text without credentials
	 */
	String redact(String text);

	/**
	 * Release the connection pool.
	 */
	@Override
	void close();

	/**
	 * A builder for any protocol.
	 * @return a new builder
	 */
	static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link GlmApi} for the chosen protocol.
	 */
	final class Builder {

		private GlmApiProtocol protocol = GlmWireProtocol.OPENAI_COMPATIBLE;

		private @Nullable String baseUrl;

		private @Nullable String completionsPath;

		private @Nullable GlmRegion region;

		private @Nullable String apiKey;

		private @Nullable String workspace;

		private WebClient.Builder webClientBuilder = WebClient.builder();

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration firstTokenTimeout = Duration.ofSeconds(120);

		private Duration idleTimeout = Duration.ofSeconds(60);

		private int maxConnections = 1000;

		private Duration pendingAcquireTimeout = Duration.ofSeconds(45);

		private Duration poolMaxIdleTime = Duration.ofSeconds(30);

		private boolean allowInsecureHttp;

		private @Nullable SslContext sslContext;

		private @Nullable GlmProxy proxy;

		private UnaryOperator<HttpClient> httpClientCustomizer = UnaryOperator.identity();

		Builder() {
		}

		/**
		 * The wire protocol (default {@link GlmWireProtocol#OPENAI_COMPATIBLE}); the chat
		 * layer's {@code GlmProtocol} constants are accepted too.
		 * @param protocol the protocol
		 * @return this builder
		 */
		public Builder protocol(GlmApiProtocol protocol) {
			this.protocol = protocol;
			return this;
		}

		/**
		 * The scheme and host, e.g. {@code https://dashscope.aliyuncs.com}; each protocol
		 * adds its own path. When unset, the region's host, else the protocol's default
		 * ({@link GlmWireProtocol#getDefaultBaseUrl()}). An explicit base URL wins over a
		 * region.
		 * @param baseUrl the base URL, or {@code null}
		 * @return this builder
		 */
		public Builder baseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * The chat endpoint's path below the base URL, replacing the protocol's
		 * {@link GlmWireProtocol#getDefaultPath() default path}, e.g. Zhipu's GLM Coding
		 * Plan endpoint {@code /api/coding/paas/v4/chat/completions} or a gateway's path.
		 * Must start with {@code /} and have no query or fragment.
		 * @param completionsPath the path, or {@code null} for the protocol's default
		 * @return this builder
		 */
		public Builder completionsPath(@Nullable String completionsPath) {
			this.completionsPath = completionsPath;
			return this;
		}

		/**
		 * The Bailian region, which picks the base URL (with a
		 * {@link #workspace(String)}, the region's workspace domain).
		 * @param region the region, or {@code null}
		 * @return this builder
		 */
		public Builder region(@Nullable GlmRegion region) {
			this.region = region;
			return this;
		}

		/**
		 * The API key (Bailian's DashScope key, or a BigModel / Z.ai key), sent as
		 * {@code Authorization: Bearer}.
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * A Bailian workspace id, sent as {@code X-DashScope-WorkSpace}; the zhipu
		 * protocol has no workspaces and rejects one.
		 * @param workspace the workspace, or {@code null}
		 * @return this builder
		 */
		public Builder workspace(@Nullable String workspace) {
			this.workspace = workspace;
			return this;
		}

		/**
		 * The {@link WebClient.Builder} to start from; it is cloned, never modified.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * TCP/TLS connect timeout (default 10 s).
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/**
		 * Longest wait from sending the request to the first SSE event (default 120 s).
		 * @param firstTokenTimeout the timeout
		 * @return this builder
		 */
		public Builder firstTokenTimeout(Duration firstTokenTimeout) {
			this.firstTokenTimeout = firstTokenTimeout;
			return this;
		}

		/**
		 * Longest silence between two SSE events (default 60 s).
		 * @param idleTimeout the timeout
		 * @return this builder
		 */
		public Builder idleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
			return this;
		}

		/**
		 * Maximum concurrent connections (default 1000).
		 * @param maxConnections the maximum
		 * @return this builder
		 */
		public Builder maxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
			return this;
		}

		/**
		 * Longest wait for a free pooled connection (default 45 s).
		 * @param pendingAcquireTimeout the timeout
		 * @return this builder
		 */
		public Builder pendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
			return this;
		}

		/**
		 * How long an unused pooled connection is kept before it is closed (default 30 s,
		 * shorter than the service's keep-alive, so stale connections are never used).
		 * @param poolMaxIdleTime the idle time
		 * @return this builder
		 */
		public Builder poolMaxIdleTime(Duration poolMaxIdleTime) {
			this.poolMaxIdleTime = poolMaxIdleTime;
			return this;
		}

		/**
		 * Allow a plain {@code http://} base URL to a host other than the loopback
		 * interface (default {@code false}: the key would travel in clear text).
		 * @param allowInsecureHttp whether to allow it
		 * @return this builder
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
			return this;
		}

		/**
		 * The TLS settings of the connections (trust material for a private CA, key
		 * material for mutual TLS), built with Netty's
		 * {@code SslContextBuilder.forClient()}; a JDK {@code SSLContext} can be wrapped
		 * in a {@code JdkSslContext}. Default: the JVM's trust store.
		 * @param sslContext a client {@link SslContext}, or {@code null} for the default
		 * @return this builder
		 */
		public Builder sslContext(@Nullable SslContext sslContext) {
			Assert.isTrue(sslContext == null || sslContext.isClient(), "sslContext must be a client SslContext");
			this.sslContext = sslContext;
			return this;
		}

		/**
		 * An explicit proxy. Default ({@code null}): the JVM's proxy system properties
		 * ({@code https.proxyHost}/{@code https.proxyPort}, {@code http.proxyHost}/
		 * {@code http.proxyPort}, {@code http.nonProxyHosts}, {@code socksProxyHost}).
		 * @param proxy the proxy, or {@code null} for the system properties
		 * @return this builder
		 */
		public Builder proxy(@Nullable GlmProxy proxy) {
			this.proxy = proxy;
			return this;
		}

		/**
		 * A last change to the Reactor Netty {@link HttpClient}, applied after every
		 * setting of this builder (connection pool, timeouts, TLS, proxy), e.g. to add
		 * metrics, a wiretap or a resolver. The returned client is used as it is.
		 * @param httpClientCustomizer the customizer
		 * @return this builder
		 */
		public Builder httpClientCustomizer(UnaryOperator<HttpClient> httpClientCustomizer) {
			Assert.notNull(httpClientCustomizer, "httpClientCustomizer must not be null");
			this.httpClientCustomizer = httpClientCustomizer;
			return this;
		}

		/**
		 * Build the client.
		 * @return the client
		 * @throws IllegalArgumentException on a missing or malformed key, base URL or
		 * setting (the key itself is never printed)
		 */
		public GlmApi build() {
			GlmWireProtocol wireProtocol = this.protocol.wireProtocol();
			String apiKey = GlmApiChecks.apiKey(this.apiKey, wireProtocol);
			URI uri = GlmApiChecks.baseUrl(resolveBaseUrl(), this.allowInsecureHttp);
			String path = (this.completionsPath != null) ? GlmApiChecks.completionsPath(this.completionsPath)
					: wireProtocol.getDefaultPath();
			GlmApiChecks.requirePositive(this.connectTimeout, "connectTimeout");
			GlmApiChecks.requirePositive(this.firstTokenTimeout, "firstTokenTimeout");
			GlmApiChecks.requirePositive(this.idleTimeout, "idleTimeout");
			GlmApiChecks.requirePositive(this.pendingAcquireTimeout, "pendingAcquireTimeout");
			GlmApiChecks.requirePositive(this.poolMaxIdleTime, "poolMaxIdleTime");
			Assert.isTrue(this.maxConnections >= 1, "maxConnections must be >= 1 but was " + this.maxConnections);
			if (this.workspace != null) {
				Assert.isTrue(GlmApiChecks.isHeaderSafe(this.workspace),
						"workspace must not contain control characters or non-ASCII characters");
			}
			AbstractGlmApi.Settings settings = new AbstractGlmApi.Settings(this.protocol,
					uri.toString().replaceAll("/+$", ""), path, apiKey, this.workspace, this.webClientBuilder,
					this.connectTimeout, this.firstTokenTimeout, this.idleTimeout, this.maxConnections,
					this.pendingAcquireTimeout, this.poolMaxIdleTime, this.sslContext, this.proxy,
					this.httpClientCustomizer);
			return switch (wireProtocol) {
				case OPENAI_COMPATIBLE -> new OpenAiCompatibleGlmApi(settings);
				case DASHSCOPE -> new DashScopeGlmApi(settings);
				case ZHIPU -> new ZhipuGlmApi(settings);
			};
		}

		private String resolveBaseUrl() {
			if (this.baseUrl != null && !this.baseUrl.isBlank()) {
				return this.baseUrl;
			}
			GlmWireProtocol wire = this.protocol.wireProtocol();
			if (this.region == null) {
				return wire.getDefaultBaseUrl();
			}
			if (wire == GlmWireProtocol.ZHIPU) {
				throw new IllegalArgumentException("region " + this.region.getValue() + " is a Bailian region; "
						+ "the zhipu protocol reaches BigModel (https://open.bigmodel.cn, the default) or Z.ai: set "
						+ "spring.ai.glm.base-url=https://api.z.ai and no region");
			}
			return this.region.baseUrl(this.workspace);
		}

	}

}
