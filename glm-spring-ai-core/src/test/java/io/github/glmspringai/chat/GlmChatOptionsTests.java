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
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.test.options.AbstractChatOptionsTests;

import static org.assertj.core.api.Assertions.assertThat;

class GlmChatOptionsTests extends AbstractChatOptionsTests<GlmChatOptions, GlmChatOptions.Builder> {

	@Override
	protected Class<GlmChatOptions> getConcreteOptionsClass() {
		return GlmChatOptions.class;
	}

	@Override
	protected GlmChatOptions.Builder readyToBuildBuilder() {
		return GlmChatOptions.builder()
			.model(GlmModel.GLM_4_5)
			.temperature(0.6)
			.topP(0.9)
			.topK(20)
			.repetitionPenalty(1.1)
			.presencePenalty(0.2)
			.maxTokens(100)
			.stopSequences(List.of("x"))
			.seed(7L)
			.enableThinking(true)
			.thinkingBudget(512)
			.responseFormat(GlmResponseFormat.TEXT)
			.outputSchema("{}")
			.toolChoice("auto")
			.parallelToolCalls(true)
			.extraBody(Map.of("a", 1))
			.httpHeaders(Map.of("h", "v"));
	}

	@Test
	void mutateCopiesEveryField() {
		GlmChatOptions options = readyToBuildBuilder().build();
		assertThat(options.mutate().build()).isEqualTo(options).hasSameHashCodeAs(options);
	}

	@Test
	void combineWithLetsNonNullValuesWinIncludingExplicitFalse() {
		GlmChatOptions defaults = GlmChatOptions.builder()
			.model("glm-4.6")
			.enableThinking(true)
			.thinkingBudget(1000)
			.stopSequences(List.of("a"))
			.extraBody(Map.of("x", 1, "y", 2))
			.build();
		GlmChatOptions runtime = GlmChatOptions.builder()
			.enableThinking(false)
			.stopSequences(List.of("b"))
			.extraBody(Map.of("y", 3))
			.build();
		GlmChatOptions merged = defaults.mutate().combineWith(runtime.mutate()).build();
		assertThat(merged.getModel()).isEqualTo("glm-4.6");
		assertThat(merged.getEnableThinking()).isFalse();
		assertThat(merged.getThinkingBudget()).isEqualTo(1000);
		assertThat(merged.getStopSequences()).containsExactly("a", "b");
		assertThat(merged.getExtraBody()).containsEntry("x", 1).containsEntry("y", 3);
	}

	@Test
	void combineWithAcceptsPortableOptions() {
		GlmChatOptions merged = GlmChatOptions.builder()
			.model("glm-4.6")
			.enableThinking(false)
			.build()
			.mutate()
			.combineWith(ChatOptions.builder().temperature(0.2).maxTokens(9))
			.build();
		assertThat(merged.getTemperature()).isEqualTo(0.2);
		assertThat(merged.getMaxTokens()).isEqualTo(9);
		assertThat(merged.getEnableThinking()).isFalse();
	}

	@Test
	void unsetFieldsStayNullSoServerDefaultsApply() {
		GlmChatOptions options = GlmChatOptions.builder().build();
		assertThat(options.getEnableThinking()).isNull();
		assertThat(options.getParallelToolCalls()).isNull();
		assertThat(options.getTemperature()).isNull();
		assertThat(options.getModel()).isNull();
	}

	@Test
	void toStringShowsHeaderNamesOnly() {
		GlmChatOptions options = GlmChatOptions.builder().httpHeaders(Map.of("X-Secret", "s3cr3t")).build();
		assertThat(options.toString()).contains("X-Secret").doesNotContain("s3cr3t");
	}

}
