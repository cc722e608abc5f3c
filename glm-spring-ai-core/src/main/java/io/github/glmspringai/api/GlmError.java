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

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What went wrong with a GLM request: the HTTP status, the service's error code, message
 * and request id, whether a retry may succeed, and what the stream had delivered before
 * it failed.
 *
 * @param statusCode the HTTP status; {@code 0} when no response was received
 * @param code the service error code, e.g. {@code InvalidApiKey}, {@code invalid_api_key}
 * or Zhipu's {@code 1113}
 * @param message the service message
 * @param requestId the service request id
 * @param retryAfter the delay the service asked for ({@code Retry-After}), if any
 * @param partialText the answer text received before the failure
 * @param partialReasoning the reasoning received before the failure
 * @param transientFailure whether retrying the same request may succeed
 * @author glm-spring-ai
 */
public record GlmError(int statusCode, @Nullable String code, @Nullable String message, @Nullable String requestId,
		@Nullable Duration retryAfter, String partialText, String partialReasoning, boolean transientFailure) {

	/**
	 * An error classified by its HTTP status (see {@link #isTransientStatus(int)}).
	 * @param statusCode the HTTP status, {@code 0} when none
	 * @param code the service code
	 * @param message the message
	 * @param requestId the request id
	 * @param retryAfter the requested delay
	 * @param partialText the partial answer
	 * @param partialReasoning the partial reasoning
	 */
	public GlmError(int statusCode, @Nullable String code, @Nullable String message, @Nullable String requestId,
			@Nullable Duration retryAfter, String partialText, String partialReasoning) {
		this(statusCode, code, message, requestId, retryAfter, partialText, partialReasoning,
				isTransientStatus(statusCode));
	}

	/**
	 * An error without partial content, classified by its HTTP status.
	 * @param statusCode the HTTP status, {@code 0} when none
	 * @param code the service code
	 * @param message the message
	 * @param requestId the request id
	 * @return the error
	 */
	public static GlmError of(int statusCode, @Nullable String code, @Nullable String message,
			@Nullable String requestId) {
		return new GlmError(statusCode, code, message, requestId, null, "", "");
	}

	/**
	 * Whether a status is worth a retry: no response at all, a stream that broke after a
	 * successful start (200), 408, throttling (429) or a server error (5xx).
	 * @param statusCode the HTTP status
	 * @return {@code true} for a transient status
	 */
	public static boolean isTransientStatus(int statusCode) {
		return statusCode == 0 || statusCode == 200 || statusCode == 408 || statusCode == 429 || statusCode >= 500;
	}

	/**
	 * Whether retrying the same request may succeed.
	 * @return {@code true} for a transient failure
	 */
	public boolean isTransient() {
		return this.transientFailure;
	}

	/**
	 * This error classified as transient or not, whatever its status says (e.g. Zhipu's
	 * arrears, code 1113, comes with HTTP 429 but is never worth a retry).
	 * @param transientFailure whether a retry may succeed
	 * @return a copy
	 */
	public GlmError withTransient(boolean transientFailure) {
		return new GlmError(this.statusCode, this.code, this.message, this.requestId, this.retryAfter, this.partialText,
				this.partialReasoning, transientFailure);
	}

	/**
	 * This error with the content received before it.
	 * @param text the partial answer
	 * @param reasoning the partial reasoning
	 * @return a copy carrying the partial content
	 */
	public GlmError withPartial(String text, String reasoning) {
		return new GlmError(this.statusCode, this.code, this.message, this.requestId, this.retryAfter, text, reasoning,
				this.transientFailure);
	}

	/**
	 * This error with a message.
	 * @param message the message
	 * @return a copy
	 */
	public GlmError withMessage(@Nullable String message) {
		return new GlmError(this.statusCode, this.code, message, this.requestId, this.retryAfter, this.partialText,
				this.partialReasoning, this.transientFailure);
	}

	/**
	 * This error with a request id, unless it already has one.
	 * @param fallback the request id to use when this error has none
	 * @return this error or a copy
	 */
	public GlmError withRequestIdIfAbsent(@Nullable String fallback) {
		if (this.requestId != null || fallback == null) {
			return this;
		}
		return new GlmError(this.statusCode, this.code, this.message, fallback, this.retryAfter, this.partialText,
				this.partialReasoning, this.transientFailure);
	}

	/**
	 * This error with a {@code Retry-After} delay.
	 * @param delay the delay
	 * @return a copy
	 */
	public GlmError withRetryAfter(@Nullable Duration delay) {
		return new GlmError(this.statusCode, this.code, this.message, this.requestId, delay, this.partialText,
				this.partialReasoning, this.transientFailure);
	}

	/**
	 * Build the typed exception for this error: a {@link GlmTransientException} when
	 * {@link #isTransient()}, a {@link GlmNonTransientException} otherwise.
	 * @param cause the underlying cause, if any
	 * @return the exception
	 */
	public RuntimeException toException(@Nullable Throwable cause) {
		return this.transientFailure ? new GlmTransientException(this, cause)
				: new GlmNonTransientException(this, cause);
	}

	/**
	 * A one-line description: status, code, message, request id and partial content.
	 * @return the description
	 */
	public String describe() {
		StringBuilder sb = new StringBuilder("GLM request failed: ");
		sb.append((this.statusCode > 0) ? "HTTP " + this.statusCode : "no HTTP response");
		if (this.code != null) {
			sb.append(" [").append(this.code).append(']');
		}
		if (this.message != null) {
			sb.append(' ').append(this.message.strip());
		}
		if (this.requestId != null) {
			sb.append(" (request id ").append(this.requestId).append(')');
		}
		if (this.retryAfter != null) {
			sb.append(" (retry after ").append(this.retryAfter.toMillis()).append(" ms)");
		}
		if (!this.partialText.isEmpty() || !this.partialReasoning.isEmpty()) {
			sb.append(String.format(Locale.ROOT, " (partial content kept: %d answer chars, %d reasoning chars)",
					this.partialText.length(), this.partialReasoning.length()));
		}
		return sb.toString();
	}

}
