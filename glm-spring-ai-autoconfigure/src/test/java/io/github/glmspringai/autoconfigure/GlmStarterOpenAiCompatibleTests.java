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

import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.test.RecordedGlmRequest;
import io.github.glmspringai.test.RecordedGlmStreams;
import io.github.glmspringai.test.Turn;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter on the OpenAI-compatible protocol (the default).
 *
 * @author glm-spring-ai
 */
@TestPropertySource(properties = "spring.ai.glm.protocol=openai-compatible")
class GlmStarterOpenAiCompatibleTests extends AbstractGlmStarterTests {

	@Override
	Turn stream() {
		return Turn.replay(RecordedGlmStreams.compatible());
	}

	@Override
	GlmProtocol protocol() {
		return GlmProtocol.OPENAI_COMPATIBLE;
	}

	@Override
	String answer() {
		return "我是";
	}

	@Override
	String reasoning() {
		return "The user";
	}

	@Override
	void assertProtocolSpecifics(RecordedGlmRequest request) {
		assertThat(request.body()).contains("\"stream\":true").contains("\"include_usage\":true");
	}

}
