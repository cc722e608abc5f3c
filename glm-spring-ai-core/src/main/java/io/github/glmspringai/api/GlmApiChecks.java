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
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The checks of {@link GlmApi.Builder}: each bad setting is an
 * {@link IllegalArgumentException} that names it and what to set instead, and never
 * prints a key or credentials.
 *
 * @author glm-spring-ai
 */
final class GlmApiChecks {

	private static final Duration MAX_DURATION = Duration.ofHours(24);

	private GlmApiChecks() {
	}

	static String completionsPath(String path) {
		String p = path.strip();
		if (!p.startsWith("/") || p.startsWith("//")) {
			throw new IllegalArgumentException("completionsPath must start with a single '/', e.g. "
					+ "/api/coding/paas/v4/chat/completions, but was '" + path + "'");
		}
		if (p.indexOf('?') >= 0 || p.indexOf('#') >= 0) {
			throw new IllegalArgumentException(
					"completionsPath must not have a query or a fragment but was '" + path + "'");
		}
		for (int i = 0; i < p.length(); i++) {
			char c = p.charAt(i);
			if (c <= 0x20 || c > 0x7e) {
				throw new IllegalArgumentException("completionsPath must not contain white space, control or "
						+ "non-ASCII characters (percent-encode them) but was '" + path + "'");
			}
		}
		return p;
	}

	static String apiKey(@Nullable String apiKey, GlmWireProtocol protocol) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new IllegalArgumentException("apiKey must be set (spring.ai.glm.api-key or the "
					+ String.join(" or ", protocol.getApiKeyVariables()) + " environment variable)");
		}
		if (!isHeaderSafe(apiKey) || apiKey.indexOf(' ') >= 0) {
			throw new IllegalArgumentException("apiKey contains a character that is not allowed in an HTTP header "
					+ "(CR, LF, space, control or non-ASCII character); the key is not printed");
		}
		return apiKey;
	}

	static boolean isHeaderSafe(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	static URI baseUrl(String baseUrl, boolean allowInsecureHttp) {
		Assert.hasText(baseUrl, "baseUrl must be set, e.g. " + GlmApi.DEFAULT_BASE_URL);
		URI uri;
		try {
			uri = new URI(baseUrl.strip());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(
					"baseUrl is not a valid URL (scheme and host, e.g. " + GlmApi.DEFAULT_BASE_URL + "): "
							+ ((baseUrl.indexOf('@') >= 0) ? "<not printed: it may hold credentials>" : baseUrl));
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
			throw new IllegalArgumentException("baseUrl must not contain credentials (user:password@); the key goes "
					+ "in spring.ai.glm.api-key (the URL is not printed)");
		}
		Assert.isTrue(uri.getHost() != null && (scheme.equals("https") || scheme.equals("http")),
				"baseUrl must be an http(s) URL with a host, e.g. " + GlmApi.DEFAULT_BASE_URL + ", but was " + baseUrl);
		String origin = scheme + "://" + uri.getRawAuthority();
		if (uri.getRawQuery() != null) {
			throw new IllegalArgumentException("baseUrl must not have a query (?" + uri.getRawQuery() + "); set "
					+ "spring.ai.glm.base-url to " + origin);
		}
		if (uri.getRawFragment() != null) {
			throw new IllegalArgumentException("baseUrl must not have a fragment (#" + uri.getRawFragment()
					+ "); set spring.ai.glm.base-url to " + origin);
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		if (!path.isEmpty() && !path.equals("/")) {
			throw new IllegalArgumentException("baseUrl must be scheme and host only, without a path (" + path
					+ "): each protocol adds its own path (e.g. /compatible-mode/v1/chat/completions), so set "
					+ "spring.ai.glm.base-url to " + origin + " and, for a gateway with another path, set "
					+ "spring.ai.glm.completions-path");
		}
		if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
			throw new IllegalArgumentException("baseUrl " + origin
					+ " uses plain http to a non-loopback host, which would send the API key unencrypted; "
					+ "use https or set spring.ai.glm.allow-insecure-http=true");
		}
		return URI.create(origin);
	}

	/**
	 * A loopback address written as such: {@code localhost}, an IPv4 literal in
	 * 127.0.0.0/8 or {@code [::1]} (no name lookup: {@code 127.attacker.example} is not
	 * loopback).
	 */
	private static boolean isLoopback(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (h.equals("localhost") || h.equals("[::1]") || h.equals("::1")) {
			return true;
		}
		String[] octets = h.split("\\.", -1);
		if (octets.length != 4 || !octets[0].equals("127")) {
			return false;
		}
		for (String octet : octets) {
			if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
				return false;
			}
		}
		return true;
	}

	static void requirePositive(Duration duration, String name) {
		Assert.isTrue(
				duration != null && !duration.isNegative() && !duration.isZero()
						&& duration.compareTo(MAX_DURATION) <= 0,
				() -> name + " must be between 1 ms and " + MAX_DURATION.toHours() + " h but was " + duration);
	}

}
