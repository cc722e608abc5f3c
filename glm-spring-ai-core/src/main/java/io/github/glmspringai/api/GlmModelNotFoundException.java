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

/**
 * The service does not know the requested model (it does not exist on this platform or in
 * this region, or it was retired): never retried. The message says which model and what
 * to change; {@link #getServiceMessage()} stays the service's own.
 *
 * @author glm-spring-ai
 */
public class GlmModelNotFoundException extends GlmNonTransientException {

	private final String model;

	/**
	 * Create the exception.
	 * @param error the error details
	 * @param model the requested model
	 * @param advice what to change, naming the model and the property (the protocol's own
	 * words: Bailian's retirements, Zhipu's per-platform catalogs)
	 * @param cause the cause, if any
	 */
	public GlmModelNotFoundException(GlmError error, String model, String advice, @Nullable Throwable cause) {
		super(error.describe() + " — " + advice, error.withTransient(false), cause);
		this.model = model;
	}

	/**
	 * The model the request asked for.
	 * @return the model id
	 */
	public String getModel() {
		return this.model;
	}

}
