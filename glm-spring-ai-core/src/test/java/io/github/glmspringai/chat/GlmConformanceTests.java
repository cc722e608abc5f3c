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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmModelNotFoundException;
import io.github.glmspringai.api.GlmNonTransientException;
import io.github.glmspringai.api.GlmServiceException;
import io.github.glmspringai.api.GlmTransientException;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

import static io.github.glmspringai.chat.Step.finish;
import static io.github.glmspringai.chat.Step.reasoning;
import static io.github.glmspringai.chat.Step.text;
import static io.github.glmspringai.chat.Step.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The conformance suite: every behaviour scenario is written once and runs against both
 * wire protocols from scripted or recorded SSE byte streams, asserting what was sent and
 * what the user got.
 */
class GlmConformanceTests extends WireTestSupport {

	private static final Step[] WHO_ARE_YOU = { reasoning("用户"), reasoning("问我是谁，"), reasoning("我应该介绍自己。"), text("我是"),
			text("GLM"), text("，由智谱训练的语言模型。"), finish("stop"), usage(7, 248, 120) };

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void recordedReferenceStreamGivesTextReasoningUsageAndFinish(WireFixture fixture) {
		WireFixture.Reference ref = fixture.reference();
		enqueueStream(fixture.referenceStream());
		enqueueStream(fixture.referenceStream());
		GlmChatModel model = model(fixture);

		List<ChatResponse> chunks = model.stream(new Prompt("你是谁")).collectList().block();
		assertThat(joinedText(chunks)).isEqualTo(ref.text());
		assertThat(reasoningDeltas(chunks)).isEqualTo(ref.reasoning());
		ChatResponse last = chunks.get(chunks.size() - 1);
		assertThat(GlmReasoning.content(last)).isEqualTo(ref.reasoning());
		assertThat(finishReason(last)).isEqualTo(ref.finishReason());
		assertUsage(last, ref.prompt(), ref.completion(), ref.total(), ref.reasoningTokens());
		assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy((c) -> assertThat(finishReason(c)).isNull());

		ChatResponse called = model.call(new Prompt("你是谁"));
		assertThat(called.getResult().getOutput().getText()).isEqualTo(ref.text());
		assertThat(GlmReasoning.content(called)).isEqualTo(ref.reasoning());
		assertThat(finishReason(called)).isEqualTo(ref.finishReason());
		assertUsage(called, ref.prompt(), ref.completion(), ref.total(), ref.reasoningTokens());
		assertThat(called.getMetadata().getId()).isEqualTo(ref.id());
		assertThat(called.getMetadata().getModel()).isEqualTo(ref.model());
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void thinkingThenAnswerIsIdenticalOnBothProtocols(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(WHO_ARE_YOU));
		enqueueStream(fixture.stream(WHO_ARE_YOU));
		GlmChatModel model = model(fixture);

		List<ChatResponse> chunks = model.stream(new Prompt("你是谁")).collectList().block();
		assertThat(chunks).extracting(GlmReasoning::delta).containsExactly("用户", "问我是谁，", "我应该介绍自己。", "", "", "", "");
		assertThat(chunks).extracting((c) -> c.getResult().getOutput().getText())
			.containsExactly("", "", "", "我是", "GLM", "，由智谱训练的语言模型。", "");
		ChatResponse last = chunks.get(chunks.size() - 1);
		assertThat(GlmReasoning.content(last)).isEqualTo("用户问我是谁，我应该介绍自己。");
		assertThat(finishReason(last)).isEqualTo("STOP");
		assertUsage(last, 7, 248, 255, 120);
		assertThat(last.getMetadata().getId()).isEqualTo(WireFixture.REQUEST_ID);
		assertThat(last.getMetadata().getModel()).isEqualTo("glm-5");

		ChatResponse called = model.call(new Prompt("你是谁"));
		assertThat(called.getResult().getOutput().getText()).isEqualTo("我是GLM，由智谱训练的语言模型。");
		assertThat(GlmReasoning.content(called)).isEqualTo("用户问我是谁，我应该介绍自己。");
		assertThat(finishReason(called)).isEqualTo("STOP");
		assertUsage(called, 7, 248, 255, 120);
		assertThat(called.getMetadata().getId()).isEqualTo(WireFixture.REQUEST_ID);
		assertThat(called.getResult().getOutput().hasToolCalls()).isFalse();

		for (int i = 0; i < 2; i++) {
			RecordedRequest request = takeRequest();
			assertThat(request.getMethod()).isEqualTo("POST");
			assertThat(request.getUrl().encodedPath()).isEqualTo(fixture.path);
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
			assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
			assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
			assertThat(request.getHeaders().get("X-DashScope-SSE"))
				.isEqualTo((fixture == WireFixture.DASHSCOPE) ? "enable" : null);
			// call() and stream() send the same streaming request
			JSONAssert.assertEquals(fixture.wrapParameters("{}", "[{\"role\":\"user\",\"content\":\"你是谁\"}]"),
					body(request), JSONCompareMode.STRICT);
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void springAiMessageAggregatorKeepsTheCompleteReasoning(WireFixture fixture) {
		enqueueStream(fixture.stream(WHO_ARE_YOU));
		List<ChatResponse> aggregated = new ArrayList<>();
		new MessageAggregator().aggregate(model(fixture).stream(new Prompt("你是谁")), aggregated::add).blockLast();
		assertThat(aggregated).singleElement().satisfies((r) -> {
			assertThat(r.getResult().getOutput().getText()).isEqualTo("我是GLM，由智谱训练的语言模型。");
			assertThat(GlmReasoning.content(r)).isEqualTo("用户问我是谁，我应该介绍自己。");
			assertThat(r.getMetadata().getUsage().getTotalTokens()).isEqualTo(255);
		});
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void thinkingOffSendsExplicitFalseAndYieldsNoReasoning(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(text("你好"), text("！"), finish("stop"), usage(5, 2, null)));
		GlmChatModel model = model(fixture, GlmChatOptions.builder().enableThinking(false).build(), NO_RETRY);
		ChatResponse response = model.call(new Prompt("hi"));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("你好！");
		assertThat(GlmReasoning.content(response)).isEmpty();
		assertThat(((GlmUsage) response.getMetadata().getUsage()).getReasoningTokens()).isNull();
		assertUsage(response, 5, 2, 7, null);
		JSONAssert.assertEquals(
				fixture.wrapParameters("{\"enable_thinking\":false}", "[{\"role\":\"user\",\"content\":\"hi\"}]"),
				body(takeRequest()), JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void everyOptionIsMappedToItsWireName(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(text("{}"), finish("stop"), usage(5, 2, null)));
		boolean zhipu = fixture == WireFixture.ZHIPU;
		GlmChatOptions.Builder options = GlmChatOptions.builder()
			.model(GlmModel.GLM_5)
			.temperature(0.7)
			.topP(0.8)
			.maxTokens(1024)
			.enableThinking(false)
			.clearThinking(false)
			.reasoningEffort("high")
			.toolStream(true)
			.responseFormat(GlmResponseFormat.JSON_OBJECT)
			.extraBody(Map.of("custom_flag", true))
			.httpHeaders(Map.of("X-Trace-Id", "trace-1"));
		String parameters = """
				{"enable_thinking":false,"clear_thinking":false,"reasoning_effort":"high","temperature":0.7,
				 "top_p":0.8,"max_tokens":1024,"response_format":{"type":"json_object"},"tool_stream":true,
				 "custom_flag":true,""";
		if (zhipu) {
			// Zhipu has one stop word, tool_choice auto only, and none of the rest
			// (zhipu-api.md §3.1, §3.5): those options fail before sending
			options.stopSequences(List.of("END")).toolChoice("auto");
			parameters += "\"stop\":[\"END\"],\"tool_choice\":\"auto\"}";
		}
		else {
			options.topK(30)
				.repetitionPenalty(1.05)
				.presencePenalty(0.5)
				.stopSequences(List.of("END", "STOP"))
				.seed(42L)
				.thinkingBudget(2048)
				.toolChoice("none")
				.parallelToolCalls(false);
			parameters += """
					"thinking_budget":2048,"top_k":30,"repetition_penalty":1.05,"presence_penalty":0.5,
					 "stop":["END","STOP"],"seed":42,"tool_choice":"none","parallel_tool_calls":false}""";
		}
		GlmApi.Builder api = apiBuilder(fixture);
		if (!zhipu) {
			api.workspace("ws-123");
		}
		GlmChatModel model = GlmChatModel.builder()
			.api(api.build())
			.options(options.build())
			.retryTemplate(NO_RETRY)
			.build();
		model.call(new Prompt("reply in json"));
		RecordedRequest request = takeRequest();
		// the workspace is Bailian's; Zhipu has none and never gets the header
		assertThat(request.getHeaders().get("X-DashScope-WorkSpace")).isEqualTo(zhipu ? null : "ws-123");
		assertThat(request.getHeaders().get("X-Trace-Id")).isEqualTo("trace-1");
		JSONAssert.assertEquals(
				fixture.wrapParameters(parameters, "[{\"role\":\"user\",\"content\":\"reply in json\"}]"),
				body(request), JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void conversationHistoryIsMappedAndReasoningIsNotReplayed(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(text("晴"), finish("stop"), usage(30, 1, null)));
		AssistantMessage toolCall = AssistantMessage.builder()
			.toolCalls(List.of(new AssistantMessage.ToolCall("call_1", "function", "weather", "{\"city\":\"杭州\"}")))
			.properties(Map.of(GlmReasoning.REASONING_CONTENT, "I should call the tool"))
			.build();
		List<Message> history = List.of(new SystemMessage("You are terse."), new UserMessage("杭州天气?"), toolCall,
				ToolResponseMessage.builder()
					.responses(List.of(new ToolResponseMessage.ToolResponse("call_1", "weather", "{\"sky\":\"晴\"}")))
					.build(),
				new AssistantMessage("晴"), new UserMessage("明天呢?"));
		model(fixture).call(new Prompt(history));
		String messages = """
				[{"role":"system","content":"You are terse."},
				 {"role":"user","content":"杭州天气?"},
				 {"role":"assistant","content":"","tool_calls":[{"id":"call_1","type":"function",
				   "function":{"name":"weather","arguments":"{\\"city\\":\\"杭州\\"}"},"index":0}]},
				 {"role":"tool","content":"{\\"sky\\":\\"晴\\"}","tool_call_id":"call_1"},
				 {"role":"assistant","content":"晴"},
				 {"role":"user","content":"明天呢?"}]""";
		JSONAssert.assertEquals(fixture.wrapParameters("{}", messages), body(takeRequest()), JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void foreignChatOptionsAreConvertedNotCast(WireFixture fixture) throws Exception {
		enqueueStream(fixture.stream(text("ok"), finish("stop"), usage(1, 1, null)));
		model(fixture).call(new Prompt("hi", ToolCallingChatOptions.builder().temperature(0.3).maxTokens(10).build()));
		JSONAssert.assertEquals(fixture.wrapParameters("{\"temperature\":0.3,\"max_tokens\":10}",
				"[{\"role\":\"user\",\"content\":\"hi\"}]"), body(takeRequest()), JSONCompareMode.STRICT);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void finishReasonLengthAndCachedTokens(WireFixture fixture) {
		enqueueStream(fixture.stream(text("truncat"), finish("length"), usage(9, 1, null, 4L)));
		ChatResponse response = model(fixture).call(new Prompt("long"));
		assertThat(finishReason(response)).isEqualTo("LENGTH");
		assertThat(response.getMetadata().getUsage().getCacheReadInputTokens()).isEqualTo(4L);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void framesSplitAcrossNetworkReadsAndMidCharacterAreReassembled(WireFixture fixture) {
		String stream = fixture.stream(WHO_ARE_YOU);
		this.server.enqueue(sse(stream).throttleBody(3, 1, TimeUnit.MILLISECONDS).build());
		ChatResponse response = model(fixture).call(new Prompt("你是谁"));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("我是GLM，由智谱训练的语言模型。");
		assertThat(GlmReasoning.content(response)).isEqualTo("用户问我是谁，我应该介绍自己。");
		assertUsage(response, 7, 248, 255, 120);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void unknownEventTypesCommentsAndFieldsAreIgnored(WireFixture fixture) {
		String noise = ": keep-alive\n\nevent: ping\ndata: {\"unknown\":true}\n\n";
		String stream = fixture.stream(WHO_ARE_YOU);
		enqueueStream(noise + stream.replace("\"request_id\"", "\"future_field\":[1,2],\"request_id\""));
		ChatResponse response = model(fixture).call(new Prompt("你是谁"));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("我是GLM，由智谱训练的语言模型。");
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void connectionClosingBeforeTheFinishFailsWithThePartialContent(WireFixture fixture) {
		String partial = fixture.render(List.of(reasoning("想"), reasoning("一想"), text("我是"), text("GLM")));
		enqueueStream(partial);
		enqueueStream(partial);
		GlmChatModel model = model(fixture, GlmChatOptions.builder().build(), FAST_RETRY);

		List<ChatResponse> received = new ArrayList<>();
		Throwable streamed = catchThrowable(() -> model.stream(new Prompt("q")).doOnNext(received::add).blockLast());
		assertThat(joinedText(received)).isEqualTo("我是GLM");
		assertPartial(streamed, "StreamTruncated", "我是GLM", "想一想");

		Throwable called = catchThrowable(() -> model.call(new Prompt("q")));
		assertPartial(called, "StreamTruncated", "我是GLM", "想一想");
		// a stream that already delivered data is never retried silently
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void errorEventInsideTheStreamIsTypedAndKeepsThePartialContent(WireFixture fixture) {
		String stream = fixture.render(List.of(reasoning("嗯"), text("部分"))) + fixture.streamErrorEvent();
		enqueueStream(stream);
		Throwable thrown = catchThrowable(() -> model(fixture).call(new Prompt("q")));
		assertThat(thrown).isInstanceOf(GlmNonTransientException.class);
		GlmServiceException error = (GlmServiceException) thrown;
		assertThat(error.getStatusCode()).isEqualTo(400);
		assertThat(error.getErrorCode()).isEqualTo(fixture.dataInspectionCode());
		assertThat(error.getServiceMessage()).isEqualTo("Output data may contain inappropriate content.");
		assertThat(error.getRequestId()).isEqualTo(WireFixture.REQUEST_ID);
		assertThat(error.getPartialText()).isEqualTo("部分");
		assertThat(error.getPartialReasoning()).isEqualTo("嗯");
		assertThat(thrown.getMessage()).contains("400", fixture.dataInspectionCode(), WireFixture.REQUEST_ID);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void malformedEventFailsQuotingItsStart(WireFixture fixture) {
		String bad = (fixture == WireFixture.DASHSCOPE) ? "id:2\nevent:result\ndata:{\"output\": {oops\n\n"
				: "data: {\"choices\": {oops\n\n";
		enqueueStream(fixture.render(List.of(text("ok"))) + bad);
		Throwable thrown = catchThrowable(() -> model(fixture).call(new Prompt("q")));
		assertThat(thrown).isInstanceOf(GlmTransientException.class).hasMessageContaining("malformed");
		assertThat(thrown.getMessage()).contains("{oops");
		assertThat(((GlmServiceException) thrown).getPartialText()).isEqualTo("ok");
	}

	static Stream<Arguments> errorCases() {
		List<Arguments> arguments = new ArrayList<>();
		for (WireFixture fixture : WireFixture.values()) {
			for (ErrorCase error : ErrorCase.values()) {
				arguments.add(Arguments.of(fixture, error, false));
				arguments.add(Arguments.of(fixture, error, true));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1} sseFramed={2}")
	@MethodSource("errorCases")
	void httpErrorsBecomeTypedExceptionsWithStatusCodeMessageAndRequestId(WireFixture fixture, ErrorCase error,
			boolean sseFramed) {
		String body = fixture.errorBody(error);
		int status = error.status(fixture);
		MockResponse.Builder response = new MockResponse.Builder().code(status);
		if (sseFramed) {
			String framed = (fixture == WireFixture.DASHSCOPE)
					? "id:1\nevent:error\n:HTTP_STATUS/" + status + "\ndata:" + body + "\n\n"
					: "data: " + body + "\n\n";
			response.setHeader("Content-Type", "text/event-stream").body(framed);
		}
		else {
			response.setHeader("Content-Type", "application/json").body(body);
		}
		this.server.enqueue(response.build());
		GlmChatModel model = model(fixture);
		Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
		assertThat(thrown)
			.isInstanceOf(error.transientFailure ? GlmTransientException.class : GlmNonTransientException.class);
		GlmServiceException typed = (GlmServiceException) thrown;
		assertThat(typed.getStatusCode()).isEqualTo(status);
		assertThat(typed.getErrorCode()).isEqualTo(error.code(fixture));
		assertThat(typed.getServiceMessage()).isEqualTo(error.message(fixture));
		if (error == ErrorCase.NOT_FOUND) {
			// which model and which property to change
			assertThat(thrown).isInstanceOf(GlmModelNotFoundException.class)
				.hasMessageContaining("'glm-5'")
				.hasMessageContaining("spring.ai.glm.chat.model");
		}
		assertThat(typed.getRequestId()).isEqualTo(fixture.errorRequestId());
		assertThat(thrown.getMessage()).contains(String.valueOf(status), error.code(fixture));
		if (fixture.errorRequestId() != null) {
			assertThat(thrown.getMessage()).contains(fixture.errorRequestId());
		}
		assertThat(thrown.getMessage()).doesNotContain(API_KEY);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void throttlingIsRetriedHonouringRetryAfterThenSucceeds(WireFixture fixture) {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.setHeader("Retry-After", "0")
			.body(fixture.errorBody(ErrorCase.THROTTLED))
			.build());
		this.server
			.enqueue(new MockResponse.Builder().code(503).body(fixture.errorBody(ErrorCase.UNAVAILABLE)).build());
		enqueueStream(fixture.stream(WHO_ARE_YOU));
		GlmChatModel model = model(fixture, GlmChatOptions.builder().build(), FAST_RETRY);
		List<ChatResponse> chunks = model.stream(new Prompt("你是谁")).collectList().block();
		assertThat(joinedText(chunks)).isEqualTo("我是GLM，由智谱训练的语言模型。");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void clientErrorsAreNotRetried(WireFixture fixture) {
		this.server
			.enqueue(new MockResponse.Builder().code(401).body(fixture.errorBody(ErrorCase.UNAUTHORIZED)).build());
		GlmChatModel model = model(fixture, GlmChatOptions.builder().build(), FAST_RETRY);
		assertThatThrownBy(() -> model.call(new Prompt("q"))).isInstanceOf(GlmNonTransientException.class);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void transientErrorAfterTheLastAttemptIsTyped(WireFixture fixture) {
		for (int i = 0; i < 4; i++) {
			this.server
				.enqueue(new MockResponse.Builder().code(500).body(fixture.errorBody(ErrorCase.SERVER_ERROR)).build());
		}
		GlmChatModel model = model(fixture, GlmChatOptions.builder().build(), FAST_RETRY);
		assertThatThrownBy(() -> model.call(new Prompt("q"))).isInstanceOf(GlmTransientException.class)
			.hasMessageContaining("500");
		assertThat(this.server.getRequestCount()).isEqualTo(4);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void silenceAfterAnEventFailsWithTheIdleTimeout(WireFixture fixture) {
		String first = fixture.render(List.of(reasoning("先想"), text("答")));
		this.server.enqueue(stallingAfter(first));
		GlmChatModel model = GlmChatModel.builder()
			.api(apiBuilder(fixture).idleTimeout(Duration.ofMillis(300)).build())
			.retryTemplate(FAST_RETRY)
			.build();
		long start = System.nanoTime();
		Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertPartial(thrown, "IdleTimeout", "答", "先想");
		assertThat(thrown.getMessage()).contains("300 ms", "spring.ai.glm.idle-timeout");
		assertThat(elapsedMillis).isLessThan(5_000);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void noFirstEventFailsWithTheFirstTokenTimeout(WireFixture fixture) {
		this.server.enqueue(stallingAfter(""));
		GlmChatModel model = GlmChatModel.builder()
			.api(apiBuilder(fixture).firstTokenTimeout(Duration.ofMillis(300)).build())
			.retryTemplate(NO_RETRY)
			.build();
		assertThatThrownBy(() -> model.call(new Prompt("q"))).isInstanceOf(GlmTransientException.class)
			.hasMessageContaining("first-token timeout")
			.satisfies((ex) -> assertThat(((GlmServiceException) ex).getErrorCode()).isEqualTo("FirstTokenTimeout"));
	}

	private static void assertUsage(ChatResponse response, int prompt, int completion, int total,
			Integer reasoningTokens) {
		assertThat(response.getMetadata().getUsage()).isInstanceOfSatisfying(GlmUsage.class, (usage) -> {
			assertThat(usage.getPromptTokens()).isEqualTo(prompt);
			assertThat(usage.getCompletionTokens()).isEqualTo(completion);
			assertThat(usage.getTotalTokens()).isEqualTo(total);
			assertThat(usage.getReasoningTokens()).isEqualTo(reasoningTokens);
			assertThat(usage.getNativeUsage()).isNotNull();
		});
	}

	private static void assertPartial(Throwable thrown, String code, String text, String reasoning) {
		assertThat(thrown).isInstanceOf(GlmTransientException.class);
		GlmServiceException error = (GlmServiceException) thrown;
		assertThat(error.getErrorCode()).isEqualTo(code);
		assertThat(error.getPartialText()).isEqualTo(text);
		assertThat(error.getPartialReasoning()).isEqualTo(reasoning);
	}

}
