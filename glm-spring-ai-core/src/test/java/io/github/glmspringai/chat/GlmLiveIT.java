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

import java.util.List;

import io.github.glmspringai.api.GlmApi;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real service, opt-in: {@code ./mvnw -Plive verify -pl glm-spring-ai-core}
 * with {@code DASHSCOPE_API_KEY} set. Skipped otherwise.
 */
@EnabledIfEnvironmentVariable(named = "DASHSCOPE_API_KEY", matches = ".+")
class GlmLiveIT {

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void streamsAndCallsOnBothProtocols(GlmProtocol protocol) {
		try (GlmApi api = GlmApi.builder().protocol(protocol).apiKey(System.getenv("DASHSCOPE_API_KEY")).build()) {
			GlmChatModel model = GlmChatModel.builder()
				.api(api)
				.options(GlmChatOptions.builder().model(GlmModel.GLM_4_5_AIR).thinkingBudget(256).build())
				.build();
			List<ChatResponse> chunks = model.stream(new Prompt("你是谁？用一句话回答。")).collectList().block();
			ChatResponse last = chunks.get(chunks.size() - 1);
			assertThat(GlmReasoning.content(last)).isNotEmpty();
			assertThat(last.getMetadata().getUsage().getTotalTokens()).isPositive();
			ChatResponse called = model.call(new Prompt("1+1=? 只回答数字。"));
			assertThat(called.getResult().getOutput().getText()).contains("2");
			assertThat(called.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		}
	}

}
