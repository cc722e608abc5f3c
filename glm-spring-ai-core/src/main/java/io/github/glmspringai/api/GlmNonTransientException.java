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

import org.jspecify.annotations.Nullable;

import org.springframework.ai.retry.NonTransientAiException;

/**
 * A GLM failure that will fail again if retried unchanged: rejected input,
 * authentication, permission, unknown model, content inspection (4xx except 429).
 *
 * @author glm-spring-ai
 */
public class GlmNonTransientException extends NonTransientAiException implements GlmServiceException {

	private final GlmError error;

	/**
	 * Create the exception.
	 * @param error the error details
	 * @param cause the cause, if any
	 */
	public GlmNonTransientException(GlmError error, @Nullable Throwable cause) {
		this(error.describe(), error, cause);
	}

	/**
	 * Create the exception with its own message.
	 * @param message the message
	 * @param error the error details
	 * @param cause the cause, if any
	 */
	protected GlmNonTransientException(String message, GlmError error, @Nullable Throwable cause) {
		super(message, cause);
		this.error = error;
	}

	@Override
	public GlmError getError() {
		return this.error;
	}

}
