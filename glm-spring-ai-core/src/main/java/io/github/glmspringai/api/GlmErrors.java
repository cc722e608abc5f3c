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

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one error model of both protocols: reads every error body shape Bailian sends
 * (compatible {@code {"error":{...},"request_id"}}, native {@code {"code","message",
 * "request_id"}}, either of them SSE-framed, or a non-JSON gateway page) into a
 * {@link GlmError}.
 *
 * @author glm-spring-ai
 */
public final class GlmErrors {

	private static final int EXCERPT = 200;

	private GlmErrors() {
	}

	/**
	 * Read an HTTP error response.
	 * @param status the HTTP status
	 * @param body the body
	 * @param requestIdHeader a request id from the response headers, if any
	 * @return the error
	 */
	static GlmError fromBody(int status, byte[] body, @Nullable String requestIdHeader) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		String json = sseData(text);
		if (json != null) {
			JsonNode node = tryParse(json);
			if (node != null && node.isObject()) {
				GlmError error = fromJson(status, node);
				if (error.requestId() == null && requestIdHeader != null) {
					return GlmError.of(status, error.code(), error.message(), requestIdHeader);
				}
				return error;
			}
		}
		String message = text.isEmpty() ? null : excerpt(text);
		return GlmError.of(status, null, message, requestIdHeader);
	}

	/**
	 * Read an error object received inside a stream.
	 * @param status the status announced by the stream, or {@code 0} to infer it from the
	 * code
	 * @param node the JSON object
	 * @return the error
	 */
	static GlmError fromJson(int status, JsonNode node) {
		JsonNode source = node.path("error").isObject() ? node.path("error") : node;
		String code = text(source, "code");
		if (code == null) {
			code = text(source, "type");
		}
		String message = text(source, "message");
		if (message == null) {
			message = text(source, "msg");
		}
		String requestId = text(node, "request_id");
		if (requestId == null) {
			requestId = text(source, "request_id");
		}
		return GlmError.of((status > 0) ? status : statusForCode(code), code, message, requestId);
	}

	/**
	 * Whether a JSON object is an error report rather than a result.
	 * @param node the object
	 * @return {@code true} for an error
	 */
	static boolean isError(JsonNode node) {
		return node.path("error").isObject() || (node.hasNonNull("code") && node.path("output").isMissingNode());
	}

	/**
	 * The HTTP status that goes with a service error code, for errors reported inside a
	 * stream without one.
	 * @param code the service code
	 * @return the status
	 */
	static int statusForCode(@Nullable String code) {
		if (code == null) {
			return 500;
		}
		String c = code.toLowerCase(Locale.ROOT);
		if (c.startsWith("throttling") || c.contains("limit_requests") || c.contains("limit_burst")
				|| c.contains("insufficient_quota") || c.contains("overdue") || c.contains("notpurchased")) {
			return 429;
		}
		if (c.contains("invalidapikey") || c.contains("invalid_api_key")) {
			return 401;
		}
		if (c.contains("accessdenied") || c.contains("access_denied")) {
			return 403;
		}
		if (c.contains("notfound") || c.contains("not_found") || c.contains("not_supported")) {
			return 404;
		}
		if (c.contains("unavailable") || c.contains("servingerror")) {
			return 503;
		}
		if (c.startsWith("internal") || c.contains("systemerror") || c.contains("servicefailed")
				|| c.contains("timeout") || c.contains("internal_error")) {
			return 500;
		}
		return 400;
	}

	/**
	 * Parse an {@code HTTP_STATUS/NNN} comment of the native protocol.
	 * @param comment the comment
	 * @return the status, or {@code 0}
	 */
	public static int statusFromComment(@Nullable String comment) {
		if (comment != null && comment.startsWith("HTTP_STATUS/")) {
			try {
				return Integer.parseInt(comment.substring("HTTP_STATUS/".length()).trim());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}
		return 0;
	}

	private static @Nullable String sseData(String text) {
		if (text.startsWith("{")) {
			return text;
		}
		for (String line : text.split("\r\n|\r|\n")) {
			if (line.startsWith("data:")) {
				return line.substring(5).strip();
			}
		}
		return null;
	}

	private static @Nullable JsonNode tryParse(String json) {
		try {
			return WireJson.JSON.readTree(json);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		String text = value.asString();
		return text.isEmpty() ? null : text;
	}

	static String excerpt(String text) {
		return (text.length() > EXCERPT) ? text.substring(0, EXCERPT) + "…" : text;
	}

}
