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

import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.test.junit.FakeGlm;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's JUnit example ("Testing your application"), as it is written there.
 *
 * @author glm-spring-ai
 */
@FakeGlm
class ReadmeExampleTests {

	@Test
	void summarizes(FakeGlmService glm) {
		glm.enqueue(Turn.builder()
			.reasoning("The user wants a summary.")
			.answer("Spring AI ", "talks to GLM.")
			.usage(42, 17)
			.reasoningTokens(6)
			.build());
		GlmChatModel model = glm.chatModel(GlmProtocol.DASHSCOPE);

		ChatResponse response = model.call(new Prompt("Summarize: ..."));

		assertThat(response.getResult().getOutput().getText()).isEqualTo("Spring AI talks to GLM.");
		RecordedGlmRequest request = glm.takeRequest();
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + glm.apiKey());
		assertThat(request.json().at("/input/messages/0/content").asString()).isEqualTo("Summarize: ...");
	}

}
