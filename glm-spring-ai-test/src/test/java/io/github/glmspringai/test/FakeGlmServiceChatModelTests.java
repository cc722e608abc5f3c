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

package io.github.glmspringai.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.glmspringai.api.GlmModelNotFoundException;
import io.github.glmspringai.api.GlmNonTransientException;
import io.github.glmspringai.api.GlmServiceException;
import io.github.glmspringai.api.GlmTransientException;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmChatOptions;
import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.chat.GlmReasoning;
import io.github.glmspringai.chat.GlmUsage;
import io.github.glmspringai.test.junit.FakeGlm;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Every protocol's framing of scripted turns, read back through {@link GlmChatModel}:
 * reasoning, answer, tool calls, usage, errors, retries, faults, and the recorded
 * requests.
 *
 * @author glm-spring-ai
 */
@FakeGlm
class FakeGlmServiceChatModelTests {

	private static final RetryTemplate FAST_RETRY = new RetryTemplate(RetryPolicy.builder()
		.maxRetries(3)
		.delay(Duration.ofMillis(10))
		.includes(TransientAiException.class)
		.build());

	private FakeGlmService glm;

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void callAndStreamCarryReasoningAnswerUsageAndTheRequestId(GlmProtocol protocol) {
		Turn turn = Turn.builder()
			.reasoning("先想", "一想")
			.answer("你好", "，世界")
			.usage(12, 40)
			.reasoningTokens(9)
			.cachedTokens(5)
			.build();
		this.glm.enqueue(turn, turn);
		GlmChatModel model = this.glm.chatModel(protocol);

		ChatResponse response = model.call(new Prompt("问候"));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("你好，世界");
		assertThat(GlmReasoning.content(response)).isEqualTo("先想一想");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertUsage(response, 12, 40, 9, 5);
		RecordedGlmRequest request = this.glm.takeRequest();
		assertThat(response.getMetadata().getId()).isEqualTo(request.requestId());
		assertThat(request.protocol()).isEqualTo(protocol);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo(Protocols.path(protocol));
		assertThat(request.header("authorization")).isEqualTo("Bearer " + FakeGlmService.DEFAULT_API_KEY);
		assertThat(Protocols.messages(request).get(0).path("content").asString()).isEqualTo("问候");

		List<ChatResponse> chunks = model.stream(new Prompt("问候")).collectList().block();
		assertThat(chunks).extracting((chunk) -> chunk.getResult().getOutput().getText())
			.filteredOn((text) -> text != null && !text.isEmpty())
			.containsExactly("你好", "，世界");
		assertThat(chunks).extracting(GlmReasoning::delta)
			.filteredOn((text) -> !text.isEmpty())
			.containsExactly("先想", "一想");
		assertUsage(chunks.get(chunks.size() - 1), 12, 40, 9, 5);
		assertThat(this.glm.requestCount()).isEqualTo(2);
		await().untilAsserted(() -> assertThat(this.glm.completedStreams()).isEqualTo(2));
		assertThat(this.glm.cancelledStreams()).isZero();
	}

	@ParameterizedTest
	@MethodSource("protocolsAndToolStreaming")
	void severalToolCallsInOneTurnAreMergedWithAndWithoutToolStreaming(GlmProtocol protocol, boolean toolStream) {
		this.glm.enqueue(Turn.builder()
			.reasoning("查两个城市")
			.toolCall("call_a", "currentTime", "{\"city\":\"东京\"}")
			.toolCall("call_b", "currentTime", "{\"city\":\"伦敦\"}")
			.build());
		GlmChatOptions options = GlmChatOptions.builder().extraBody(Map.of("tool_stream", toolStream)).build();

		ChatResponse response = this.glm.chatModel(protocol).call(new Prompt("东京和伦敦几点?", options));

		assertThat(response.getResult().getOutput().getToolCalls())
			.extracting(AssistantMessage.ToolCall::id, AssistantMessage.ToolCall::name,
					AssistantMessage.ToolCall::arguments)
			.containsExactly(Tuple.tuple("call_a", "currentTime", "{\"city\":\"东京\"}"),
					Tuple.tuple("call_b", "currentTime", "{\"city\":\"伦敦\"}"));
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
		assertThat(GlmReasoning.content(response)).isEqualTo("查两个城市");
		assertThat(this.glm.toolCallRounds()).isEqualTo(1);
		assertThat(Protocols.parameters(this.glm.takeRequest()).path("tool_stream").asBoolean()).isEqualTo(toolStream);
	}

	static Stream<Arguments> protocolsAndToolStreaming() {
		return Stream.of(GlmProtocol.values())
			.flatMap((protocol) -> Stream.of(Arguments.of(protocol, false), Arguments.of(protocol, true)));
	}

	@ParameterizedTest
	@MethodSource("protocolsAndErrors")
	void httpErrorsCarryTheProtocolsStatusCodeMessageAndRequestId(GlmProtocol protocol, ServiceError error) {
		this.glm.enqueue(Turn.error(error));

		GlmServiceException thrown = failure(() -> this.glm.chatModel(protocol).call(new Prompt("q")));

		int status = error.status(protocol);
		String code = error.code(protocol);
		// Bailian errors are transient by status; Zhipu's by business code (1113 on a 429
		// is not), and by status when the code is not one of Zhipu's
		boolean transientFailure = (protocol == GlmProtocol.ZHIPU && code.matches("\\d+"))
				? Set.of("500", "1234", "1302", "1303", "1305", "1312").contains(code) || status >= 500
				: (status == 429 || status >= 500);
		assertThat(thrown)
			.isInstanceOf(transientFailure ? GlmTransientException.class : GlmNonTransientException.class);
		assertThat(thrown.getStatusCode()).isEqualTo(status);
		assertThat(thrown.getErrorCode()).isEqualTo(code);
		assertThat(thrown.getServiceMessage()).isEqualTo(error.message(protocol));
		if (error == ServiceError.MODEL_NOT_FOUND) {
			// which model and which property to change
			assertThat(thrown).isInstanceOf(GlmModelNotFoundException.class);
			assertThat(((Throwable) thrown).getMessage()).contains("spring.ai.glm.chat.model");
		}
		RecordedGlmRequest request = this.glm.takeRequest();
		if (protocol != GlmProtocol.OPENAI_COMPATIBLE && protocol != GlmProtocol.DASHSCOPE) {
			return; // Zhipu's error bodies carry no request id
		}
		assertThat(thrown.getRequestId()).isEqualTo(request.requestId());
	}

	static Stream<Arguments> protocolsAndErrors() {
		List<ServiceError> errors = List.of(ServiceError.INVALID_API_KEY, ServiceError.THROTTLED, ServiceError.ARREARS,
				ServiceError.CONTENT_FILTERED, ServiceError.MODEL_NOT_FOUND, ServiceError.INVALID_PARAMETER,
				ServiceError.INTERNAL_ERROR, ServiceError.of(503, "ModelUnavailable", "Model is unavailable."));
		return Stream.of(GlmProtocol.values())
			.flatMap((protocol) -> errors.stream().map((error) -> Arguments.of(protocol, error)));
	}

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void throttledThenSuccessIsRetriedAfterTheRetryAfterDelay(GlmProtocol protocol) {
		this.glm.enqueue(Turn.error(ServiceError.THROTTLED, Duration.ofSeconds(1)), Turn.answer("好"));
		GlmChatModel model = GlmChatModel.builder()
			.api(this.glm.apiBuilder(protocol).build())
			.retryTemplate(FAST_RETRY)
			.build();

		long start = System.nanoTime();
		ChatResponse response = model.call(new Prompt("q"));

		assertThat(response.getResult().getOutput().getText()).isEqualTo("好");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(this.glm.requests()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.protocol()).isEqualTo(protocol));
		assertThat(this.glm.pendingTurns()).isZero();
	}

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void aDroppedStreamFailsWithThePartialAnswerAndIsNotRetried(GlmProtocol protocol) {
		this.glm.enqueue(Turn.builder().reasoning("想").answer("一", "二", "三").dropAfter(2).build());
		GlmChatModel model = GlmChatModel.builder()
			.api(this.glm.apiBuilder(protocol).build())
			.retryTemplate(FAST_RETRY)
			.build();

		GlmServiceException thrown = failure(() -> model.call(new Prompt("q")));

		assertThat(thrown).isInstanceOf(GlmTransientException.class);
		assertThat(thrown.getErrorCode()).isIn("StreamInterrupted", "StreamTruncated");
		assertThat(thrown.getPartialText()).isEqualTo("一");
		assertThat(thrown.getPartialReasoning()).isEqualTo("想");
		assertThat(this.glm.requestCount()).isEqualTo(1);
		assertThat(this.glm.completedStreams()).isZero();
	}

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void aStallHitsTheIdleTimeoutAndTheClientClosesTheStream(GlmProtocol protocol) {
		this.glm.enqueue(Turn.builder().answer("一", "二").stallAfter(1).build());
		GlmChatModel model = GlmChatModel.builder()
			.api(this.glm.apiBuilder(protocol).idleTimeout(Duration.ofMillis(500)).build())
			.retryTemplate(FAST_RETRY)
			.build();

		GlmServiceException thrown = failure(() -> model.call(new Prompt("q")));

		assertThat(thrown.getErrorCode()).isEqualTo("IdleTimeout");
		assertThat(thrown.getPartialText()).isEqualTo("一");
		await().untilAsserted(() -> assertThat(this.glm.cancelledStreams()).isEqualTo(1));
		assertThat(this.glm.requestCount()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void aStallBeforeTheFirstEventHitsTheFirstTokenTimeout(GlmProtocol protocol) {
		this.glm.enqueue(Turn.builder().answer("一").stallAfter(0).build());
		GlmChatModel model = GlmChatModel.builder()
			.api(this.glm.apiBuilder(protocol)
				.firstTokenTimeout(Duration.ofMillis(500))
				.idleTimeout(Duration.ofMillis(500))
				.build())
			.retryTemplate(new RetryTemplate(RetryPolicy.builder().predicate((failure) -> false).build()))
			.build();

		GlmServiceException thrown = failure(() -> model.call(new Prompt("q")));

		assertThat(thrown.getErrorCode()).isEqualTo("FirstTokenTimeout");
		await().untilAsserted(() -> assertThat(this.glm.cancelledStreams()).isEqualTo(1));
	}

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void anErrorEventMidStreamFailsWithItsCodeAndThePartialAnswer(GlmProtocol protocol) {
		this.glm.enqueue(Turn.builder().answer("一", "二").errorAfter(1, ServiceError.CONTENT_FILTERED).build());

		GlmServiceException thrown = failure(() -> this.glm.chatModel(protocol).call(new Prompt("q")));

		assertThat(thrown.getErrorCode()).isEqualTo(ServiceError.CONTENT_FILTERED.code(protocol));
		assertThat(thrown.getServiceMessage()).isEqualTo(ServiceError.CONTENT_FILTERED.message(protocol));
		assertThat(thrown.getPartialText()).isEqualTo("一");
	}

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void aWrongKeyIsRejectedAsTheRealServiceDoes(GlmProtocol protocol) {
		GlmChatModel model = GlmChatModel.builder()
			.api(this.glm.apiBuilder(protocol).apiKey("sk-wrong").build())
			.build();

		GlmServiceException thrown = failure(() -> model.call(new Prompt("q")));

		assertThat(thrown.getStatusCode()).isEqualTo(401);
		assertThat(thrown.getErrorCode()).isEqualTo(ServiceError.INVALID_API_KEY.code(protocol));
		assertThat(this.glm.takeRequest().header("Authorization")).isEqualTo("Bearer sk-wrong");
		assertThat(this.glm.toString()).doesNotContain("sk-wrong");
	}

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void cancellingTheSubscriptionIsCountedAsACancelledStream(GlmProtocol protocol) {
		this.glm.enqueue(Turn.builder()
			.answer("一", "二", "三", "四", "五", "六", "七", "八")
			.chunkDelay(Duration.ofMillis(100))
			.build());

		List<ChatResponse> taken = this.glm.chatModel(protocol)
			.stream(new Prompt("q"))
			.filter((chunk) -> chunk.getResult() != null && chunk.getResult().getOutput().getText() != null
					&& !chunk.getResult().getOutput().getText().isEmpty())
			.take(2)
			.collectList()
			.block();

		assertThat(taken).hasSize(2);
		await().untilAsserted(() -> assertThat(this.glm.cancelledStreams()).isEqualTo(1));
		assertThat(this.glm.completedStreams()).isZero();
	}

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void withoutAScriptedTurnTheDefaultScriptThinksAndAnswersInMarkdown(GlmProtocol protocol) {
		ChatResponse response = this.glm.chatModel(protocol).call(new Prompt("你是谁"));

		assertThat(GlmReasoning.content(response)).startsWith("用户问的是「你是谁」");
		assertThat(response.getResult().getOutput().getText()).startsWith("我是 **GLM**(离线模拟)")
			.endsWith("这是本次会话中的第 1 个问题。");
		GlmUsage usage = (GlmUsage) response.getMetadata().getUsage();
		assertThat(usage.getReasoningTokens()).isPositive().isLessThan(usage.getCompletionTokens());
		assertThat(usage.getTotalTokens()).isEqualTo(usage.getPromptTokens() + usage.getCompletionTokens());
	}

	private static GlmServiceException failure(ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).isInstanceOf(GlmServiceException.class);
		return (GlmServiceException) thrown;
	}

	private static void assertUsage(ChatResponse response, int prompt, int completion, int reasoning, long cached) {
		GlmUsage usage = (GlmUsage) response.getMetadata().getUsage();
		assertThat(usage.getPromptTokens()).isEqualTo(prompt);
		assertThat(usage.getCompletionTokens()).isEqualTo(completion);
		assertThat(usage.getTotalTokens()).isEqualTo(prompt + completion);
		assertThat(usage.getReasoningTokens()).isEqualTo(reasoning);
		assertThat(usage.getCacheReadInputTokens()).isEqualTo(cached);
	}

}
