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
 * The error model shared by every protocol: reads an error body of any shape (JSON,
 * SSE-framed JSON, a gateway's HTML page, nothing at all, with or without a byte order
 * mark) and hands JSON objects to the protocol's reader. Also Bailian's reader, for both
 * of its protocols: compatible {@code {"error":{...},"request_id"}} and native
 * {@code {"code","message","request_id"}}.
 *
 * @author glm-spring-ai
 */
public final class GlmErrors {

	private GlmErrors() {
	}

	/**
	 * Read an error response body.
	 * @param status the HTTP status
	 * @param contentType the response content type, if any
	 * @param body the body (possibly cut short)
	 * @param requestIdHeader a request id from the response headers, if any
	 * @param reader the protocol's reader of a JSON error object
	 * @return the error (not yet scrubbed of secrets)
	 */
	static GlmError fromBody(int status, @Nullable String contentType, byte[] body, @Nullable String requestIdHeader,
			ErrorReader reader) {
		String text = new String(body, StandardCharsets.UTF_8);
		if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
			text = text.substring(1);
		}
		text = text.strip();
		boolean success = status >= 200 && status < 300;
		String json = jsonOf(text);
		JsonNode node = (json != null) ? tryParse(json) : null;
		if (node != null && node.isObject() && reader.isError(node)) {
			return reader.read(status, node).withRequestIdIfAbsent(requestIdHeader);
		}
		if (!success) {
			return GlmError.of(status, null, text.isEmpty() ? null : text, requestIdHeader);
		}
		if (text.isEmpty()) {
			return GlmError
				.of(status, "EmptyResponse",
						"the service answered HTTP " + status
								+ " with no content instead of an event stream; check spring.ai.glm.base-url",
						requestIdHeader)
				.withTransient(false);
		}
		return GlmError
			.of(status, "UnexpectedContentType",
					"expected text/event-stream but the service answered " + ((contentType != null) ? contentType : "")
							+ ": " + text,
					requestIdHeader)
			.withTransient(false);
	}

	/**
	 * Bailian's reader (both of its protocols).
	 * @return the reader
	 */
	public static ErrorReader bailian() {
		return BailianErrors.INSTANCE;
	}

	/**
	 * The HTTP status that goes with a Bailian error code, for errors reported inside a
	 * stream or a 200 body without one.
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
				int status = Integer.parseInt(comment.substring("HTTP_STATUS/".length()).trim());
				return (status >= 100 && status <= 599) ? status : 0;
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}
		return 0;
	}

	/**
	 * A field of an error object as text ({@code null} when absent, null or empty).
	 * @param node the object
	 * @param field the field
	 * @return the text
	 */
	public static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString();
		return text.isEmpty() ? null : text;
	}

	private static @Nullable String jsonOf(String text) {
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

	/**
	 * A protocol's reader of JSON error objects.
	 */
	public interface ErrorReader {

		/**
		 * Whether a JSON object is an error report rather than a result.
		 * @param node the object
		 * @return {@code true} for an error
		 */
		boolean isError(JsonNode node);

		/**
		 * Read an error object.
		 * @param status the HTTP status, or the status announced by the stream, or
		 * {@code 0} when unknown
		 * @param node the object
		 * @return the error
		 */
		GlmError read(int status, JsonNode node);

		/**
		 * Whether an error says the requested model does not exist (or is not served to
		 * this account or endpoint).
		 * @param error the error
		 * @return {@code true} for a missing model
		 */
		boolean isModelNotFound(GlmError error);

	}

	private static final class BailianErrors implements ErrorReader {

		static final BailianErrors INSTANCE = new BailianErrors();

		@Override
		public boolean isError(JsonNode node) {
			return node.path("error").isObject() || (node.hasNonNull("code") && node.path("output").isMissingNode());
		}

		@Override
		public GlmError read(int status, JsonNode node) {
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
			// an error inside a stream or a 200 body is classified by what its code means
			int implied = (status <= 0 || (status >= 200 && status < 300)) ? statusForCode(code) : status;
			return GlmError.of((status > 0) ? status : implied, code, message, requestId)
				.withTransient(GlmError.isTransientStatus(implied));
		}

		/**
		 * Compatible {@code 404 model_not_found} / {@code model_not_supported}, native
		 * {@code ModelNotFound}, and native
		 * {@code 400 InvalidParameter "Model not exist."}.
		 */
		@Override
		public boolean isModelNotFound(GlmError error) {
			String code = (error.code() != null) ? error.code().toLowerCase(Locale.ROOT) : "";
			String message = (error.message() != null) ? error.message().toLowerCase(Locale.ROOT) : "";
			return code.equals("model_not_found") || code.equals("modelnotfound") || code.equals("model_not_supported")
					|| (code.startsWith("invalidparameter") && message.contains("model not exist"));
		}

	}

}
