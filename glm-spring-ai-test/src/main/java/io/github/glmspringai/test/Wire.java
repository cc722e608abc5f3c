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

package io.github.glmspringai.test;

import io.github.glmspringai.chat.GlmProtocol;

/**
 * The wire protocols the fake service speaks, each at its own path.
 *
 * @author glm-spring-ai
 */
enum Wire {

	/** Bailian's OpenAI-compatible mode. */
	OPENAI_COMPATIBLE("openai-compatible"),

	/** Bailian's native DashScope protocol. */
	DASHSCOPE("dashscope"),

	/** Zhipu BigModel / Z.ai, general and Coding Plan endpoints. */
	ZHIPU("zhipu");

	private final String value;

	Wire(String value) {
		this.value = value;
	}

	/**
	 * The client-side protocol this wire belongs to.
	 * @return the protocol
	 */
	GlmProtocol protocol() {
		return GlmProtocol.from(this.value);
	}

	static Wire of(GlmProtocol protocol) {
		return Wire.valueOf(protocol.name());
	}

}
