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

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmNonTransientException;
import io.github.glmspringai.api.GlmServiceException;
import io.github.glmspringai.api.GlmTransientException;
import io.netty.handler.codec.http.HttpHeaderNames;
import mockwebserver3.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import static io.github.glmspringai.chat.Step.finish;
import static io.github.glmspringai.chat.Step.reasoning;
import static io.github.glmspringai.chat.Step.text;
import static io.github.glmspringai.chat.Step.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The fault-injection suite (both protocols): what a user gets when the network, the
 * service or the subscriber misbehaves. Never a hang, a silent truncation, a duplicate
 * answer or a leaked key.
 */
class GlmFaultInjectionTests extends WireTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void connectionRefusedIsATransientErrorNamingHostAndPortAndIsRetried(WireFixture fixture) throws Exception {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		GlmChatModel model = GlmChatModel.builder()
			.api(GlmApi.builder()
				.protocol(fixture.protocol)
				.baseUrl("http://127.0.0.1:" + port)
				.apiKey(API_KEY)
				.connectTimeout(Duration.ofSeconds(1))
				.build())
			.retryTemplate(FAST_RETRY)
			.build();
		long start = System.nanoTime();
		Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
		assertThat(thrown).isInstanceOf(GlmTransientException.class).hasMessageContaining("127.0.0.1:" + port);
		assertThat(((GlmServiceException) thrown).getErrorCode()).isEqualTo("ConnectionFailed");
		assertThat(((GlmServiceException) thrown).getStatusCode()).isZero();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void unknownHostIsATransientErrorNamingHostAndPort(WireFixture fixture) {
		GlmChatModel model = GlmChatModel.builder()
			.api(GlmApi.builder().protocol(fixture.protocol).baseUrl("https://glm.invalid").apiKey(API_KEY).build())
			.retryTemplate(NO_RETRY)
			.build();
		assertThatThrownBy(() -> model.call(new Prompt("q"))).isInstanceOf(GlmTransientException.class)
			.hasMessageContaining("glm.invalid:443");
	}

	static List<Arguments> clientErrors() {
		List<Arguments> arguments = new ArrayList<>();
		for (WireFixture fixture : WireFixture.values()) {
			for (ErrorCase error : List.of(ErrorCase.BAD_REQUEST, ErrorCase.UNAUTHORIZED, ErrorCase.FORBIDDEN,
					ErrorCase.NOT_FOUND)) {
				arguments.add(Arguments.of(fixture, error));
			}
		}
		return arguments;
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("clientErrors")
	void clientErrorsAreNeverRetried(WireFixture fixture, ErrorCase error) {
		this.server
			.enqueue(new MockResponse.Builder().code(error.status(fixture)).body(fixture.errorBody(error)).build());
		GlmChatModel model = model(fixture, GlmChatOptions.builder().build(), FAST_RETRY);
		assertThatThrownBy(() -> model.stream(new Prompt("q")).blockLast()).isInstanceOf(GlmNonTransientException.class)
			.satisfies((ex) -> assertThat(((GlmServiceException) ex).getStatusCode()).isEqualTo(error.status(fixture)));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void serverDroppingTheConnectionAfterSomeEventsFailsFastWithThePartialContent(WireFixture fixture)
			throws Exception {
		String partial = fixture.render(List.of(reasoning("先想"), text("一半")));
		try (RawSseServer raw = new RawSseServer((exchange) -> exchange.head().chunk(partial).drop())) {
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl(raw.baseUrl()).build())
				.retryTemplate(FAST_RETRY)
				.build();
			for (boolean streaming : new boolean[] { true, false }) {
				List<ChatResponse> received = new ArrayList<>();
				long start = System.nanoTime();
				Throwable thrown = catchThrowable(() -> {
					if (streaming) {
						model.stream(new Prompt("q")).doOnNext(received::add).blockLast();
					}
					else {
						model.call(new Prompt("q"));
					}
				});
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
				assertThat(thrown).isInstanceOf(GlmTransientException.class);
				GlmServiceException error = (GlmServiceException) thrown;
				assertThat(error.getErrorCode()).isIn("StreamInterrupted", "StreamTruncated");
				assertThat(error.getPartialText()).isEqualTo("一半");
				assertThat(error.getPartialReasoning()).isEqualTo("先想");
				if (streaming) {
					assertThat(joinedText(received)).isEqualTo("一半");
				}
			}
			// data had arrived: neither call was retried
			assertThat(raw.requests()).isEqualTo(2);
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void silentServerHitsTheIdleTimeoutAndTheConnectionIsClosed(WireFixture fixture) throws Exception {
		String first = fixture.render(List.of(reasoning("想"), text("答")));
		try (RawSseServer raw = new RawSseServer((exchange) -> exchange.head().chunk(first).awaitClose())) {
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl(raw.baseUrl()).idleTimeout(Duration.ofMillis(800)).build())
				.retryTemplate(FAST_RETRY)
				.build();
			long start = System.nanoTime();
			Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(thrown).isInstanceOf(GlmTransientException.class);
			assertThat(((GlmServiceException) thrown).getErrorCode()).isEqualTo("IdleTimeout");
			assertThat(((GlmServiceException) thrown).getPartialText()).isEqualTo("答");
			assertThat(elapsed).isBetween(Duration.ofMillis(700), Duration.ofMillis(1800));
			long closedAt = raw.awaitClientClose(2, TimeUnit.SECONDS);
			assertThat(Duration.ofNanos(closedAt - start)).isLessThan(Duration.ofMillis(2800));
			assertThat(raw.requests()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void cancellingMidStreamClosesTheConnectionAndLeaksNothing(WireFixture fixture) throws Exception {
		String events = fixture.render(List.of(text("一"), text("二"), text("三")));
		String complete = fixture.stream(text("好"), finish("stop"), usage(1, 1, null));
		AtomicInteger exchanges = new AtomicInteger();
		try (RawSseServer raw = new RawSseServer((exchange) -> {
			if (exchanges.incrementAndGet() == 1) {
				exchange.head().chunk(events).awaitClose();
			}
			else {
				exchange.head().chunk(complete).end();
			}
		})) {
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl(raw.baseUrl())
					.maxConnections(1)
					.pendingAcquireTimeout(Duration.ofSeconds(2))
					.build())
				.retryTemplate(NO_RETRY)
				.build();
			List<ChatResponse> taken = model.stream(new Prompt("q")).take(2).collectList().block();
			long cancelledAt = System.nanoTime();
			assertThat(joinedText(taken)).isEqualTo("一二");
			long closedAt = raw.awaitClientClose(2, TimeUnit.SECONDS);
			assertThat(Duration.ofNanos(closedAt - cancelledAt)).isLessThan(Duration.ofSeconds(1));
			// the pool has a single connection: a leak would make this acquire time out
			assertThat(model.call(new Prompt("q")).getResult().getOutput().getText()).isEqualTo("好");
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void slowSubscriberLosesNothing(WireFixture fixture) {
		int count = 3000;
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			steps.add(text(i + ","));
		}
		steps.add(finish("stop"));
		steps.add(usage(1, count, null));
		enqueueStream(fixture.render(steps) + fixture.end());
		AtomicInteger seen = new AtomicInteger();
		StringBuilder received = new StringBuilder();
		model(fixture).stream(new Prompt("q")).publishOn(Schedulers.single(), 1).doOnNext((chunk) -> {
			received.append(chunk.getResult().getOutput().getText());
			seen.incrementAndGet();
		}).blockLast();
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < count; i++) {
			expected.append(i).append(',');
		}
		assertThat(received.toString()).isEqualTo(expected.toString());
		assertThat(seen.get()).isEqualTo(count + 1);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void thousandConcurrentStreamsAreCompleteAndCorrect(WireFixture fixture) {
		int streams = 1000;
		int chunksPerStream = 20;
		DisposableServer local = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive().aggregate().asString().flatMap((body) -> {
				String id = userText(fixture, body);
				List<Step> steps = new ArrayList<>();
				steps.add(reasoning("r-" + id));
				for (int i = 0; i < chunksPerStream; i++) {
					steps.add(text(id + ":" + i + ";"));
				}
				steps.add(finish("stop"));
				steps.add(usage(3, chunksPerStream, 1));
				return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
					.sendString(Mono.just(fixture.render(steps) + fixture.end()), StandardCharsets.UTF_8)
					.then();
			}))
			.bindNow();
		try {
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl("http://127.0.0.1:" + local.port())
					.maxConnections(streams)
					.firstTokenTimeout(Duration.ofSeconds(90))
					.idleTimeout(Duration.ofSeconds(90))
					.build())
				.retryTemplate(NO_RETRY)
				.build();
			Map<String, String> answers = Flux.range(0, streams)
				.flatMap((n) -> model.stream(new Prompt("s" + n))
					.reduce(new StringBuilder(), (sb, c) -> sb.append(c.getResult().getOutput().getText()))
					.map((sb) -> Map.entry("s" + n, sb.toString())), streams)
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.block(Duration.ofSeconds(60));
			assertThat(answers).hasSize(streams);
			answers.forEach((id, answer) -> {
				StringBuilder expected = new StringBuilder();
				for (int i = 0; i < chunksPerStream; i++) {
					expected.append(id).append(':').append(i).append(';');
				}
				assertThat(crc(answer)).as(id).isEqualTo(crc(expected.toString()));
			});
		}
		finally {
			local.disposeNow();
		}
	}

	private static String userText(WireFixture fixture, String body) {
		JsonNode node = JSON.readTree(body);
		JsonNode messages = (fixture == WireFixture.DASHSCOPE) ? node.get("input").get("messages")
				: node.get("messages");
		return messages.get(0).get("content").asString();
	}

	private static long crc(String text) {
		CRC32 crc = new CRC32();
		crc.update(text.getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}

}
