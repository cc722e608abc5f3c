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
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

import static io.github.glmspringai.chat.Step.call;
import static io.github.glmspringai.chat.Step.finish;
import static io.github.glmspringai.chat.Step.reasoning;
import static io.github.glmspringai.chat.Step.text;
import static io.github.glmspringai.chat.Step.tool;
import static io.github.glmspringai.chat.Step.tools;
import static io.github.glmspringai.chat.Step.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tool calling and structured output through {@link ChatClient}, on both protocols: the
 * model returns merged tool calls, Spring AI's tool-calling advisor runs the tool, and
 * the next round carries the assistant tool calls and the tool result.
 */
class GlmToolCallingTests extends WireTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Round one: thinking, then one call whose arguments arrive in slices. */
	private static final Step[] CALL_WEATHER = { reasoning("需要查询"), reasoning("天气。"),
			tool(0, "call_0bdcc155f2534f65a05cb1", "currentWeather", "{\"city\":"), tool(0, "", null, " \"杭"),
			tool(0, "", null, "州\"}"), finish("tool_calls"), usage(238, 30, 12) };

	private static final Step[] ANSWER = { text("杭州"), text("今天晴，"), text("25°C。"), finish("stop"),
			usage(280, 8, null) };

	static class WeatherTools {

		final List<String> cities = new ArrayList<>();

		@Tool(description = "Current weather of a city")
		String currentWeather(@ToolParam(description = "city name") String city) {
			this.cities.add(city);
			return "{\"city\":\"" + city + "\",\"sky\":\"晴\",\"celsius\":25}";
		}

	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void chatClientCallRunsTheToolAndSendsItsResultInTheNextRound(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(CALL_WEATHER));
		enqueueStream(fixture.stream(ANSWER));
		WeatherTools weather = new WeatherTools();
		String answer = ChatClient.builder(model(fixture)).build().prompt("杭州天气?").tools(weather).call().content();
		assertThat(answer).isEqualTo("杭州今天晴，25°C。");
		assertThat(weather.cities).containsExactly("杭州");
		assertToolRounds(fixture);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void chatClientStreamRunsTheToolAndStreamsTheFinalAnswer(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(CALL_WEATHER));
		enqueueStream(fixture.stream(ANSWER));
		WeatherTools weather = new WeatherTools();
		List<String> pieces = ChatClient.builder(model(fixture))
			.build()
			.prompt("杭州天气?")
			.tools(weather)
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(String.join("", pieces)).isEqualTo("杭州今天晴，25°C。");
		assertThat(weather.cities).containsExactly("杭州");
		assertToolRounds(fixture);
	}

	private void assertToolRounds(WireFixture fixture) throws Exception {
		JsonNode first = JSON.readTree(body(takeRequest()));
		JsonNode parameters = (fixture == WireFixture.DASHSCOPE) ? first.get("parameters") : first;
		JsonNode tool = parameters.get("tools").get(0);
		assertThat(tool.get("type").asString()).isEqualTo("function");
		assertThat(tool.get("function").get("name").asString()).isEqualTo("currentWeather");
		assertThat(tool.get("function").get("description").asString()).isEqualTo("Current weather of a city");
		assertThat(tool.get("function").get("parameters").get("properties").has("city")).isTrue();

		RecordedRequest second = takeRequest();
		JsonNode body = JSON.readTree(body(second));
		JsonNode messages = (fixture == WireFixture.DASHSCOPE) ? body.get("input").get("messages")
				: body.get("messages");
		// interleaved thinking: the assistant message of this tool round carries exactly
		// round
		// one's reasoning back (it survived ToolCallingAdvisor on our AssistantMessage)
		JSONAssert.assertEquals("""
				[{"role":"user","content":"杭州天气?"},
				 {"role":"assistant","content":"","tool_calls":[{"id":"call_0bdcc155f2534f65a05cb1","type":"function",
				   "function":{"name":"currentWeather","arguments":"{\\"city\\": \\"杭州\\"}"},"index":0}],
				  "reasoning_content":"需要查询天气。"},
				 {"role":"tool","content":"{\\"city\\":\\"杭州\\",\\"sky\\":\\"晴\\",\\"celsius\\":25}",
				  "tool_call_id":"call_0bdcc155f2534f65a05cb1"}]""", messages.toString(), JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void fragmentsAreMergedByIndexAndEmittedOnceWithThinkingBeforeTheCall(WireFixture fixture) {
		enqueueStream(fixture.stream(CALL_WEATHER));
		List<ChatResponse> chunks = model(fixture).stream(new Prompt("杭州天气?")).collectList().block();
		List<AssistantMessage.ToolCall> emitted = chunks.stream()
			.flatMap((c) -> c.getResult().getOutput().getToolCalls().stream())
			.toList();
		assertThat(emitted).containsExactly(new AssistantMessage.ToolCall("call_0bdcc155f2534f65a05cb1", "function",
				"currentWeather", "{\"city\": \"杭州\"}"));
		ChatResponse last = chunks.get(chunks.size() - 1);
		assertThat(last.hasToolCalls()).isTrue();
		assertThat(finishReason(last)).isEqualTo("TOOL_CALLS");
		assertThat(GlmReasoning.content(last)).isEqualTo("需要查询天气。");
		assertThat(joinedText(chunks)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void severalCallsInOneStreamAndInOneChunkWithStopFinishAreStillAToolTurn(WireFixture fixture) {
		String stream = fixture.stream(
				tools(call(0, "call_a", "currentWeather", "{\"city\":\"北"),
						call(1, "call_b", "currentWeather", "{\"city\":")),
				tool(1, "", null, "\"上海\"}"), tool(0, "", null, "京\"}"), tool(2, "call_c", "localTime", "{}"),
				finish("stop"), usage(40, 20, null));
		this.server.enqueue(sse(stream).throttleBody(4, 1, TimeUnit.MILLISECONDS).build());
		ChatResponse response = model(fixture).call(new Prompt("北京和上海天气?"));
		assertThat(response.getResult().getOutput().getToolCalls()).containsExactly(
				new AssistantMessage.ToolCall("call_a", "function", "currentWeather", "{\"city\":\"北京\"}"),
				new AssistantMessage.ToolCall("call_b", "function", "currentWeather", "{\"city\":\"上海\"}"),
				new AssistantMessage.ToolCall("call_c", "function", "localTime", "{}"));
		assertThat(finishReason(response)).isEqualTo("TOOL_CALLS");
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void toolCallArrivingInOnePieceWithNullFinish(WireFixture fixture) {
		// the finish frame reports "null" (native) / no finish reason: the turn still
		// ends
		String stream = fixture.stream(tool(0, "call_x", "currentWeather", "{\"city\":\"杭州\"}"), finish("null"),
				usage(10, 5, null));
		enqueueStream(stream + fixture.stream(finish("stop")));
		ChatResponse response = model(fixture).call(new Prompt("q"));
		assertThat(response.getResult().getOutput().getToolCalls()).singleElement()
			.satisfies((c) -> assertThat(c.arguments()).isEqualTo("{\"city\":\"杭州\"}"));
		assertThat(finishReason(response)).isEqualTo("TOOL_CALLS");
	}

	/**
	 * Native-only: the native protocol omits {@code index} on continuation fragments
	 * (bailian-api.md §4.2, S9); the compatible protocol always sends it.
	 */
	@Test
	void nativeContinuationWithoutIndexMergesIntoTheCallAtItsPosition() {
		String stream = """
				id:1
				event:result
				:HTTP_STATUS/200
				data:{"request_id":"4edb81cd","usage":{"input_tokens":238,"output_tokens":106,"total_tokens":344},"output":{"choices":[{"finish_reason":"null","message":{"role":"assistant","content":"","reasoning_content":"","tool_calls":[{"type":"function","id":"call_ecc41296dccc47baa01567","function":{"name":"get_current_weather","arguments":"{\\"location\\": \\"杭州"}}]}}]}}

				id:2
				event:result
				:HTTP_STATUS/200
				data:{"request_id":"4edb81cd","usage":{"input_tokens":238,"output_tokens":108,"total_tokens":346},"output":{"choices":[{"finish_reason":"tool_calls","message":{"role":"assistant","content":"","reasoning_content":"","tool_calls":[{"type":"function","id":"","function":{"arguments":"\\"}"}}]}}]}}

				""";
		enqueueStream(stream);
		ChatResponse response = model(WireFixture.DASHSCOPE).call(new Prompt("q"));
		assertThat(response.getResult().getOutput().getToolCalls()).containsExactly(new AssistantMessage.ToolCall(
				"call_ecc41296dccc47baa01567", "function", "get_current_weather", "{\"location\": \"杭州\"}"));
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(346);
	}

	record CityWeather(String city, String sky, int celsius) {
	}

	/**
	 * Bailian only: Zhipu has no JSON schema mode and no rule against JSON mode while
	 * thinking (ZhipuRequestTests covers its json_object with the schema in the prompt).
	 */
	@ParameterizedTest
	@MethodSource("io.github.glmspringai.chat.WireFixture#bailian")
	void entityWithProviderStructuredOutputSendsJsonSchemaWithThinkingOff(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(text("{\"city\":\"杭州\","), text("\"sky\":\"晴\",\"celsius\":25}"), finish("stop"),
				usage(50, 12, null)));
		CityWeather weather = ChatClient.builder(model(fixture))
			.build()
			.prompt("杭州天气")
			.call()
			.entity(CityWeather.class, (spec) -> spec.useProviderStructuredOutput());
		assertThat(weather).isEqualTo(new CityWeather("杭州", "晴", 25));
		JsonNode body = JSON.readTree(body(takeRequest()));
		JsonNode parameters = (fixture == WireFixture.DASHSCOPE) ? body.get("parameters") : body;
		assertThat(parameters.get("enable_thinking").asBoolean()).isFalse();
		JsonNode format = parameters.get("response_format");
		assertThat(format.get("type").asString()).isEqualTo("json_schema");
		assertThat(format.get("json_schema").get("schema").get("properties").has("celsius")).isTrue();
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void entityWithPromptInstructionsKeepsThinking(WireFixture fixture) throws Exception {
		enqueueStream(
				fixture.stream(reasoning("按格式回答"), text("```json\n{\"city\":\"杭州\",\"sky\":\"晴\",\"celsius\":25}\n```"),
						finish("stop"), usage(50, 12, 4)));
		CityWeather weather = ChatClient.builder(model(fixture))
			.build()
			.prompt("杭州天气")
			.call()
			.entity(CityWeather.class);
		assertThat(weather).isEqualTo(new CityWeather("杭州", "晴", 25));
		JsonNode body = JSON.readTree(body(takeRequest()));
		JsonNode parameters = (fixture == WireFixture.DASHSCOPE) ? body.get("parameters") : body;
		assertThat(parameters.has("response_format")).isFalse();
		assertThat(parameters.has("enable_thinking")).isFalse();
		assertThat(parameters.has("thinking")).isFalse();
	}

	/** Bailian only: it rejects JSON mode while the model thinks; Zhipu does not. */
	@ParameterizedTest
	@MethodSource("io.github.glmspringai.chat.WireFixture#bailian")
	void providerStructuredOutputWithThinkingExplicitlyOnFailsEarly(WireFixture fixture) {
		GlmChatModel model = model(fixture, GlmChatOptions.builder().enableThinking(true).build(), NO_RETRY);
		assertThatThrownBy(() -> ChatClient.builder(model)
			.build()
			.prompt("杭州天气")
			.call()
			.entity(CityWeather.class, (spec) -> spec.useProviderStructuredOutput()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("JSON mode")
			.hasMessageContaining("enableThinking=true");
		assertThat(this.server.getRequestCount()).isZero();
	}

}
