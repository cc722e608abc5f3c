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

import java.util.List;

import io.github.glmspringai.chat.GlmProtocol;

/**
 * Thrown at startup when neither {@code spring.ai.glm.api-key} nor an environment
 * variable of the chosen protocol holds a key ({@code DASHSCOPE_API_KEY} on Bailian;
 * {@code ZHIPUAI_API_KEY}, then {@code ZAI_API_KEY} on Zhipu's BigModel and Z.ai).
 *
 * @author glm-spring-ai
 */
public class GlmApiKeyMissingException extends IllegalStateException {

	private final GlmProtocol protocol;

	/**
	 * Create the exception.
	 * @param protocol the configured protocol, whose environment variables were tried
	 */
	public GlmApiKeyMissingException(GlmProtocol protocol) {
		super("No API key is configured for GLM on " + platform(protocol) + " (spring.ai.glm.protocol="
				+ protocol.getValue() + "): set the " + GlmConnectionProperties.CONFIG_PREFIX
				+ ".api-key property or the " + String.join(" or ", variables(protocol)) + " environment variable");
		this.protocol = protocol;
	}

	/**
	 * The configured protocol.
	 * @return the protocol
	 */
	public GlmProtocol getProtocol() {
		return this.protocol;
	}

	/**
	 * The environment variables that were tried, in order.
	 * @return the variable names
	 */
	public List<String> getEnvironmentVariables() {
		return variables(this.protocol);
	}

	private static List<String> variables(GlmProtocol protocol) {
		return protocol.wireProtocol().getApiKeyVariables();
	}

	private static String platform(GlmProtocol protocol) {
		return (protocol == GlmProtocol.ZHIPU) ? "Zhipu's BigModel or Z.ai" : "Alibaba Cloud Model Studio (Bailian)";
	}

}
