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

package io.github.glmspringai.chat;

/**
 * The {@code response_format} of a GLM request. JSON formats cannot be combined with
 * thinking on Bailian.
 *
 * @author glm-spring-ai
 */
public enum GlmResponseFormat {

	/** Free text (the service default). */
	TEXT("text"),

	/** Any JSON object; the prompt must mention JSON. */
	JSON_OBJECT("json_object"),

	/** JSON that conforms to {@link GlmChatOptions#getOutputSchema()}. */
	JSON_SCHEMA("json_schema");

	private final String value;

	GlmResponseFormat(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return the value
	 */
	public String getValue() {
		return this.value;
	}

}
