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
import java.util.concurrent.TimeUnit;

import io.github.glmspringai.api.GlmServiceException;
import io.github.glmspringai.api.GlmTransientException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.prompt.Prompt;

import static io.github.glmspringai.chat.Step.finish;
import static io.github.glmspringai.chat.Step.reasoning;
import static io.github.glmspringai.chat.Step.text;
import static io.github.glmspringai.chat.Step.tool;
import static io.github.glmspringai.chat.Step.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 11 (hardening), stream side: hostile or odd frames and slow consumers, on every
 * protocol. Each test names the item of the issue it proves.
 */
class GlmHardeningStreamTests extends WireTestSupport {

	private static final Duration HANG_GUARD = Duration.ofSeconds(15);

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item1HugeOrNegativeToolCallIndexIsAMalformedEventWithThePartialAnswer(WireFixture fixture) {
		for (int index : new int[] { Integer.MAX_VALUE, -1, 1024 }) {
			enqueueStream(fixture.stream(text("前文"), tool(index, "call_x", "f", "{}"), finish("tool_calls"),
					usage(1, 1, null)));
			GlmChatModel model = model(fixture);
			Throwable thrown = assertTimeoutPreemptively(HANG_GUARD,
					() -> catchThrowable(() -> model.call(new Prompt("q"))));
			assertThat(thrown).as("index %d", index).isInstanceOf(GlmTransientException.class);
			GlmServiceException error = (GlmServiceException) thrown;
			assertThat(error.getErrorCode()).isEqualTo("MalformedEvent");
			assertThat(error.getServiceMessage()).contains("index");
			assertThat(error.getPartialText()).isEqualTo("前文");
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item1ToolCallIndexSentAsAStringMergesIntoItsOwnCall(WireFixture fixture) {
		String stream = fixture.stream(tool(0, "call_a", "first", "{\"x\":"), tool(1, "call_b", "second", "{\"y\":"),
				tool(1, "", null, "2}"), tool(0, "", null, "1}"), finish("tool_calls"), usage(1, 1, null));
		enqueueStream(stream.replace("\"index\":1", "\"index\":\"1\"").replace("\"index\":0", "\"index\":\"0\""));
		AssistantMessage output = model(fixture).call(new Prompt("q")).getResult().getOutput();
		assertThat(output.getToolCalls())
			.extracting(AssistantMessage.ToolCall::name, AssistantMessage.ToolCall::arguments)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("first", "{\"x\":1}"),
					org.assertj.core.groups.Tuple.tuple("second", "{\"y\":2}"));
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item5ASlowConsumerIsNotASilentServer(WireFixture fixture) {
		enqueueStream(fixture.stream(reasoning("想"), text("一"), text("二"), text("三"), finish("stop"), usage(1, 4, 1)));
		GlmChatModel model = GlmChatModel.builder()
			.api(apiBuilder(fixture).idleTimeout(Duration.ofMillis(300)).build())
			.retryTemplate(NO_RETRY)
			.build();
		StringBuilder received = new StringBuilder();
		model.stream(new Prompt("q")).publishOn(Schedulers.single(), 1).doOnNext((chunk) -> {
			received.append(chunk.getResult().getOutput().getText());
			busy(Duration.ofMillis(700));
		}).blockLast(HANG_GUARD);
		assertThat(received.toString()).isEqualTo("一二三");
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item6AFinishedTurnCompletesAlthoughTheConnectionStaysOpen(WireFixture fixture) throws Exception {
		// native: the final frame; compatible: finish and usage, without [DONE]
		String complete = fixture.render(List.of(reasoning("想"), text("答案"), finish("stop"), usage(3, 2, 1)));
		try (RawSseServer raw = new RawSseServer((exchange) -> exchange.head().chunk(complete).awaitClose())) {
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl(raw.baseUrl()).idleTimeout(Duration.ofSeconds(30)).build())
				.retryTemplate(NO_RETRY)
				.build();
			long start = System.nanoTime();
			ChatResponse response = model.call(new Prompt("q"));
			assertThat(response.getResult().getOutput().getText()).isEqualTo("答案");
			assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(5);
			List<ChatResponse> chunks = model.stream(new Prompt("q")).collectList().block(HANG_GUARD);
			assertThat(joinedText(chunks)).isEqualTo("答案");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item6ACompleteStreamThatEndsNormallyKeepsItsConnectionForTheNextRequest(WireFixture fixture) throws Exception {
		String complete = fixture.stream(reasoning("想"), text("答案"), finish("stop"), usage(3, 2, 1));
		try (RawSseServer raw = new RawSseServer((exchange) -> exchange.head().chunk(complete).end())) {
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl(raw.baseUrl()).build())
				.retryTemplate(NO_RETRY)
				.build();
			for (int i = 0; i < 3; i++) {
				assertThat(model.call(new Prompt("q")).getResult().getOutput().getText()).isEqualTo("答案");
				assertThat(joinedText(model.stream(new Prompt("q")).collectList().block(HANG_GUARD))).isEqualTo("答案");
			}
			assertThat(raw.requests()).isEqualTo(6);
			// a request may start before the pool took the previous connection back
			assertThat(raw.connections()).as("pooled connections are reused").isLessThanOrEqualTo(3);
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item9AByteOrderMarkBeforeTheFirstLineKeepsTheFirstEvent(WireFixture fixture) {
		// the first frame carries the tool call's name: losing it would end the turn with
		// no call
		enqueueStream("\uFEFF" + fixture.stream(tool(0, "call_1", "clock", "{\"city\":"), tool(0, "", null, "\"北京\"}"),
				finish("tool_calls"), usage(1, 1, null)));
		AssistantMessage output = model(fixture).call(new Prompt("q")).getResult().getOutput();
		assertThat(output.getToolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.name()).isEqualTo("clock");
			assertThat(call.arguments()).isEqualTo("{\"city\":\"北京\"}");
		});
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item9AToolCallsFinishWithoutAnyCallIsAnError(WireFixture fixture) {
		enqueueStream(fixture.stream(text("调用"), finish("tool_calls"), usage(1, 1, null)));
		Throwable thrown = catchThrowable(() -> model(fixture).call(new Prompt("q")));
		assertThat(thrown).isInstanceOf(GlmTransientException.class);
		assertThat(((GlmServiceException) thrown).getErrorCode()).isEqualTo("MalformedEvent");
		assertThat(((GlmServiceException) thrown).getPartialText()).isEqualTo("调用");
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item9SeveralJsonDocumentsInOneDataFieldAreAllRead(WireFixture fixture) {
		List<String> frames = Frames.split(fixture.render(List.of(text("一"), text("二"), text("三"))));
		String merged = Frames.withData(frames.get(0),
				Frames.data(frames.get(0)) + Frames.data(frames.get(1)) + "\n" + Frames.data(frames.get(2)));
		enqueueStream(merged + fixture.render(List.of(finish("stop"), usage(1, 3, null))) + fixture.end());
		assertThat(model(fixture).call(new Prompt("q")).getResult().getOutput().getText()).isEqualTo("一二三");
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item9EmptyDataFieldsAreIgnored(WireFixture fixture) {
		List<String> frames = Frames.split(fixture.render(List.of(text("一"), text("二"))));
		String empty = Frames.withData(frames.get(0), "");
		enqueueStream(empty + frames.get(0) + empty + frames.get(1)
				+ fixture.render(List.of(finish("stop"), usage(1, 2, null))) + fixture.end());
		assertThat(model(fixture).call(new Prompt("q")).getResult().getOutput().getText()).isEqualTo("一二");
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item9UsageNumbersSentAsStringsAreRead(WireFixture fixture) {
		String stream = fixture.stream(text("好"), finish("stop"), usage(12, 34, 5));
		enqueueStream(stream.replaceAll("\"(prompt_tokens|completion_tokens|total_tokens|input_tokens|output_tokens"
				+ "|reasoning_tokens)\":(\\d+)", "\"$1\":\"$2\""));
		ChatResponse response = model(fixture).call(new Prompt("q"));
		GlmUsage usage = (GlmUsage) response.getMetadata().getUsage();
		assertThat(usage.getPromptTokens()).isEqualTo(12);
		assertThat(usage.getCompletionTokens()).isEqualTo(34);
		assertThat(usage.getTotalTokens()).isEqualTo(46);
		assertThat(usage.getReasoningTokens()).isEqualTo(5);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item9NullChoicesDoNotDropTheUsageThatFollows(WireFixture fixture) {
		String stream = fixture.stream(text("好"), finish("stop"), usage(12, 34, null));
		// compatible: the usage chunk has "choices":[]; native: every frame starts with
		// one; zhipu: the finish chunk carries the usage
		enqueueStream(stream.replace("\"choices\":[]", "\"choices\":[null]")
			.replace("\"choices\":[{\"message\"", "\"choices\":[null,{\"message\"")
			.replace("\"choices\":[{\"index\":0,\"finish_reason\"",
					"\"choices\":[null,{\"index\":0,\"finish_reason\""));
		ChatResponse response = model(fixture).call(new Prompt("q"));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("好");
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(46);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item9ToolArgumentsSentAsAJsonObjectAreAccepted(WireFixture fixture) {
		String stream = fixture.stream(tool(0, "call_1", "clock", "{\"city\":\"北京\"}"), finish("tool_calls"),
				usage(1, 1, null));
		enqueueStream(stream.replace("\"arguments\":\"{\\\"city\\\":\\\"北京\\\"}\"", "\"arguments\":{\"city\":\"北京\"}"));
		AssistantMessage output = model(fixture).call(new Prompt("q")).getResult().getOutput();
		assertThat(output.getToolCalls()).singleElement()
			.satisfies((call) -> assertThat(call.arguments()).isEqualTo("{\"city\":\"北京\"}"));
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item9IgnoredEventsDoNotKeepAStreamAlive(WireFixture fixture) throws Exception {
		String first = fixture.render(List.of(text("开始")));
		String ping = (fixture == WireFixture.DASHSCOPE)
				? "id:2\nevent:result\n:HTTP_STATUS/200\ndata:{\"request_id\":\"r\",\"usage\":{}}\n\n"
				: "event: ping\ndata: {}\n\n";
		try (RawSseServer raw = new RawSseServer((exchange) -> {
			exchange.head().chunk(first);
			for (int i = 0; i < 100; i++) {
				exchange.chunk(ping);
				busy(Duration.ofMillis(100));
			}
			exchange.end();
		})) {
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl(raw.baseUrl()).idleTimeout(Duration.ofMillis(600)).build())
				.retryTemplate(NO_RETRY)
				.build();
			long start = System.nanoTime();
			Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
			assertThat(thrown).isInstanceOf(GlmTransientException.class);
			assertThat(((GlmServiceException) thrown).getErrorCode()).isEqualTo("IdleTimeout");
			assertThat(((GlmServiceException) thrown).getPartialText()).isEqualTo("开始");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item10ReasoningAndCachedTokensSurviveSpringAisMessageAggregator(WireFixture fixture) {
		enqueueStream(fixture.stream(reasoning("想"), text("答"), finish("stop"), usage(7, 248, 120, 64L)));
		List<ChatResponse> aggregated = new ArrayList<>();
		new MessageAggregator().aggregate(model(fixture).stream(new Prompt("q")), aggregated::add)
			.blockLast(HANG_GUARD);
		ChatResponse response = aggregated.get(0);
		assertThat(response.getMetadata().getUsage()).isNotInstanceOf(GlmUsage.class);
		GlmUsage usage = GlmUsage.from(response);
		assertThat(usage.getReasoningTokens()).isEqualTo(120);
		assertThat(usage.getCacheReadInputTokens()).isEqualTo(64L);
		assertThat(usage.getTotalTokens()).isEqualTo(255);
		assertThat(response.getResult().getOutput().getMetadata()).containsEntry(GlmUsage.REASONING_TOKENS, 120)
			.containsEntry(GlmUsage.CACHED_TOKENS, 64L);
	}

	/** The consumer doing work (not synchronisation): it holds its thread. */
	private static void busy(Duration duration) {
		try {
			TimeUnit.MILLISECONDS.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
