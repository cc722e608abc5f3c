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

import org.jspecify.annotations.Nullable;

/**
 * Common view of the typed GLM exceptions ({@link GlmTransientException} and
 * {@link GlmNonTransientException}).
 *
 * @author glm-spring-ai
 */
public interface GlmServiceException {

	/**
	 * The error details.
	 * @return the error
	 */
	GlmError getError();

	/**
	 * The HTTP status, {@code 0} when no response was received.
	 * @return the status
	 */
	default int getStatusCode() {
		return getError().statusCode();
	}

	/**
	 * The service error code, e.g. {@code InvalidApiKey}.
	 * @return the code
	 */
	default @Nullable String getErrorCode() {
		return getError().code();
	}

	/**
	 * The service message.
	 * @return the message
	 */
	default @Nullable String getServiceMessage() {
		return getError().message();
	}

	/**
	 * The service request id.
	 * @return the request id
	 */
	default @Nullable String getRequestId() {
		return getError().requestId();
	}

	/**
	 * The delay the service asked for before a retry.
	 * @return the delay
	 */
	default @Nullable Duration getRetryAfter() {
		return getError().retryAfter();
	}

	/**
	 * The answer text received before the failure (empty when none).
	 * @return the partial answer
	 */
	default String getPartialText() {
		return getError().partialText();
	}

	/**
	 * The reasoning received before the failure (empty when none).
	 * @return the partial reasoning
	 */
	default String getPartialReasoning() {
		return getError().partialReasoning();
	}

}
