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

import java.util.List;

/**
 * The wire protocols a {@link GlmApi} speaks, with their default endpoint and the
 * environment variables of their API key.
 *
 * @author glm-spring-ai
 */
public enum GlmWireProtocol implements GlmApiProtocol {

	/**
	 * Bailian's OpenAI-compatible mode: {@code POST
	 * {base-url}/compatible-mode/v1/chat/completions}.
	 */
	OPENAI_COMPATIBLE("openai-compatible", "https://dashscope.aliyuncs.com", "/compatible-mode/v1/chat/completions",
			"DASHSCOPE_API_KEY"),

	/**
	 * Bailian's native DashScope protocol: {@code POST
	 * {base-url}/api/v1/services/aigc/text-generation/generation}.
	 */
	DASHSCOPE("dashscope", "https://dashscope.aliyuncs.com", "/api/v1/services/aigc/text-generation/generation",
			"DASHSCOPE_API_KEY"),

	/**
	 * Zhipu's own platforms, BigModel ({@code https://open.bigmodel.cn}) and Z.ai
	 * ({@code https://api.z.ai}): {@code POST {base-url}/api/paas/v4/chat/completions}.
	 */
	ZHIPU("zhipu", "https://open.bigmodel.cn", "/api/paas/v4/chat/completions", "ZHIPUAI_API_KEY", "ZAI_API_KEY");

	private final String value;

	private final String defaultBaseUrl;

	private final String defaultPath;

	private final List<String> apiKeyVariables;

	GlmWireProtocol(String value, String defaultBaseUrl, String defaultPath, String... apiKeyVariables) {
		this.value = value;
		this.defaultBaseUrl = defaultBaseUrl;
		this.defaultPath = defaultPath;
		this.apiKeyVariables = List.of(apiKeyVariables);
	}

	/**
	 * The configuration value, e.g. {@code openai-compatible}.
	 * @return the value
	 */
	public String getValue() {
		return this.value;
	}

	/**
	 * The base URL used when none is configured (scheme and host).
	 * @return the base URL
	 */
	public String getDefaultBaseUrl() {
		return this.defaultBaseUrl;
	}

	/**
	 * The chat endpoint's path below the base URL.
	 * @return the path
	 */
	public String getDefaultPath() {
		return this.defaultPath;
	}

	/**
	 * The environment variables that hold this platform's API key, in the order they are
	 * tried when no key is configured ({@code DASHSCOPE_API_KEY} on Bailian;
	 * {@code ZHIPUAI_API_KEY}, then {@code ZAI_API_KEY} on Zhipu's platforms).
	 * @return the variable names
	 */
	public List<String> getApiKeyVariables() {
		return this.apiKeyVariables;
	}

	@Override
	public GlmWireProtocol wireProtocol() {
		return this;
	}

}
