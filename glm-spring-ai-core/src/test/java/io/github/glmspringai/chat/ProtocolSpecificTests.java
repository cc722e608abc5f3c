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
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.prompt.Prompt;

import static io.github.glmspringai.chat.Step.finish;
import static io.github.glmspringai.chat.Step.reasoning;
import static io.github.glmspringai.chat.Step.text;
import static io.github.glmspringai.chat.Step.usage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios that exist on one protocol only, each saying why, plus observations.
 */
class ProtocolSpecificTests extends WireTestSupport {

	/**
	 * Compatible-only: usage arrives in a separate usage-only chunk only when requested;
	 * a stream without it (e.g. a proxy that drops {@code stream_options}) still
	 * completes. The native protocol puts usage on every frame, so it cannot lack it.
	 */
	@Test
	void compatibleStreamWithoutUsageChunkCompletesWithEmptyUsage() {
		WireFixture fixture = WireFixture.OPENAI_COMPATIBLE;
		enqueueStream(fixture.stream(text("hi"), finish("stop")));
		ChatResponse response = model(fixture).call(new Prompt("q"));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("hi");
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isZero();
		assertThat(finishReason(response)).isEqualTo("STOP");
	}

	/**
	 * Compatible-only: {@code [DONE]} missing after the finish chunk completes normally.
	 * The native protocol has no end marker at all, so every native stream is this case
	 * (covered by the conformance suite).
	 */
	@Test
	void compatibleStreamWithoutDoneMarkerAfterFinishCompletes() {
		WireFixture fixture = WireFixture.OPENAI_COMPATIBLE;
		enqueueStream(fixture.render(List.of(text("hi"), finish("stop"), usage(3, 1, null))));
		ChatResponse response = model(fixture).call(new Prompt("q"));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("hi");
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(4);
	}

	/**
	 * Compatible-only: events after {@code [DONE]} are ignored. The native protocol has
	 * no end marker.
	 */
	@Test
	void compatibleEventsAfterDoneAreIgnored() {
		WireFixture fixture = WireFixture.OPENAI_COMPATIBLE;
		enqueueStream(fixture.stream(text("hi"), finish("stop")) + fixture.render(List.of(text("late"))));
		assertThat(model(fixture).call(new Prompt("q")).getResult().getOutput().getText()).isEqualTo("hi");
	}

	/**
	 * Native-only: usage is cumulative on every frame; it is reported once, from the last
	 * frame, never summed. The compatible protocol reports it once.
	 */
	@Test
	void nativeCumulativeUsageIsReportedOnceFromTheLastFrame() {
		WireFixture fixture = WireFixture.DASHSCOPE;
		enqueueStream(fixture.stream(reasoning("a"), reasoning("b"), text("c"), finish("stop"), usage(11, 138, 50)));
		List<ChatResponse> chunks = model(fixture).stream(new Prompt("q")).collectList().block();
		assertThat(chunks.subList(0, chunks.size() - 1))
			.allSatisfy((c) -> assertThat(c.getMetadata().getUsage().getTotalTokens()).isZero());
		assertThat(chunks.get(chunks.size() - 1).getMetadata().getUsage().getTotalTokens()).isEqualTo(149);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void streamAndCallAreObservedWithProviderModelFinishReasonsAndTokens(WireFixture fixture) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

		});
		GlmChatModel model = GlmChatModel.builder()
			.api(apiBuilder(fixture).build())
			.retryTemplate(NO_RETRY)
			.observationRegistry(registry)
			.build();
		Step[] steps = { reasoning("想"), text("答"), finish("stop"), usage(5, 6, 3) };
		enqueueStream(fixture.stream(steps));
		enqueueStream(fixture.stream(steps));
		model.stream(new Prompt("q")).blockLast();
		model.call(new Prompt("q"));
		// Bailian keeps Spring AI 1.x's "dashscope"; Spring AI 2.0 dropped its ZHIPUAI
		// constant, so Zhipu's platforms are "zhipu"
		String provider = (fixture == WireFixture.ZHIPU) ? "zhipu" : "dashscope";
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 2);
		TestObservationRegistryAssert.assertThat(registry)
			.forAllObservationsWithNameEqualTo("gen_ai.client.operation", (observation) -> observation
				.hasLowCardinalityKeyValue(
						ChatModelObservationDocumentation.LowCardinalityKeyNames.AI_PROVIDER.asString(), provider)
				.hasLowCardinalityKeyValue(
						ChatModelObservationDocumentation.LowCardinalityKeyNames.REQUEST_MODEL.asString(), "glm-5")
				.hasLowCardinalityKeyValue(
						ChatModelObservationDocumentation.LowCardinalityKeyNames.RESPONSE_MODEL.asString(), "glm-5")
				.hasHighCardinalityKeyValue(
						ChatModelObservationDocumentation.HighCardinalityKeyNames.RESPONSE_FINISH_REASONS.asString(),
						"[\"STOP\"]")
				.hasHighCardinalityKeyValue(
						ChatModelObservationDocumentation.HighCardinalityKeyNames.USAGE_TOTAL_TOKENS.asString(), "11")
				.hasHighCardinalityKeyValue(GlmChatModel.REASONING_TOKENS_KEY, "3")
				.hasHighCardinalityKeyValue(
						ChatModelObservationDocumentation.HighCardinalityKeyNames.RESPONSE_ID.asString(),
						WireFixture.REQUEST_ID)
				.doesNotHaveError());
		// the API key never reaches an observation (and so no metric or span)
		assertThat(stopped).hasSize(2).allSatisfy((context) -> {
			assertThat(context.getAllKeyValues())
				.allSatisfy((keyValue) -> assertThat(keyValue.getValue()).doesNotContain(API_KEY));
			assertThat(String.valueOf(context)).doesNotContain(API_KEY);
		});
	}

}
