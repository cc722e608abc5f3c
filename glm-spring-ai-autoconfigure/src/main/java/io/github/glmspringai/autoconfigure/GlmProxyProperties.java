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

import java.util.ArrayList;
import java.util.List;

import io.github.glmspringai.api.GlmProxy;
import org.jspecify.annotations.Nullable;

/**
 * An explicit proxy for the connections to the service ({@code spring.ai.glm.proxy.*}).
 * When no host is set, the JVM's proxy system properties apply.
 *
 * @author glm-spring-ai
 */
public class GlmProxyProperties {

	/**
	 * Proxy kind: 'http' (a CONNECT tunnel) or 'socks5'.
	 */
	private GlmProxy.Type type = GlmProxy.Type.HTTP;

	/**
	 * Proxy host. When set, it wins over the JVM's proxy system properties
	 * (https.proxyHost, http.proxyHost).
	 */
	private @Nullable String host;

	/**
	 * Proxy port; required with host.
	 */
	private @Nullable Integer port;

	/**
	 * User name for the proxy (HTTP: Proxy-Authorization Basic).
	 */
	private @Nullable String username;

	/**
	 * Password for the proxy; sanitized in actuator endpoints.
	 */
	private @Nullable String password;

	/**
	 * Hosts reached directly, as in http.nonProxyHosts: exact names or patterns with a
	 * leading or trailing '*', ignoring case.
	 */
	private List<String> nonProxyHosts = new ArrayList<>();

	public GlmProxy.Type getType() {
		return this.type;
	}

	public void setType(GlmProxy.Type type) {
		this.type = type;
	}

	public @Nullable String getHost() {
		return this.host;
	}

	public void setHost(@Nullable String host) {
		this.host = host;
	}

	public @Nullable Integer getPort() {
		return this.port;
	}

	public void setPort(@Nullable Integer port) {
		this.port = port;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public List<String> getNonProxyHosts() {
		return this.nonProxyHosts;
	}

	public void setNonProxyHosts(List<String> nonProxyHosts) {
		this.nonProxyHosts = nonProxyHosts;
	}

	/**
	 * The configured proxy.
	 * @return the proxy, or {@code null} when no host is set
	 * @throws IllegalArgumentException when a proxy is only partly configured
	 */
	@Nullable GlmProxy toProxy() {
		String prefix = GlmConnectionProperties.CONFIG_PREFIX + ".proxy.";
		if (this.host == null || this.host.isBlank()) {
			if (this.port != null || this.username != null || this.password != null || !this.nonProxyHosts.isEmpty()) {
				throw new IllegalArgumentException(
						prefix + "host must be set when other " + prefix + "* properties are set");
			}
			return null;
		}
		if (this.port == null) {
			throw new IllegalArgumentException(prefix + "port must be set with " + prefix + "host");
		}
		if ((this.username == null) != (this.password == null)) {
			throw new IllegalArgumentException(prefix + "username and " + prefix + "password must be set together");
		}
		return new GlmProxy(this.type, this.host, this.port, this.username, this.password, this.nonProxyHosts);
	}

	@Override
	public String toString() {
		return "GlmProxyProperties{type=" + this.type + ", host=" + this.host + ", port=" + this.port + ", username="
				+ this.username + ", password=" + ((this.password != null) ? "***" : null) + ", nonProxyHosts="
				+ this.nonProxyHosts + '}';
	}

}
