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

/**
 * Thrown at startup when neither {@code spring.ai.glm.api-key} nor the
 * {@code DASHSCOPE_API_KEY} environment variable is set.
 *
 * @author glm-spring-ai
 */
public class GlmApiKeyMissingException extends IllegalStateException {

	/**
	 * Create the exception.
	 */
	public GlmApiKeyMissingException() {
		super("No API key is configured for GLM on Alibaba Cloud Model Studio (Bailian): set the "
				+ GlmConnectionProperties.CONFIG_PREFIX + ".api-key property or the "
				+ GlmConnectionProperties.API_KEY_ENVIRONMENT_VARIABLE + " environment variable");
	}

}
