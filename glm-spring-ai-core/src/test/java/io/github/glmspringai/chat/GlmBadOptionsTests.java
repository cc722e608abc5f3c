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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Part of the conformance suite: bad options and prompts fail before anything is sent, on
 * every protocol, each protocol with its own ranges and the options it does not have.
 */
class GlmBadOptionsTests extends WireTestSupport {

	/** Out-of-range options on every protocol. */
	private static final Object[][] COMMON_RANGES = {
			{ GlmChatOptions.builder().temperature(-0.1).build(), "temperature" },
			{ GlmChatOptions.builder().topP(1.5).build(), "topP" },
			{ GlmChatOptions.builder().frequencyPenalty(0.5).build(), "frequencyPenalty is not supported" },
			{ GlmChatOptions.builder().stopSequences(List.of("")).build(), "stopSequences" } };

	/** Bailian's ranges (bailian-api.md §3.1; glm-5's limits there). */
	private static final Object[][] BAILIAN_RANGES = {
			{ GlmChatOptions.builder().temperature(2.0).build(), "temperature must be in [0.0, 2.0)" },
			{ GlmChatOptions.builder().topP(0.0).build(), "topP must be in (0.0, 1.0]" },
			{ GlmChatOptions.builder().topK(-1).build(), "topK must be in [0" },
			{ GlmChatOptions.builder().repetitionPenalty(0.0).build(), "repetitionPenalty must be in (0.0" },
			{ GlmChatOptions.builder().presencePenalty(2.5).build(), "presencePenalty must be in [-2.0, 2.0]" },
			{ GlmChatOptions.builder().maxTokens(0).build(), "maxTokens must be in [1, 16384] for glm-5" },
			{ GlmChatOptions.builder().maxTokens(16385).build(), "maxTokens must be in [1, 16384] for glm-5" },
			{ GlmChatOptions.builder().thinkingBudget(40000).build(),
					"thinkingBudget must be in [1, 32768] for glm-5" },
			{ GlmChatOptions.builder().seed(-1L).build(), "seed must be in [0, 2147483647]" } };

	/**
	 * Zhipu's ranges and the options it does not have (zhipu-api.md §3.1, §3.5): never
	 * dropped silently.
	 */
	private static final Object[][] ZHIPU_RANGES = {
			{ GlmChatOptions.builder().temperature(1.01).build(),
					"temperature must be in [0.0, 1.0] on the zhipu protocol" },
			{ GlmChatOptions.builder().topP(0.005).build(), "topP must be in [0.01, 1.0] on the zhipu protocol" },
			{ GlmChatOptions.builder().maxTokens(0).build(), "maxTokens must be in [1, 131072] for glm-5" },
			{ GlmChatOptions.builder().maxTokens(131073).build(), "maxTokens must be in [1, 131072] for glm-5" },
			{ GlmChatOptions.builder().topK(30).build(), "topK is not supported by the zhipu protocol" },
			{ GlmChatOptions.builder().repetitionPenalty(1.05).build(),
					"repetitionPenalty is not supported by the zhipu protocol" },
			{ GlmChatOptions.builder().presencePenalty(0.5).build(),
					"presencePenalty is not supported by the zhipu protocol" },
			{ GlmChatOptions.builder().seed(42L).build(), "seed is not supported by the zhipu protocol" },
			{ GlmChatOptions.builder().thinkingBudget(2048).build(),
					"thinkingBudget is not supported by the zhipu protocol" },
			{ GlmChatOptions.builder().parallelToolCalls(false).build(),
					"parallelToolCalls is not supported by the zhipu protocol" },
			{ GlmChatOptions.builder().stopSequences(List.of("END", "STOP")).build(),
					"stopSequences: the zhipu protocol supports one stop sequence, but 2 were set" },
			{ GlmChatOptions.builder().toolChoice("none").build(),
					"toolChoice 'none' is not supported by the zhipu protocol, which only has 'auto'" },
			{ GlmChatOptions.builder().toolChoice("required").build(),
					"toolChoice 'required' is not supported by the zhipu protocol" } };

	/** Options that are only wrong for a request (its model, tools or JSON mode). */
	private static final Object[][] COMMON_REQUESTS = {
			{ GlmChatOptions.builder().model(" ").build(), "model must not be blank" } };

	/**
	 * Bailian: a forced tool must be one of the tools, and JSON mode excludes thinking;
	 * Zhipu forces no tool and documents no such rule.
	 */
	private static final Object[][] BAILIAN_REQUESTS = {
			{ GlmChatOptions.builder().toolChoice("missing_tool").build(), "toolChoice must be" },
			{ GlmChatOptions.builder().responseFormat(GlmResponseFormat.JSON_OBJECT).enableThinking(true).build(),
					"cannot be combined with enableThinking=true" } };

	private static final Object[][] ZHIPU_REQUESTS = { { GlmChatOptions.builder().toolChoice("missing_tool").build(),
			"toolChoice 'missing_tool' is not supported by the zhipu protocol" } };

	static Stream<Arguments> invalidOptions() {
		return cases(true);
	}

	static Stream<Arguments> invalidRanges() {
		return cases(false);
	}

	private static Stream<Arguments> cases(boolean withRequests) {
		List<Arguments> arguments = new ArrayList<>();
		for (WireFixture fixture : WireFixture.values()) {
			boolean zhipu = fixture == WireFixture.ZHIPU;
			List<Object[][]> sets = new ArrayList<>(List.of(COMMON_RANGES, zhipu ? ZHIPU_RANGES : BAILIAN_RANGES));
			if (withRequests) {
				sets.add(COMMON_REQUESTS);
				sets.add(zhipu ? ZHIPU_REQUESTS : BAILIAN_REQUESTS);
			}
			for (Object[][] cases : sets) {
				for (Object[] c : cases) {
					arguments.add(Arguments.of(fixture, c[0], c[1]));
				}
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {2}")
	@MethodSource("invalidOptions")
	void badOptionsAreRejectedBeforeAnythingIsSent(WireFixture fixture, GlmChatOptions options, String message) {
		GlmChatModel model = model(fixture);
		assertThatThrownBy(() -> model.call(new Prompt("hi", options))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
		assertThatThrownBy(() -> model.stream(new Prompt("hi", options)).blockLast())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@ParameterizedTest(name = "{0} {2}")
	@MethodSource("invalidRanges")
	void badDefaultOptionsFailWhenTheModelIsBuilt(WireFixture fixture, GlmChatOptions options, String message) {
		assertThatThrownBy(() -> model(fixture, options, NO_RETRY)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void badPromptsAreRejectedBeforeAnythingIsSent(WireFixture fixture) {
		GlmChatModel model = model(fixture);
		assertThatThrownBy(() -> model.call(new Prompt(List.of()))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at least one message");
		assertThatThrownBy(() -> model.call(new Prompt("  "))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("user message text must not be empty");
		ToolResponseMessage orphan = ToolResponseMessage.builder()
			.responses(List.of(new ToolResponseMessage.ToolResponse("call_9", "weather", "{}")))
			.build();
		assertThatThrownBy(() -> model.call(new Prompt(List.of(new UserMessage("hi"), orphan))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("does not answer a tool call");
		assertThat(this.server.getRequestCount()).isZero();
	}

}
