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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.glmspringai.api.GlmModelNotFoundException;
import io.github.glmspringai.api.GlmNonTransientException;
import io.github.glmspringai.api.GlmServiceException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.prompt.Prompt;

import static io.github.glmspringai.chat.Step.finish;
import static io.github.glmspringai.chat.Step.reasoning;
import static io.github.glmspringai.chat.Step.text;
import static io.github.glmspringai.chat.Step.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 12 (the GLM-5 generation on Bailian), on both Bailian protocols: the default
 * model, the new options' wire names and places, the catalog's rules, reasoning sent back
 * (preserved thinking across turns with a chat memory), retirement and model-not-found.
 */
class GlmGenerationFiveTests extends WireTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@EnumSource(value = WireFixture.class, names = { "OPENAI_COMPATIBLE", "DASHSCOPE" })
	void theDefaultModelIsGlm5AndNewOptionsAreUnsetByDefault(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(text("好"), finish("stop"), usage(1, 1, null)));
		model(fixture).call(new Prompt("q"));
		assertThat(GlmModel.DEFAULT).isEqualTo(GlmModel.GLM_5);
		JSONAssert.assertEquals(fixture.wrapParameters("{}", "[{\"role\":\"user\",\"content\":\"q\"}]"),
				body(takeRequest()), JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@EnumSource(value = WireFixture.class, names = { "OPENAI_COMPATIBLE", "DASHSCOPE" })
	void newOptionsGoWhereEachProtocolPutsParametersAndAnExplicitFalseIsSent(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(text("好"), finish("stop"), usage(1, 1, null)));
		enqueueStream(fixture.stream(text("好"), finish("stop"), usage(1, 1, null)));
		model(fixture).call(new Prompt("q",
				GlmChatOptions.builder()
					.reasoningEffort("high")
					.clearThinking(false)
					.toolStream(false)
					.toolCallbacks(List.of(namedTool("clock")))
					.toolChoice("required")
					.build()));
		JsonNode body = JSON.readTree(body(takeRequest()));
		JsonNode parameters = (fixture == WireFixture.DASHSCOPE) ? body.get("parameters") : body;
		assertThat(parameters.get("reasoning_effort").asString()).isEqualTo("high");
		assertThat(parameters.get("clear_thinking").isBoolean()).isTrue();
		assertThat(parameters.get("clear_thinking").asBoolean()).isFalse();
		assertThat(parameters.get("tool_stream").asBoolean(true)).isFalse();
		assertThat(parameters.get("tool_choice").asString()).isEqualTo("required");
		assertThat(parameters.has("enable_thinking")).as("required does not switch thinking off").isFalse();

		model(fixture).call(new Prompt("q", GlmChatOptions.builder().clearThinking(true).toolStream(true).build()));
		JSONAssert.assertEquals(fixture.wrapParameters("{\"clear_thinking\":true,\"tool_stream\":true}",
				"[{\"role\":\"user\",\"content\":\"q\"}]"), body(takeRequest()), JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@EnumSource(value = WireFixture.class, names = { "OPENAI_COMPATIBLE", "DASHSCOPE" })
	void reasoningEffortIsCheckedAgainstTheModelsAcceptedValues(WireFixture fixture) throws Exception {
		GlmChatModel model = model(fixture);
		assertThatThrownBy(() -> model
			.call(new Prompt("q", GlmChatOptions.builder().model(GlmModel.GLM_5_3).reasoningEffort("medium").build())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("reasoningEffort must be one of [low, high, max] for glm-5.3 but was 'medium'");
		assertThatThrownBy(() -> model
			.call(new Prompt("q", GlmChatOptions.builder().model(GlmModel.GLM_4_5).reasoningEffort("high").build())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("reasoningEffort is not supported by glm-4.5");
		assertThat(this.server.getRequestCount()).isZero();

		enqueueStream(fixture.stream(text("好"), finish("stop"), usage(1, 1, null)));
		enqueueStream(fixture.stream(text("好"), finish("stop"), usage(1, 1, null)));
		model.call(new Prompt("q", GlmChatOptions.builder().model(GlmModel.GLM_5).reasoningEffort("xhigh").build()));
		assertThat(body(takeRequest())).contains("\"reasoning_effort\":\"xhigh\"");
		// an id the catalog does not know is sent as it is
		model.call(new Prompt("q", GlmChatOptions.builder().model("ZHIPU/GLM-5.3").reasoningEffort("none").build()));
		assertThat(body(takeRequest())).contains("\"reasoning_effort\":\"none\"").contains("\"ZHIPU/GLM-5.3\"");
	}

	@ParameterizedTest
	@EnumSource(value = WireFixture.class, names = { "OPENAI_COMPATIBLE", "DASHSCOPE" })
	void aModelThatAlwaysThinksRefusesThinkingOffJsonModeAndAThinkingBudgetBeforeSending(WireFixture fixture) {
		GlmChatModel model = model(fixture);
		assertThatThrownBy(() -> model
			.call(new Prompt("q", GlmChatOptions.builder().model(GlmModel.GLM_5_3).enableThinking(false).build())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("glm-5.3 always thinks")
			.hasMessageContaining("reasoningEffort");
		assertThatThrownBy(() -> model.call(new Prompt("reply in json",
				GlmChatOptions.builder()
					.model(GlmModel.GLM_5_3)
					.responseFormat(GlmResponseFormat.JSON_OBJECT)
					.build())))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("glm-5.3 always thinks")
			.hasMessageContaining("entity()");
		assertThatThrownBy(() -> model.call(new Prompt("q",
				GlmChatOptions.builder().model(GlmModel.GLM_5_3).outputSchema("{\"type\":\"object\"}").build())))
			.hasMessageContaining("entity()");
		assertThatThrownBy(() -> model
			.call(new Prompt("q", GlmChatOptions.builder().model(GlmModel.GLM_5_3).thinkingBudget(1000).build())))
			.hasMessageContaining("thinkingBudget is ignored by glm-5.3");
		assertThatThrownBy(() -> GlmChatModel.builder()
			.api(apiBuilder(fixture).build())
			.options(GlmChatOptions.builder().model(GlmModel.GLM_5_3).enableThinking(false).build())
			.build()).as("default options are checked at startup").hasMessageContaining("glm-5.3 always thinks");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@ParameterizedTest
	@EnumSource(value = WireFixture.class, names = { "OPENAI_COMPATIBLE", "DASHSCOPE" })
	void preservedThinkingSendsEarlierTurnsReasoningBackThroughAChatMemory(WireFixture fixture) throws Exception {
		for (boolean preserve : new boolean[] { true, false }) {
			enqueueStream(
					fixture.stream(reasoning("先想"), reasoning("一想。"), text("答一"), finish("stop"), usage(3, 4, 2)));
			enqueueStream(fixture.stream(reasoning("再想。"), text("答二"), finish("stop"), usage(9, 4, 1)));
			ChatMemory memory = MessageWindowChatMemory.builder()
				.chatMemoryRepository(new InMemoryChatMemoryRepository())
				.build();
			GlmChatOptions options = preserve ? GlmChatOptions.builder().clearThinking(false).build()
					: GlmChatOptions.builder().build();
			ChatClient chat = ChatClient.builder(model(fixture, options, NO_RETRY))
				.defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
				.build();
			assertThat(chat.prompt("一？").advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, "c1")).call().content())
				.isEqualTo("答一");
			// the second turn streams: a stream's last chunk carries the reasoning into
			// the memory too
			assertThat(String.join("",
					chat.prompt("二？")
						.advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, "c1"))
						.stream()
						.content()
						.collectList()
						.block()))
				.isEqualTo("答二");
			takeRequest();
			JsonNode second = JSON.readTree(body(takeRequest()));
			JsonNode messages = (fixture == WireFixture.DASHSCOPE) ? second.get("input").get("messages")
					: second.get("messages");
			String expectedAssistant = preserve
					? "{\"role\":\"assistant\",\"content\":\"答一\",\"reasoning_content\":\"先想一想。\"}"
					: "{\"role\":\"assistant\",\"content\":\"答一\"}";
			JSONAssert.assertEquals("[{\"role\":\"user\",\"content\":\"一？\"}," + expectedAssistant
					+ ",{\"role\":\"user\",\"content\":\"二？\"}]", messages.toString(), JSONCompareMode.STRICT);
			assertThat(memory.get("c1")).hasSize(4);
		}
	}

	@ParameterizedTest
	@EnumSource(value = WireFixture.class, names = { "OPENAI_COMPATIBLE", "DASHSCOPE" })
	void aModelRetiredOnItsPlatformLogsOneWarningAtStartup(WireFixture fixture) {
		Logger logger = (Logger) LoggerFactory.getLogger(GlmChatModel.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			model(fixture, GlmChatOptions.builder().model(GlmModel.GLM_4_6).build(), NO_RETRY);
			model(fixture, GlmChatOptions.builder().model(GlmModel.GLM_5).build(), NO_RETRY);
			model(fixture, GlmChatOptions.builder().model("glm-9").build(), NO_RETRY);
		}
		finally {
			logger.detachAppender(appender);
		}
		assertThat(appender.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).contains("glm-4.6")
				.contains("2026-10-10")
				.contains("spring.ai.glm.chat.model")
				.contains("glm-5");
		});
	}

	@ParameterizedTest
	@EnumSource(value = WireFixture.class, names = { "OPENAI_COMPATIBLE", "DASHSCOPE" })
	void aMissingModelIsNotRetriedAndTheErrorSaysWhatToChange(WireFixture fixture) {
		String body = (fixture == WireFixture.OPENAI_COMPATIBLE)
				? "{\"error\":{\"code\":\"model_not_found\",\"param\":null,\"message\":\"The model `glm-4.6` does not "
						+ "exist or you do not have access to it.\",\"type\":\"invalid_request_error\"},"
						+ "\"request_id\":\"r-404\"}"
				: "{\"code\":\"InvalidParameter\",\"message\":\"Model not exist.\",\"request_id\":\"r-404\"}";
		this.server.enqueue(new MockResponse.Builder().code((fixture == WireFixture.OPENAI_COMPATIBLE) ? 404 : 400)
			.setHeader("Content-Type", "application/json")
			.body(body)
			.build());
		Throwable thrown = catchThrowable(() -> model(fixture, GlmChatOptions.builder().build(), FAST_RETRY)
			.call(new Prompt("q", GlmChatOptions.builder().model("glm-4.6").build())));
		assertThat(thrown).isInstanceOf(GlmModelNotFoundException.class)
			.isInstanceOf(GlmNonTransientException.class)
			.hasMessageContaining("'glm-4.6'")
			.hasMessageContaining("spring.ai.glm.chat.model");
		assertThat(((GlmModelNotFoundException) thrown).getModel()).isEqualTo("glm-4.6");
		assertThat(((GlmServiceException) thrown).getServiceMessage()).as("the service's own words")
			.isIn("The model `glm-4.6` does not exist or you do not have access to it.", "Model not exist.");
		assertThat(((GlmServiceException) thrown).getErrorCode())
			.isEqualTo((fixture == WireFixture.OPENAI_COMPATIBLE) ? "model_not_found" : "InvalidParameter");
		assertThat(((GlmServiceException) thrown).getRequestId()).isEqualTo("r-404");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

}
