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
import java.util.stream.Stream;

import io.github.glmspringai.api.GlmModelNotFoundException;
import io.github.glmspringai.api.GlmNonTransientException;
import io.github.glmspringai.api.GlmServiceException;
import io.github.glmspringai.api.GlmTransientException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static io.github.glmspringai.chat.Step.call;
import static io.github.glmspringai.chat.Step.finish;
import static io.github.glmspringai.chat.Step.reasoning;
import static io.github.glmspringai.chat.Step.text;
import static io.github.glmspringai.chat.Step.tool;
import static io.github.glmspringai.chat.Step.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Zhipu-only stream and error scenarios (zhipu-api.md §4, §6), each with its reason: its
 * finish reasons, its business codes, usage on the finish chunk, and tool calls with and
 * without {@code tool_stream}. The shared scenarios run on Zhipu in the conformance
 * suite.
 */
class ZhipuStreamTests extends WireTestSupport {

	private static final WireFixture ZHIPU = WireFixture.ZHIPU;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Zhipu's finish reasons (§4.3): {@code sensitive} is a content-filter finish whose
	 * partial answer stays, {@code model_context_window_exceeded} and unknown values pass
	 * through upper-cased, and an empty one is {@code UNKNOWN}; none of them crashes.
	 */
	@ParameterizedTest
	@CsvSource(value = { "sensitive,CONTENT_FILTER", "model_context_window_exceeded,MODEL_CONTEXT_WINDOW_EXCEEDED",
			"'',UNKNOWN", "a_future_reason,A_FUTURE_REASON" })
	void finishReasonsAreMappedAndThePartialAnswerStays(String wire, String reported) {
		Step[] steps = { reasoning("想"), text("部分"), text("答案"), finish(wire), usage(5, 3, 1) };
		enqueueStream(ZHIPU.stream(steps));
		enqueueStream(ZHIPU.stream(steps));
		GlmChatModel model = model(ZHIPU);
		List<ChatResponse> chunks = model.stream(new Prompt("q")).collectList().block();
		assertThat(joinedText(chunks)).isEqualTo("部分答案");
		assertThat(finishReason(chunks.get(chunks.size() - 1))).isEqualTo(reported);
		ChatResponse called = model.call(new Prompt("q"));
		assertThat(called.getResult().getOutput().getText()).isEqualTo("部分答案");
		assertThat(finishReason(called)).isEqualTo(reported);
		assertThat(called.getMetadata().getUsage().getTotalTokens()).isEqualTo(8);
	}

	/**
	 * {@code network_error} (§4.3) ends a 200 stream that failed upstream: a transient
	 * typed error carrying the partial answer, never a silent success, and not retried
	 * once data arrived.
	 */
	@Test
	void aNetworkErrorFinishFailsWithThePartialAnswer() {
		Step[] steps = { reasoning("想一想"), text("一半"), finish("network_error"), usage(5, 3, 2) };
		enqueueStream(ZHIPU.stream(steps));
		enqueueStream(ZHIPU.stream(steps));
		GlmChatModel model = model(ZHIPU, GlmChatOptions.builder().build(), FAST_RETRY);
		Throwable streamed = catchThrowable(() -> model.stream(new Prompt("q")).blockLast());
		Throwable called = catchThrowable(() -> model.call(new Prompt("q")));
		for (Throwable thrown : List.of(streamed, called)) {
			assertThat(thrown).isInstanceOf(GlmTransientException.class).hasMessageContaining("network_error");
			GlmServiceException error = (GlmServiceException) thrown;
			assertThat(error.getErrorCode()).isEqualTo("network_error");
			assertThat(error.getStatusCode()).isEqualTo(200);
			assertThat(error.getPartialText()).isEqualTo("一半");
			assertThat(error.getPartialReasoning()).isEqualTo("想一想");
			assertThat(error.getRequestId()).isEqualTo(WireFixture.REQUEST_ID);
		}
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	/**
	 * A {@code network_error} before any output (the shape of spring-ai#5530) is
	 * transient and nothing was received: it is retried.
	 */
	@Test
	void aNetworkErrorBeforeAnyOutputIsRetried() {
		enqueueStream(ZHIPU.stream(finish("network_error")));
		enqueueStream(ZHIPU.stream(text("好"), finish("stop"), usage(1, 1, null)));
		GlmChatModel model = model(ZHIPU, GlmChatOptions.builder().build(), FAST_RETRY);
		assertThat(model.call(new Prompt("q")).getResult().getOutput().getText()).isEqualTo("好");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	static Stream<Arguments> businessCodes() {
		return Stream.of(Arguments.of(429, "1113", false), Arguments.of(429, "1302", true),
				Arguments.of(429, "1303", true), Arguments.of(429, "1305", true), Arguments.of(429, "1312", true),
				Arguments.of(500, "1234", true), Arguments.of(500, "500", true), Arguments.of(429, "1304", false),
				Arguments.of(429, "1308", false), Arguments.of(429, "1310", false), Arguments.of(429, "1313", false),
				Arguments.of(429, "1316", false), Arguments.of(429, "1321", false), Arguments.of(401, "1002", false),
				Arguments.of(400, "1210", false), Arguments.of(400, "1261", false), Arguments.of(400, "1301", false),
				Arguments.of(502, "1200", true));
	}

	/**
	 * Zhipu is classified by business code, not by HTTP status (§6.3): arrears (1113) and
	 * plan quotas come with HTTP 429 and are never retried; concurrency, frequency,
	 * overload, network and internal errors are.
	 */
	@ParameterizedTest(name = "HTTP {0} code {1} transient={2}")
	@MethodSource("businessCodes")
	void errorsAreRetriedByBusinessCodeNotByStatus(int status, String code, boolean transientFailure) {
		this.server.enqueue(new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json; charset=UTF-8")
			.body("{\"error\":{\"code\":\"" + code + "\",\"message\":\"m" + code + "\"}}")
			.build());
		enqueueStream(ZHIPU.stream(text("好"), finish("stop"), usage(1, 1, null)));
		GlmChatModel model = model(ZHIPU, GlmChatOptions.builder().build(), FAST_RETRY);
		if (transientFailure) {
			assertThat(model.call(new Prompt("q")).getResult().getOutput().getText()).isEqualTo("好");
			assertThat(this.server.getRequestCount()).isEqualTo(2);
			return;
		}
		Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
		assertThat(thrown).isInstanceOf(GlmNonTransientException.class).hasMessageContaining("[" + code + "]");
		GlmServiceException error = (GlmServiceException) thrown;
		assertThat(error.getStatusCode()).isEqualTo(status);
		assertThat(error.getErrorCode()).isEqualTo(code);
		assertThat(error.getServiceMessage()).isEqualTo("m" + code);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	/** The spec's error schema has an integer code, captures a string: both are read. */
	@Test
	void aNumericBusinessCodeIsReadAsItsDigits() {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.body("{\"error\":{\"code\":1113,\"message\":\"余额不足或无可用资源包,请充值。\"}}")
			.build());
		Throwable thrown = catchThrowable(
				() -> model(ZHIPU, GlmChatOptions.builder().build(), FAST_RETRY).call(new Prompt("q")));
		assertThat(thrown).isInstanceOf(GlmNonTransientException.class);
		assertThat(((GlmServiceException) thrown).getErrorCode()).isEqualTo("1113");
		assertThat(((GlmServiceException) thrown).getServiceMessage()).isEqualTo("余额不足或无可用资源包,请充值。");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	/**
	 * A missing model (1211, HTTP 400) is not retried, and the message names the model
	 * and the property to change.
	 */
	@Test
	void aMissingModelNamesTheModelAndTheProperty() {
		this.server.enqueue(new MockResponse.Builder().code(400).body(ZHIPU.errorBody(ErrorCase.NOT_FOUND)).build());
		GlmChatModel model = model(ZHIPU, GlmChatOptions.builder().model("glm-9").build(), FAST_RETRY);
		Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
		assertThat(thrown).isInstanceOf(GlmModelNotFoundException.class)
			.hasMessageContaining("1211")
			.hasMessageContaining("'glm-9' is not served here (BigModel and Z.ai have different catalogs")
			.hasMessageContaining("spring.ai.glm.chat.model")
			.hasMessageNotContaining("Bailian");
		assertThat(((GlmServiceException) thrown).getServiceMessage()).isEqualTo("模型不存在，请检查模型代码。");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	/**
	 * Usage arrives on the finish chunk itself, with cached and reasoning tokens (§4.3);
	 * the chunks before it carry none.
	 */
	@Test
	void usageOnTheFinishChunkCarriesCachedAndReasoningTokens() {
		enqueueStream(ZHIPU.stream(reasoning("想"), text("答"), finish("stop"), usage(173, 93, 65, 172L)));
		List<ChatResponse> chunks = model(ZHIPU).stream(new Prompt("q")).collectList().block();
		assertThat(chunks.subList(0, chunks.size() - 1))
			.allSatisfy((c) -> assertThat(c.getMetadata().getUsage().getTotalTokens()).isZero());
		GlmUsage usage = (GlmUsage) chunks.get(chunks.size() - 1).getMetadata().getUsage();
		assertThat(usage.getPromptTokens()).isEqualTo(173);
		assertThat(usage.getCompletionTokens()).isEqualTo(93);
		assertThat(usage.getTotalTokens()).isEqualTo(266);
		assertThat(usage.getCacheReadInputTokens()).isEqualTo(172L);
		assertThat(usage.getReasoningTokens()).isEqualTo(65);
	}

	/**
	 * The chunk id is the request id (no prefix); a {@code request_id} wins (§4.2, §5).
	 */
	@Test
	void theChunkIdIsTheRequestIdUnlessARequestIdIsGiven() {
		String stream = ZHIPU.stream(text("好"), finish("stop"), usage(1, 1, null));
		enqueueStream(stream);
		enqueueStream(stream.replace("\"id\":\"" + WireFixture.REQUEST_ID + "\"",
				"\"id\":\"" + WireFixture.REQUEST_ID + "\",\"request_id\":\"my-request-0001\""));
		assertThat(model(ZHIPU).call(new Prompt("q")).getMetadata().getId()).isEqualTo(WireFixture.REQUEST_ID);
		assertThat(model(ZHIPU).call(new Prompt("q")).getMetadata().getId()).isEqualTo("my-request-0001");
	}

	/**
	 * Without {@code tool_stream}, each call arrives whole in its own chunk, parallel
	 * calls by index (§4.4, the recorded multi_tool_streaming shape).
	 */
	@Test
	void wholeToolCallsInSeparateChunksAreEachACall() {
		enqueueStream(ZHIPU.stream(tool(0, "call_4f8cb52342424eb9bbc1b20e", "add", "{\"a\":2,\"b\":3}"),
				tool(1, "call_0d06add371834452b339ffdb", "multiply", "{\"a\":2,\"b\":3}"), finish("tool_calls"),
				usage(40, 20, null)));
		AssistantMessage output = model(ZHIPU).call(new Prompt("q")).getResult().getOutput();
		assertThat(output.getToolCalls()).containsExactly(
				new AssistantMessage.ToolCall("call_4f8cb52342424eb9bbc1b20e", "function", "add", "{\"a\":2,\"b\":3}"),
				new AssistantMessage.ToolCall("call_0d06add371834452b339ffdb", "function", "multiply",
						"{\"a\":2,\"b\":3}"));
	}

	/**
	 * With {@code tool_stream: true}, the first fragment of an index carries id and name
	 * with empty arguments, later ones only argument text (§4.5): merged by index.
	 */
	@Test
	void toolStreamFragmentsAreMergedByIndex() throws Exception {
		enqueueStream(ZHIPU.stream(tool(0, "call_9", "web_search", ""), tool(0, "", null, "{\"query\":"),
				tool(0, "", null, "\"GLM-5\"}"), finish("tool_calls"), usage(40, 20, null)));
		GlmChatModel model = model(ZHIPU, GlmChatOptions.builder().toolStream(true).build(), NO_RETRY);
		AssistantMessage output = model.call(new Prompt("q")).getResult().getOutput();
		assertThat(output.getToolCalls()).containsExactly(
				new AssistantMessage.ToolCall("call_9", "function", "web_search", "{\"query\":\"GLM-5\"}"));
		assertThat(JSON.readTree(body(takeRequest())).get("tool_stream").asBoolean()).isTrue();
	}

	/** Parallel fragments in one chunk are told apart by index. */
	@Test
	void toolStreamFragmentsOfSeveralCallsInOneChunk() {
		enqueueStream(ZHIPU.stream(Step.tools(call(0, "call_a", "f", ""), call(1, "call_b", "g", "")),
				Step.tools(call(1, "", null, "{\"y\":2}"), call(0, "", null, "{\"x\":1}")), finish("tool_calls"),
				usage(40, 20, null)));
		assertThat(model(ZHIPU).call(new Prompt("q")).getResult().getOutput().getToolCalls()).containsExactly(
				new AssistantMessage.ToolCall("call_a", "function", "f", "{\"x\":1}"),
				new AssistantMessage.ToolCall("call_b", "function", "g", "{\"y\":2}"));
	}

}
