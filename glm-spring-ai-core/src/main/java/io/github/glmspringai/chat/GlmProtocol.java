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

import java.util.Locale;

import io.github.glmspringai.api.GlmApiProtocol;
import io.github.glmspringai.api.GlmWireProtocol;

/**
 * The wire protocol used to reach GLM: Alibaba Cloud Model Studio (Bailian) in its
 * OpenAI-compatible or native DashScope protocol, or Zhipu's own BigModel and Z.ai.
 *
 * @author glm-spring-ai
 */
public enum GlmProtocol implements GlmApiProtocol {

	/**
	 * OpenAI-compatible mode: {@code POST
	 * {base-url}/compatible-mode/v1/chat/completions}.
	 */
	OPENAI_COMPATIBLE("openai-compatible"),

	/**
	 * Native DashScope protocol: {@code POST
	 * {base-url}/api/v1/services/aigc/text-generation/generation}.
	 */
	DASHSCOPE("dashscope"),

	/**
	 * Zhipu's BigModel ({@code https://open.bigmodel.cn}) and Z.ai
	 * ({@code https://api.z.ai}): {@code POST {base-url}/api/paas/v4/chat/completions}.
	 */
	ZHIPU("zhipu");

	private final String value;

	GlmProtocol(String value) {
		this.value = value;
	}

	/**
	 * The configuration value of this protocol ({@code openai-compatible},
	 * {@code dashscope} or {@code zhipu}).
	 * @return the value
	 */
	public String getValue() {
		return this.value;
	}

	@Override
	public GlmWireProtocol wireProtocol() {
		return GlmWireProtocol.valueOf(name());
	}

	/**
	 * The protocol of a wire protocol.
	 * @param wireProtocol the wire protocol
	 * @return the protocol
	 */
	public static GlmProtocol of(GlmWireProtocol wireProtocol) {
		return valueOf(wireProtocol.name());
	}

	/**
	 * Resolve a protocol from its configuration value or its enum name, ignoring case.
	 * @param value {@code openai-compatible}, {@code dashscope}, {@code zhipu} or an enum
	 * name
	 * @return the protocol
	 * @throws IllegalArgumentException if the value names no protocol
	 */
	public static GlmProtocol from(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		for (GlmProtocol protocol : values()) {
			if (protocol.value.equals(normalized)) {
				return protocol;
			}
		}
		throw new IllegalArgumentException(
				"protocol must be one of [openai-compatible, dashscope, zhipu] but was '" + value + "'");
	}

}
