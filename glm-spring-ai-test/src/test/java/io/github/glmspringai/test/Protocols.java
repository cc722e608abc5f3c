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
import tools.jackson.databind.JsonNode;

/**
 * Where each protocol puts things, for the tests' assertions.
 *
 * @author glm-spring-ai
 */
final class Protocols {

	private Protocols() {
	}

	static String path(GlmProtocol protocol) {
		return switch (protocol.getValue()) {
			case "openai-compatible" -> FakeGlmService.COMPATIBLE_PATH;
			case "dashscope" -> FakeGlmService.DASHSCOPE_PATH;
			default -> FakeGlmService.ZHIPU_PATH;
		};
	}

	static JsonNode messages(RecordedGlmRequest request) {
		return (request.protocol() == GlmProtocol.DASHSCOPE) ? request.json().path("input").path("messages")
				: request.json().path("messages");
	}

	static JsonNode parameters(RecordedGlmRequest request) {
		return (request.protocol() == GlmProtocol.DASHSCOPE) ? request.json().path("parameters") : request.json();
	}

}
