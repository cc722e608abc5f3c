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

import io.github.glmspringai.chat.GlmChatModel;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.tck.TestObservationRegistry;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation.HighCardinalityKeyNames;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation.LowCardinalityKeyNames;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Observations of {@code call()} and {@code stream()} with the application's
 * {@link io.micrometer.observation.ObservationRegistry} and convention.
 *
 * @author glm-spring-ai
 */
class GlmChatObservationTests {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private ApplicationContextRunner runner(String protocol) {
		return GlmTestFrames.runner()
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.withPropertyValues("spring.ai.glm.protocol=" + protocol)
			.withBean(TestObservationRegistry.class, () -> this.registry);
	}

	@Test
	void callIsObserved() {
		this.server.enqueue(GlmTestFrames.compatibleStream());
		runner("openai-compatible").run((context) -> {
			ChatResponse response = context.getBean(GlmChatModel.class).call(new Prompt("Who are you?"));
			assertThat(response.getResult().getOutput().getText()).isEqualTo("我是");
		});
		assertThat(this.registry).hasObservationWithNameEqualTo(DefaultChatModelObservationConvention.DEFAULT_NAME)
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasContextualNameEqualTo("chat glm-5")
			.hasLowCardinalityKeyValue(LowCardinalityKeyNames.AI_PROVIDER.asString(), "dashscope")
			.hasLowCardinalityKeyValue(LowCardinalityKeyNames.AI_OPERATION_TYPE.asString(), "chat")
			.hasLowCardinalityKeyValue(LowCardinalityKeyNames.REQUEST_MODEL.asString(), "glm-5")
			.hasLowCardinalityKeyValue(LowCardinalityKeyNames.RESPONSE_MODEL.asString(), "qwen-plus")
			.hasHighCardinalityKeyValue(HighCardinalityKeyNames.RESPONSE_FINISH_REASONS.asString(), "[\"STOP\"]")
			.hasHighCardinalityKeyValue(HighCardinalityKeyNames.USAGE_INPUT_TOKENS.asString(), "10")
			.hasHighCardinalityKeyValue(HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS.asString(), "360")
			.hasHighCardinalityKeyValue(HighCardinalityKeyNames.USAGE_TOTAL_TOKENS.asString(), "370")
			.hasHighCardinalityKeyValue(GlmChatModel.REASONING_TOKENS_KEY, "172")
			.hasHighCardinalityKeyValueWithKey(HighCardinalityKeyNames.RESPONSE_ID.asString())
			.doesNotHaveHighCardinalityKeyValueWithKey(HighCardinalityKeyNames.REQUEST_STREAM.asString());
	}

	@Test
	void streamIsObservedAndParentedFromTheReactorContext() {
		this.server.enqueue(GlmTestFrames.dashscopeStream());
		Observation parent = Observation.start("parent", this.registry);
		runner("dashscope").run((context) -> {
			String answer = context.getBean(GlmChatModel.class)
				.stream(new Prompt("Say hi"))
				.mapNotNull((response) -> (response.getResult() != null) ? response.getResult().getOutput().getText()
						: null)
				.reduce("", String::concat)
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, parent))
				.block();
			assertThat(answer).isEqualTo("!");
			await().untilAsserted(() -> assertThat(this.registry)
				.hasObservationWithNameEqualTo(DefaultChatModelObservationConvention.DEFAULT_NAME)
				.that()
				.hasBeenStopped());
		});
		parent.stop();
		assertThat(this.registry).hasObservationWithNameEqualTo(DefaultChatModelObservationConvention.DEFAULT_NAME)
			.that()
			.hasParentObservationEqualTo(parent)
			.hasLowCardinalityKeyValue(LowCardinalityKeyNames.AI_PROVIDER.asString(), "dashscope")
			.hasLowCardinalityKeyValue(LowCardinalityKeyNames.REQUEST_MODEL.asString(), "glm-5")
			.hasLowCardinalityKeyValue(LowCardinalityKeyNames.RESPONSE_MODEL.asString(), "glm-5")
			.hasHighCardinalityKeyValue(HighCardinalityKeyNames.REQUEST_STREAM.asString(), "true")
			.hasHighCardinalityKeyValue(HighCardinalityKeyNames.RESPONSE_ID.asString(),
					GlmTestFrames.DASHSCOPE_REQUEST_ID)
			.hasHighCardinalityKeyValue(HighCardinalityKeyNames.RESPONSE_FINISH_REASONS.asString(), "[\"STOP\"]")
			.hasHighCardinalityKeyValue(HighCardinalityKeyNames.USAGE_INPUT_TOKENS.asString(), "11")
			.hasHighCardinalityKeyValue(HighCardinalityKeyNames.USAGE_OUTPUT_TOKENS.asString(), "138")
			.hasHighCardinalityKeyValue(HighCardinalityKeyNames.USAGE_TOTAL_TOKENS.asString(), "149")
			.hasHighCardinalityKeyValue(GlmChatModel.REASONING_TOKENS_KEY, "50");
	}

	@Test
	void cancelledStreamStopsTheObservation() {
		this.server.enqueue(GlmTestFrames.dashscopeStream());
		runner("dashscope").run((context) -> {
			ChatResponse first = context.getBean(GlmChatModel.class).stream(new Prompt("Say hi")).blockFirst();
			assertThat(first).isNotNull();
			await().untilAsserted(() -> assertThat(this.registry)
				.hasObservationWithNameEqualTo(DefaultChatModelObservationConvention.DEFAULT_NAME)
				.that()
				.hasBeenStopped());
		});
	}

	@Test
	void failedCallIsObservedWithItsError() {
		this.server.enqueue(GlmTestFrames.json(401, GlmTestFrames.DASHSCOPE_INVALID_KEY));
		runner("dashscope")
			.run((context) -> assertThatThrownBy(() -> context.getBean(GlmChatModel.class).call(new Prompt("hi")))
				.hasMessageContaining("InvalidApiKey"));
		assertThat(this.registry).hasObservationWithNameEqualTo(DefaultChatModelObservationConvention.DEFAULT_NAME)
			.that()
			.hasBeenStopped()
			.hasError();
	}

	@Test
	void userObservationConventionIsUsed() {
		this.server.enqueue(GlmTestFrames.compatibleStream());
		runner("openai-compatible")
			.withBean(ChatModelObservationConvention.class, () -> new DefaultChatModelObservationConvention() {

				@Override
				public String getName() {
					return "custom.chat";
				}

				@Override
				public String getContextualName(ChatModelObservationContext context) {
					return "custom";
				}

			})
			.run((context) -> context.getBean(GlmChatModel.class).call(new Prompt("hi")));
		assertThat(this.registry).hasObservationWithNameEqualTo("custom.chat")
			.that()
			.hasContextualNameEqualTo("custom")
			.hasBeenStopped();
	}

}
