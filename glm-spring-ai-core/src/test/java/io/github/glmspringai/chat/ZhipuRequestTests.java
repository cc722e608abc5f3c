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
import java.util.Locale;
import java.util.stream.Stream;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmMessage;
import io.github.glmspringai.api.GlmRequest;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

import static io.github.glmspringai.chat.Step.finish;
import static io.github.glmspringai.chat.Step.text;
import static io.github.glmspringai.chat.Step.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Zhipu-only request scenarios (zhipu-api.md §1, §3), each with its reason: how Zhipu
 * spells what Bailian spells otherwise, what it does not have, its endpoints and its
 * headers. The shared scenarios run on Zhipu in the conformance suite.
 */
class ZhipuRequestTests extends WireTestSupport {

	private static final WireFixture ZHIPU = WireFixture.ZHIPU;

	private static final String ASK = "[{\"role\":\"user\",\"content\":\"q\"}]";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Arguments> thinking() {
		return Stream.of(Arguments.of(GlmChatOptions.builder().enableThinking(true).build(), "{\"type\":\"enabled\"}"),
				Arguments.of(GlmChatOptions.builder().enableThinking(false).build(), "{\"type\":\"disabled\"}"),
				Arguments.of(GlmChatOptions.builder().clearThinking(false).build(), "{\"clear_thinking\":false}"),
				Arguments.of(GlmChatOptions.builder().clearThinking(true).build(), "{\"clear_thinking\":true}"),
				Arguments.of(GlmChatOptions.builder().enableThinking(true).clearThinking(false).build(),
						"{\"type\":\"enabled\",\"clear_thinking\":false}"));
	}

	/**
	 * Zhipu switches thinking with an object, {@code thinking.type} and
	 * {@code thinking.clear_thinking}, and ignores Bailian's top-level
	 * {@code enable_thinking} (§3.4); an explicit {@code false} is sent.
	 */
	@ParameterizedTest
	@MethodSource("thinking")
	void thinkingIsAnObjectAndAnExplicitFalseIsSent(GlmChatOptions options, String thinking) throws Exception {
		enqueueStream(ZHIPU.stream(text("好"), finish("stop"), usage(1, 1, null)));
		model(ZHIPU).call(new Prompt("q", options));
		JSONAssert.assertEquals(
				"{\"model\":\"glm-5\",\"messages\":" + ASK + ",\"thinking\":" + thinking + ",\"stream\":true}",
				body(takeRequest()), JSONCompareMode.STRICT);
	}

	/** Zhipu's sampling ranges are [0, 1] and [0.01, 1], both ends included (§3.1). */
	@Test
	void theEndsOfZhipusSamplingRangesAreSent() throws Exception {
		for (double[] sampling : new double[][] { { 0.0, 0.01 }, { 1.0, 1.0 } }) {
			enqueueStream(ZHIPU.stream(text("好"), finish("stop"), usage(1, 1, null)));
			model(ZHIPU)
				.call(new Prompt("q", GlmChatOptions.builder().temperature(sampling[0]).topP(sampling[1]).build()));
			JsonNode body = JSON.readTree(body(takeRequest()));
			assertThat(body.get("temperature").asDouble()).isEqualTo(sampling[0]);
			assertThat(body.get("top_p").asDouble()).isEqualTo(sampling[1]);
		}
	}

	/**
	 * The adapter itself refuses what Zhipu does not have, for users of {@link GlmApi}
	 * without the chat model: before anything is sent, never dropped silently (§3.5).
	 */
	@Test
	void theApiRefusesParametersZhipuDoesNotHaveBeforeSending() {
		List<GlmMessage> ask = List.of(GlmMessage.of(GlmMessage.Role.USER, "q"));
		try (GlmApi api = apiBuilder(ZHIPU).build()) {
			assertThatThrownBy(
					() -> api.stream(GlmRequest.builder("glm-5", ask).sampling(null, null, 30).seed(42L).build()))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("topK, seed are not supported by the zhipu protocol");
			assertThatThrownBy(() -> api.stream(GlmRequest.builder("glm-5", ask).stop(List.of("a", "b")).build()))
				.hasMessageContaining("one stop sequence");
			assertThatThrownBy(
					() -> api.stream(GlmRequest.builder("glm-5", ask).tools(List.of(), "none", null).build()))
				.hasMessageContaining("only has 'auto'");
			assertThatThrownBy(() -> api.stream(GlmRequest.builder("glm-5", ask)
				.responseFormat(new GlmRequest.ResponseFormat(GlmRequest.ResponseFormat.Type.JSON_SCHEMA, "{}"))
				.build())).hasMessageContaining("json_schema is not supported by the zhipu protocol");
		}
		assertThat(this.server.getRequestCount()).isZero();
	}

	/**
	 * BigModel by default, with Zhipu's path, a raw Bearer key and none of Bailian's
	 * {@code X-DashScope-*} headers (§1.2, §1.3).
	 */
	@Test
	void theRequestCarriesTheKeyAndNoBailianHeader() throws Exception {
		enqueueStream(ZHIPU.stream(text("好"), finish("stop"), usage(1, 1, null)));
		model(ZHIPU).call(new Prompt("q"));
		RecordedRequest request = takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/paas/v4/chat/completions");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(request.getHeaders().names())
			.noneMatch((name) -> name.toLowerCase(Locale.ROOT).startsWith("x-dashscope"));
		try (GlmApi api = GlmApi.builder().protocol(GlmProtocol.ZHIPU).apiKey(API_KEY).build()) {
			assertThat(api.toString()).contains("https://open.bigmodel.cn/api/paas/v4/chat/completions");
		}
	}

	/**
	 * The GLM Coding Plan has its own path (§1.1): {@code completionsPath} replaces the
	 * protocol's.
	 */
	@Test
	void theCodingPlanPathIsUsedWhenConfigured() throws Exception {
		enqueueStream(ZHIPU.stream(text("好"), finish("stop"), usage(1, 1, null)));
		GlmChatModel model = GlmChatModel.builder()
			.api(apiBuilder(ZHIPU).completionsPath("/api/coding/paas/v4/chat/completions").build())
			.retryTemplate(NO_RETRY)
			.build();
		assertThat(model.call(new Prompt("q")).getResult().getOutput().getText()).isEqualTo("好");
		assertThat(takeRequest().getUrl().encodedPath()).isEqualTo("/api/coding/paas/v4/chat/completions");
	}

	record CityWeather(String city, String sky, int celsius) {
	}

	/**
	 * Zhipu has no JSON schema mode (§3.1): a schema is sent as {@code json_object}, with
	 * the schema in the system prompt; thinking is left as configured (Zhipu documents no
	 * rule against JSON mode while thinking).
	 */
	@Test
	void aSchemaBecomesJsonObjectWithTheSchemaInTheSystemPrompt() throws Exception {
		enqueueStream(ZHIPU.stream(text("{\"city\":\"杭州\",\"sky\":\"晴\",\"celsius\":25}"), finish("stop"),
				usage(50, 12, null)));
		enqueueStream(ZHIPU.stream(text("{\"city\":\"杭州\",\"sky\":\"晴\",\"celsius\":25}"), finish("stop"),
				usage(50, 12, null)));
		CityWeather expected = new CityWeather("杭州", "晴", 25);
		assertThat(ChatClient.builder(model(ZHIPU))
			.build()
			.prompt()
			.system("You are terse.")
			.user("杭州天气")
			.call()
			.entity(CityWeather.class, (spec) -> spec.useProviderStructuredOutput())).isEqualTo(expected);
		JsonNode body = JSON.readTree(body(takeRequest()));
		assertThat(body.get("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
		assertThat(body.has("thinking")).isFalse();
		JsonNode system = body.get("messages").get(0);
		assertThat(system.get("role").asString()).isEqualTo("system");
		assertThat(system.get("content").asString()).startsWith("You are terse.")
			.contains("JSON Schema", "\"celsius\"");

		GlmChatModel thinking = model(ZHIPU, GlmChatOptions.builder().enableThinking(true).build(), NO_RETRY);
		assertThat(ChatClient.builder(thinking)
			.build()
			.prompt("杭州天气")
			.call()
			.entity(CityWeather.class, (spec) -> spec.useProviderStructuredOutput())).isEqualTo(expected);
		body = JSON.readTree(body(takeRequest()));
		assertThat(body.get("thinking").toString()).isEqualTo("{\"type\":\"enabled\"}");
		assertThat(body.get("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
	}

	static class WeatherTools {

		final List<String> locations = new ArrayList<>();

		@Tool(description = "Weather of a location")
		String weather(@ToolParam(description = "city, country") String location) {
			this.locations.add(location);
			return "{\"location\":\"" + location + "\",\"sky\":\"sunny\"}";
		}

	}

	/**
	 * The recorded Z.ai turn (§4.6: reasoning, text, a whole tool call, finish with
	 * usage) through {@code ChatClient}: the tool runs, and the follow-up request carries
	 * the assistant turn with its {@code reasoning_content} (interleaved thinking, as the
	 * recording's second request did) and the tool result.
	 */
	@Test
	void aRecordedToolTurnRoundTripsWithItsReasoning() throws Exception {
		enqueueStream(ZHIPU.referenceStream());
		enqueueStream(ZHIPU.stream(text("Sunny in Florence."), finish("stop"), usage(200, 5, null)));
		WeatherTools tools = new WeatherTools();
		String answer = ChatClient.builder(model(ZHIPU))
			.build()
			.prompt("Weather in Florence?")
			.tools(tools)
			.call()
			.content();
		assertThat(answer).isEqualTo("Sunny in Florence.");
		assertThat(tools.locations).containsExactly("Florence,Italy");
		JsonNode first = JSON.readTree(body(takeRequest()));
		assertThat(first.get("tools").get(0).get("function").get("name").asString()).isEqualTo("weather");
		assertThat(first.has("tool_choice")).isFalse();
		JsonNode second = JSON.readTree(body(takeRequest()));
		JSONAssert.assertEquals(
				"""
						[{"role":"user","content":"Weather in Florence?"},
						 {"role":"assistant","content":"I","tool_calls":[{"id":"call_3532c842716b4c72a7dd7498","type":"function",
						   "function":{"name":"weather","arguments":"{\\"location\\":\\"Florence,Italy\\"}"},"index":0}],
						  "reasoning_content":"The"},
						 {"role":"tool","content":"{\\"location\\":\\"Florence,Italy\\",\\"sky\\":\\"sunny\\"}",
						  "tool_call_id":"call_3532c842716b4c72a7dd7498"}]""",
				second.get("messages").toString(), JSONCompareMode.STRICT);
	}

}
