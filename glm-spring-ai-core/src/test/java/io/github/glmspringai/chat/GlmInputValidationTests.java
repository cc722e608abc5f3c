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

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.glmspringai.api.GlmApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;

import static io.github.glmspringai.chat.Step.finish;
import static io.github.glmspringai.chat.Step.text;
import static io.github.glmspringai.chat.Step.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 11 (hardening), input side: bad input and configuration fail early with an
 * {@link IllegalArgumentException} naming the field, and nothing is sent.
 */
class GlmInputValidationTests extends WireTestSupport {

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item8NullMapValuesAndNullStopSequencesFailEarlyOrAreSentAsJsonNull(WireFixture fixture) throws Exception {
		Map<String, String> headers = new HashMap<>();
		headers.put("X-Trace", null);
		assertThatThrownBy(() -> GlmChatOptions.builder().httpHeaders(headers).build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("httpHeaders")
			.hasMessageContaining("X-Trace");
		List<String> stops = new ArrayList<>();
		stops.add(null);
		assertThatThrownBy(() -> GlmChatOptions.builder().stopSequences(stops).build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("stopSequences");
		Map<String, Object> extra = new HashMap<>();
		extra.put("top_k", null);
		enqueueStream(fixture.stream(text("好"), finish("stop"), usage(1, 1, null)));
		model(fixture, GlmChatOptions.builder().extraBody(extra).build(), NO_RETRY).call(new Prompt("q"));
		JSONAssert.assertEquals(fixture.wrapParameters("{\"top_k\":null}", "[{\"role\":\"user\",\"content\":\"q\"}]"),
				body(takeRequest()), JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item8AHistoryToolCallWithNullArgumentsIsSentAsAnEmptyObject(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(text("好"), finish("stop"), usage(1, 1, null)));
		AssistantMessage call = AssistantMessage.builder()
			.content("")
			.toolCalls(List.of(new AssistantMessage.ToolCall("call_1", "function", "clock", null)))
			.build();
		ToolResponseMessage result = ToolResponseMessage.builder()
			.responses(List.of(new ToolResponseMessage.ToolResponse("call_1", "clock", "12:00")))
			.build();
		model(fixture).call(new Prompt(List.of(new UserMessage("几点"), call, result)));
		assertThat(body(takeRequest())).contains("\"arguments\":\"{}\"");
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item8HugeTimeoutsAreRejectedByName(WireFixture fixture) {
		for (String name : List.of("connectTimeout", "firstTokenTimeout", "idleTimeout", "pendingAcquireTimeout",
				"poolMaxIdleTime")) {
			GlmApi.Builder builder = apiBuilder(fixture);
			Duration huge = Duration.ofSeconds(Long.MAX_VALUE / 2);
			switch (name) {
				case "connectTimeout" -> builder.connectTimeout(huge);
				case "firstTokenTimeout" -> builder.firstTokenTimeout(huge);
				case "idleTimeout" -> builder.idleTimeout(huge);
				case "pendingAcquireTimeout" -> builder.pendingAcquireTimeout(huge);
				default -> builder.poolMaxIdleTime(huge);
			}
			assertThatThrownBy(builder::build).as(name)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(name);
		}
		assertThatThrownBy(() -> GlmChatModel.builder()
			.api(apiBuilder(fixture).build())
			.firstTokenDeadline(Duration.ofSeconds(Long.MAX_VALUE / 2))
			.build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstTokenDeadline");
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item12BaseUrlWithAPathQueryFragmentOrCredentialsIsRejected(WireFixture fixture) {
		assertThatThrownBy(
				() -> apiBuilder(fixture).baseUrl("https://dashscope.aliyuncs.com/compatible-mode/v1").build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("https://dashscope.aliyuncs.com")
			.hasMessageContaining("path");
		assertThatThrownBy(() -> apiBuilder(fixture).baseUrl("https://dashscope.aliyuncs.com?x=1").build())
			.hasMessageContaining("query");
		assertThatThrownBy(() -> apiBuilder(fixture).baseUrl("https://dashscope.aliyuncs.com#top").build())
			.hasMessageContaining("fragment");
		Throwable credentials = catchThrowable(
				() -> apiBuilder(fixture).baseUrl("https://user:s3cr3t-pass@dashscope.aliyuncs.com").build());
		assertThat(credentials).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("credentials")
			.hasMessageNotContaining("s3cr3t-pass");
		assertThat(apiBuilder(fixture).baseUrl("https://dashscope.aliyuncs.com/").build().toString())
			.contains("https://dashscope.aliyuncs.com" + fixture.path);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item12PlainHttpIsAllowedOnlyToARealLoopbackAddress(WireFixture fixture) {
		for (String host : List.of("127.attacker.example", "127.0.0.1.nip.io", "localhost.evil.com")) {
			assertThatThrownBy(() -> apiBuilder(fixture).baseUrl("http://" + host + ":8080").build()).as(host)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("allow-insecure-http");
		}
		for (String host : List.of("127.0.0.1", "127.1.2.3", "localhost", "[::1]")) {
			assertThat(apiBuilder(fixture).baseUrl("http://" + host + ":8080").build()).as(host).isNotNull();
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item13HeaderInjectionBadToolNamesAndInfinitePenaltiesAreRejectedBeforeSending(WireFixture fixture) {
		GlmChatModel model = model(fixture);
		assertRejected(model, GlmChatOptions.builder().httpHeaders(Map.of("X-Trace", "a\r\nX-Injected: 1")).build(),
				"httpHeaders");
		assertRejected(model, GlmChatOptions.builder().httpHeaders(Map.of("Bad Header", "v")).build(), "httpHeaders");
		assertRejected(model, GlmChatOptions.builder().repetitionPenalty(Double.POSITIVE_INFINITY).build(),
				"repetitionPenalty");
		assertRejected(model, GlmChatOptions.builder().presencePenalty(Double.NaN).build(), "presencePenalty");
		assertRejected(model, GlmChatOptions.builder().toolCallbacks(List.of(namedTool("get time"))).build(),
				"tool name");
		assertRejected(model, GlmChatOptions.builder().toolCallbacks(List.of(namedTool(""))).build(), "tool name");
		assertRejected(model, GlmChatOptions.builder().toolCallbacks(List.of(namedTool("x".repeat(65)))).build(),
				"tool name");
		assertRejected(model,
				GlmChatOptions.builder().toolCallbacks(List.of(namedTool("clock"), namedTool("clock"))).build(),
				"clock");
		assertThat(this.server.getRequestCount()).isZero();
	}

	private static void assertRejected(GlmChatModel model, GlmChatOptions options, String field) {
		assertThatThrownBy(() -> model.call(new Prompt("q", options))).as(field)
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(field);
		assertThatThrownBy(() -> model.stream(new Prompt("q", options)).blockLast()).as(field)
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(field);
	}

}
