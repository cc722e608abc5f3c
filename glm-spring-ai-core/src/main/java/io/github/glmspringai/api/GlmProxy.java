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

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.netty.transport.ProxyProvider;

/**
 * An explicit proxy for the connections to the service; without one, the client honours
 * the JVM's proxy system properties ({@code https.proxyHost}, {@code http.proxyHost},
 * {@code http.nonProxyHosts}, {@code socksProxyHost}). Immutable; {@link #toString()}
 * never shows the password.
 *
 * @param type {@link Type#HTTP} (a {@code CONNECT} tunnel) or {@link Type#SOCKS5}
 * @param host the proxy host
 * @param port the proxy port, in [1, 65535]
 * @param username the user name, or {@code null} for no authentication
 * @param password the password; set exactly when {@code username} is
 * @param nonProxyHosts hosts reached directly, as in {@code http.nonProxyHosts}: exact
 * names or patterns with a leading or trailing {@code *}, compared ignoring case
 * @author glm-spring-ai
 */
public record GlmProxy(Type type, String host, int port, @Nullable String username, @Nullable String password,
		List<String> nonProxyHosts) {

	/**
	 * Validate the proxy.
	 * @throws IllegalArgumentException naming the field that is wrong
	 */
	public GlmProxy {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("proxy host must be set (spring.ai.glm.proxy.host)");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException(
					"proxy port (spring.ai.glm.proxy.port) must be in [1, 65535] but was " + port);
		}
		if ((username == null) != (password == null)) {
			throw new IllegalArgumentException("proxy username and password must be set together");
		}
		if (nonProxyHosts == null || nonProxyHosts.stream().anyMatch((h) -> h == null || h.isBlank())) {
			throw new IllegalArgumentException("proxy nonProxyHosts must not contain blank entries");
		}
		host = host.strip();
		nonProxyHosts = List.copyOf(nonProxyHosts);
	}

	/**
	 * An HTTP proxy (the client opens a {@code CONNECT} tunnel through it).
	 * @param host the proxy host
	 * @param port the proxy port
	 * @return the proxy
	 */
	public static GlmProxy http(String host, int port) {
		return new GlmProxy(Type.HTTP, host, port, null, null, List.of());
	}

	/**
	 * A SOCKS5 proxy.
	 * @param host the proxy host
	 * @param port the proxy port
	 * @return the proxy
	 */
	public static GlmProxy socks5(String host, int port) {
		return new GlmProxy(Type.SOCKS5, host, port, null, null, List.of());
	}

	/**
	 * This proxy with credentials (HTTP: {@code Proxy-Authorization: Basic}).
	 * @param username the user name
	 * @param password the password
	 * @return a copy
	 */
	public GlmProxy withCredentials(String username, String password) {
		return new GlmProxy(this.type, this.host, this.port, username, password, this.nonProxyHosts);
	}

	/**
	 * This proxy with hosts that are reached directly.
	 * @param nonProxyHosts exact names or patterns with a leading or trailing {@code *}
	 * @return a copy
	 */
	public GlmProxy withNonProxyHosts(List<String> nonProxyHosts) {
		return new GlmProxy(this.type, this.host, this.port, this.username, this.password, nonProxyHosts);
	}

	/**
	 * Configure Reactor Netty's proxy support with this proxy.
	 * @param spec the proxy spec of the HTTP client
	 * @param connectTimeout the timeout of the proxy handshake
	 */
	void configure(ProxyProvider.TypeSpec spec, Duration connectTimeout) {
		ProxyProvider.Builder builder = spec
			.type((this.type == Type.SOCKS5) ? ProxyProvider.Proxy.SOCKS5 : ProxyProvider.Proxy.HTTP)
			.host(this.host)
			.port(this.port)
			.connectTimeoutMillis(connectTimeout.toMillis())
			.nonProxyHostsPredicate(nonProxyHostsPredicate(this.nonProxyHosts));
		String password = this.password;
		if (this.username != null && password != null) {
			builder.username(this.username).password((user) -> password);
		}
	}

	private static Predicate<SocketAddress> nonProxyHostsPredicate(List<String> patterns) {
		if (patterns.isEmpty()) {
			return (address) -> false;
		}
		Pattern regex = Pattern.compile(patterns.stream().map(GlmProxy::toRegex).collect(Collectors.joining("|")),
				Pattern.CASE_INSENSITIVE);
		return (address) -> address instanceof InetSocketAddress inet && inet.getHostString() != null
				&& regex.matcher(inet.getHostString()).matches();
	}

	private static String toRegex(String pattern) {
		String p = pattern.strip().toLowerCase(Locale.ROOT);
		boolean leading = p.startsWith("*");
		boolean trailing = p.length() > 1 && p.endsWith("*");
		String core = p.substring(leading ? 1 : 0, trailing ? p.length() - 1 : p.length());
		return (leading ? ".*" : "") + Pattern.quote(core) + (trailing ? ".*" : "");
	}

	@Override
	public String toString() {
		return "GlmProxy{type=" + this.type + ", host=" + this.host + ", port=" + this.port + ", username="
				+ this.username + ", password=" + ((this.password != null) ? "***" : null) + ", nonProxyHosts="
				+ this.nonProxyHosts + '}';
	}

	/**
	 * The kind of proxy.
	 */
	public enum Type {

		/** An HTTP proxy: the connection is a {@code CONNECT} tunnel. */
		HTTP,

		/** A SOCKS5 proxy. */
		SOCKS5

	}

}
