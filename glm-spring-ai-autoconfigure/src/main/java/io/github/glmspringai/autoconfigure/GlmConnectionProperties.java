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
import java.time.temporal.ChronoUnit;

import io.github.glmspringai.api.GlmRegion;
import io.github.glmspringai.chat.GlmProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * Connection properties of GLM on Alibaba Cloud Model Studio (Bailian / DashScope):
 * endpoint, key, protocol, timeouts, connection pool, TLS and proxy.
 *
 * @author glm-spring-ai
 */
@ConfigurationProperties(GlmConnectionProperties.CONFIG_PREFIX)
public class GlmConnectionProperties {

	/** The prefix of these properties. */
	public static final String CONFIG_PREFIX = "spring.ai.glm";

	/**
	 * The environment variable read on the Bailian protocols when
	 * {@code spring.ai.glm.api-key} is not set (zhipu: {@code ZHIPUAI_API_KEY}, then
	 * {@code ZAI_API_KEY}).
	 */
	public static final String API_KEY_ENVIRONMENT_VARIABLE = "DASHSCOPE_API_KEY";

	/**
	 * API key, sent as "Authorization: Bearer": a DashScope key on Bailian, a BigModel or
	 * Z.ai key on zhipu. Defaults to the DASHSCOPE_API_KEY environment variable on the
	 * Bailian protocols, to ZHIPUAI_API_KEY, then ZAI_API_KEY on zhipu.
	 */
	private @Nullable String apiKey;

	/**
	 * Scheme and host of the service; each protocol adds its own path. When not set: the
	 * region's host, else the protocol's default (https://dashscope.aliyuncs.com for the
	 * Bailian protocols, https://open.bigmodel.cn for zhipu). Plain http is only allowed
	 * to localhost unless allow-insecure-http is set.
	 */
	private @Nullable String baseUrl;

	/**
	 * Bailian region, which picks the base URL: cn-beijing, ap-singapore, us-virginia,
	 * eu-frankfurt or cn-hongkong; with a workspace, the region's workspace domain
	 * ({WorkspaceId}.{region}.maas.aliyuncs.com). Frankfurt and Hong Kong need the
	 * workspace. An explicit base-url wins.
	 */
	private @Nullable GlmRegion region;

	/**
	 * Path of the chat endpoint below the base URL, replacing the protocol's (e.g.
	 * /api/coding/paas/v4/chat/completions for Zhipu's GLM Coding Plan, which is meant
	 * for coding tools only; or a gateway's path). Must start with '/'; no query.
	 */
	private @Nullable String completionsPath;

	/**
	 * Wire protocol: 'openai-compatible' (Bailian, POST
	 * /compatible-mode/v1/chat/completions), 'dashscope' (Bailian, POST
	 * /api/v1/services/aigc/text-generation/generation) or 'zhipu' (BigModel and Z.ai,
	 * POST /api/paas/v4/chat/completions).
	 */
	private GlmProtocol protocol = GlmProtocol.OPENAI_COMPATIBLE;

	/**
	 * Model Studio workspace id, sent as the X-DashScope-WorkSpace header; with region,
	 * it forms the workspace domain.
	 */
	private @Nullable String workspace;

	/**
	 * TCP and TLS connect timeout (a number without unit is in seconds). When not set,
	 * spring.http.clients.connect-timeout applies if that is set.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Longest wait from sending a request to the first server-sent event; thinking can be
	 * slow to start (a number without unit is in seconds).
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration firstTokenTimeout = Duration.ofSeconds(120);

	/**
	 * Longest silence between two server-sent events of a stream (a number without unit
	 * is in seconds).
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration idleTimeout = Duration.ofSeconds(60);

	/**
	 * Longest a call or stream waits for its first server-sent event across every attempt
	 * and retry back-off together (first-token-timeout applies to one attempt); a number
	 * without unit is in seconds.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration firstTokenDeadline = Duration.ofMinutes(5);

	/**
	 * Maximum number of concurrent connections (each open stream holds one).
	 */
	private int maxConnections = 1000;

	/**
	 * Longest wait for a free pooled connection when all max-connections are busy (a
	 * number without unit is in seconds).
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration pendingAcquireTimeout = Duration.ofSeconds(45);

	/**
	 * How long an unused pooled connection is kept before it is closed; shorter than the
	 * service's keep-alive, so a connection the server dropped is never reused (a number
	 * without unit is in seconds).
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration poolMaxIdleTime = Duration.ofSeconds(30);

	/**
	 * Allow a plain http base-url to a host other than localhost; the API key would
	 * travel unencrypted.
	 */
	private boolean allowInsecureHttp;

	private final Ssl ssl = new Ssl();

	/**
	 * Explicit proxy; without one, the JVM's proxy system properties apply.
	 */
	@NestedConfigurationProperty
	private final GlmProxyProperties proxy = new GlmProxyProperties();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getCompletionsPath() {
		return this.completionsPath;
	}

	public void setCompletionsPath(@Nullable String completionsPath) {
		this.completionsPath = completionsPath;
	}

	public @Nullable GlmRegion getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable GlmRegion region) {
		this.region = region;
	}

	public GlmProtocol getProtocol() {
		return this.protocol;
	}

	public void setProtocol(GlmProtocol protocol) {
		this.protocol = protocol;
	}

	public @Nullable String getWorkspace() {
		return this.workspace;
	}

	public void setWorkspace(@Nullable String workspace) {
		this.workspace = workspace;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getFirstTokenTimeout() {
		return this.firstTokenTimeout;
	}

	public void setFirstTokenTimeout(Duration firstTokenTimeout) {
		this.firstTokenTimeout = firstTokenTimeout;
	}

	public Duration getFirstTokenDeadline() {
		return this.firstTokenDeadline;
	}

	public void setFirstTokenDeadline(Duration firstTokenDeadline) {
		this.firstTokenDeadline = firstTokenDeadline;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public Duration getPendingAcquireTimeout() {
		return this.pendingAcquireTimeout;
	}

	public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
		this.pendingAcquireTimeout = pendingAcquireTimeout;
	}

	public Duration getPoolMaxIdleTime() {
		return this.poolMaxIdleTime;
	}

	public void setPoolMaxIdleTime(Duration poolMaxIdleTime) {
		this.poolMaxIdleTime = poolMaxIdleTime;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public GlmProxyProperties getProxy() {
		return this.proxy;
	}

	@Override
	public String toString() {
		return "GlmConnectionProperties{apiKey=" + ((this.apiKey != null) ? "***" : null) + ", baseUrl=" + this.baseUrl
				+ ", region=" + this.region + ", completionsPath=" + this.completionsPath + ", protocol="
				+ this.protocol + ", workspace=" + this.workspace + ", proxy=" + this.proxy + '}';
	}

	/**
	 * TLS settings of the connections to the service.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose trust material (a private
		 * CA) and key material (mutual TLS) the client uses. Defaults to
		 * spring.http.clients.ssl.bundle when that is set, else the JVM's trust store.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

}
