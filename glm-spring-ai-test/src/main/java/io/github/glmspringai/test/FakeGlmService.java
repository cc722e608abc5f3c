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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmProtocol;
import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.Assert;

/**
 * A scripted fake of the GLM service for tests: an HTTP server on a free loopback port
 * that answers every protocol at once, routed by path, with the real services' framing,
 * error bodies and checks (authentication, streaming only, glm-5.3's thinking rules, JSON
 * mode without thinking on Bailian):
 * <ul>
 * <li>{@code openai-compatible}: {@value #COMPATIBLE_PATH};</li>
 * <li>{@code dashscope}: {@value #DASHSCOPE_PATH};</li>
 * <li>{@code zhipu}: {@value #ZHIPU_PATH} and the Coding Plan's
 * {@value #ZHIPU_CODING_PATH}.</li>
 * </ul>
 * Each request gets the next {@link #enqueue(Turn...) enqueued} {@link Turn}, or, when
 * none is left, a default script (thinking then a Markdown answer; a tool call when the
 * request offers a tool and asks for the time; keyword errors). Every request is recorded
 * ({@link #takeRequest()}, {@link #requests()}).
 *
 * <pre class="code">
 * try (FakeGlmService glm = FakeGlmService.start()) {
 *     glm.enqueue(Turn.builder().reasoning("Thinking.").answer("Hi!").build());
 *     GlmChatModel model = glm.chatModel(GlmProtocol.DASHSCOPE);
 *     assertThat(model.call(new Prompt("Hello")).getResult().getOutput().getText()).isEqualTo("Hi!");
 *     assertThat(glm.takeRequest().json().path("input").path("messages").get(0).path("content").asString())
 *         .isEqualTo("Hello");
 * }
 * </pre>
 *
 * @author glm-spring-ai
 */
public final class FakeGlmService implements AutoCloseable {

	/** The key a service accepts unless another is configured. */
	public static final String DEFAULT_API_KEY = "fake-glm-test-key";

	/** Path of Bailian's OpenAI-compatible endpoint. */
	public static final String COMPATIBLE_PATH = "/compatible-mode/v1/chat/completions";

	/** Path of Bailian's native DashScope endpoint. */
	public static final String DASHSCOPE_PATH = "/api/v1/services/aigc/text-generation/generation";

	/** Path of Zhipu's general endpoint (BigModel and Z.ai). */
	public static final String ZHIPU_PATH = "/api/paas/v4/chat/completions";

	/** Path of Zhipu's GLM Coding Plan endpoint. */
	public static final String ZHIPU_CODING_PATH = "/api/coding/paas/v4/chat/completions";

	private static final Duration TAKE_TIMEOUT = Duration.ofSeconds(10);

	private final String apiKey;

	private final Duration chunkDelay;

	private final ConcurrentLinkedQueue<Turn> turns = new ConcurrentLinkedQueue<>();

	private final BlockingQueue<RecordedGlmRequest> unread = new LinkedBlockingQueue<>();

	private final List<RecordedGlmRequest> recorded = new CopyOnWriteArrayList<>();

	private final AtomicInteger completedStreams = new AtomicInteger();

	private final AtomicInteger cancelledStreams = new AtomicInteger();

	private final AtomicInteger toolCallRounds = new AtomicInteger();

	private final DisposableServer server;

	private FakeGlmService(Builder builder) {
		this.apiKey = builder.apiKey;
		this.chunkDelay = builder.chunkDelay;
		Exchange exchange = new Exchange(this);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(builder.port)
			.handle(exchange::handle)
			.bindNow(Duration.ofSeconds(10));
	}

	/**
	 * Start a service on a free loopback port, with {@link #DEFAULT_API_KEY} and no delay
	 * between events.
	 * @return the running service
	 */
	public static FakeGlmService start() {
		return builder().start();
	}

	/**
	 * A builder to choose the key, the chunk delay or the port.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The value for {@code spring.ai.glm.base-url} or {@code GlmApi.Builder#baseUrl}.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * The port the service listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * The only key the service accepts (as {@code Authorization: Bearer <key>}).
	 * @return the key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * Script the next answers, in order; each request takes one.
	 * @param turns the turns
	 * @return this service
	 */
	public FakeGlmService enqueue(Turn... turns) {
		for (Turn turn : turns) {
			Assert.notNull(turn, "turns must not contain null");
			this.turns.add(turn);
		}
		return this;
	}

	/**
	 * Turns enqueued and not yet taken by a request.
	 * @return the count
	 */
	public int pendingTurns() {
		return this.turns.size();
	}

	/**
	 * The oldest request not taken yet, waiting up to 10 seconds for one to arrive.
	 * @return the request
	 * @throws AssertionError if no request arrives in time
	 */
	public RecordedGlmRequest takeRequest() {
		return takeRequest(TAKE_TIMEOUT);
	}

	/**
	 * The oldest request not taken yet, waiting for one to arrive.
	 * @param timeout how long to wait
	 * @return the request
	 * @throws AssertionError if no request arrives in time
	 */
	public RecordedGlmRequest takeRequest(Duration timeout) {
		try {
			RecordedGlmRequest request = this.unread.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
			if (request == null) {
				throw new AssertionError("no request reached the fake GLM service within " + timeout);
			}
			return request;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while waiting for a request", ex);
		}
	}

	/**
	 * Every request received since the start or the last {@link #reset()}, taken or not.
	 * @return the requests, oldest first
	 */
	public List<RecordedGlmRequest> requests() {
		return List.copyOf(this.recorded);
	}

	/**
	 * Requests received.
	 * @return the count
	 */
	public int requestCount() {
		return this.recorded.size();
	}

	/**
	 * Streams the service sent to their end (including those ending in a scripted error
	 * event).
	 * @return the count
	 */
	public int completedStreams() {
		return this.completedStreams.get();
	}

	/**
	 * Streams the client closed before their end (e.g. a cancelled subscription or a
	 * client timeout on a stall).
	 * @return the count
	 */
	public int cancelledStreams() {
		return this.cancelledStreams.get();
	}

	/**
	 * Streams that carried tool calls.
	 * @return the count
	 */
	public int toolCallRounds() {
		return this.toolCallRounds.get();
	}

	/**
	 * Forget the enqueued turns, the recorded requests and the counters.
	 */
	public void reset() {
		this.turns.clear();
		this.unread.clear();
		this.recorded.clear();
		this.completedStreams.set(0);
		this.cancelledStreams.set(0);
		this.toolCallRounds.set(0);
	}

	/**
	 * A {@link GlmApi} builder pointed at this service with its key, to add timeouts or
	 * other settings.
	 * @param protocol the protocol to speak
	 * @return the builder
	 */
	public GlmApi.Builder apiBuilder(GlmProtocol protocol) {
		return GlmApi.builder().protocol(protocol).baseUrl(baseUrl()).apiKey(this.apiKey);
	}

	/**
	 * A {@link GlmChatModel} on this service that never retries, so a scripted fault
	 * reaches the test as it is.
	 * @param protocol the protocol to speak
	 * @return the model
	 */
	public GlmChatModel chatModel(GlmProtocol protocol) {
		return GlmChatModel.builder()
			.api(apiBuilder(protocol).build())
			.retryTemplate(new RetryTemplate(RetryPolicy.builder().predicate((failure) -> false).build()))
			.build();
	}

	/**
	 * The Spring Boot properties that point the starter at this service, e.g. for a
	 * {@code @DynamicPropertySource} method.
	 * @param protocol the protocol to speak
	 * @return {@code spring.ai.glm.base-url}, {@code spring.ai.glm.api-key} and
	 * {@code spring.ai.glm.protocol}
	 */
	public Map<String, String> springProperties(GlmProtocol protocol) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.ai.glm.base-url", baseUrl());
		properties.put("spring.ai.glm.api-key", this.apiKey);
		properties.put("spring.ai.glm.protocol", protocol.getValue());
		return properties;
	}

	/**
	 * Stop the service; open streams are closed.
	 */
	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	@Override
	public String toString() {
		return "FakeGlmService{" + baseUrl() + '}';
	}

	Duration chunkDelay() {
		return this.chunkDelay;
	}

	@Nullable Turn nextTurn() {
		return this.turns.poll();
	}

	void record(RecordedGlmRequest request) {
		this.recorded.add(request);
		this.unread.add(request);
	}

	void streamCompleted() {
		this.completedStreams.incrementAndGet();
	}

	void streamCancelled() {
		this.cancelledStreams.incrementAndGet();
	}

	void toolCallRound() {
		this.toolCallRounds.incrementAndGet();
	}

	/**
	 * Builds and starts a {@link FakeGlmService}.
	 */
	public static final class Builder {

		private String apiKey = DEFAULT_API_KEY;

		private Duration chunkDelay = Duration.ZERO;

		private int port;

		private Builder() {
		}

		/**
		 * The only key to accept (default {@link FakeGlmService#DEFAULT_API_KEY}).
		 * @param apiKey the key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			Assert.hasText(apiKey, "apiKey must not be empty");
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * The pause before each SSE event (default none), e.g. to show streaming in a
		 * demo; a {@link Turn.Builder#chunkDelay(Duration) turn} may set its own.
		 * @param chunkDelay the delay
		 * @return this builder
		 */
		public Builder chunkDelay(Duration chunkDelay) {
			Assert.isTrue(!chunkDelay.isNegative(), () -> "chunkDelay must not be negative but was " + chunkDelay);
			this.chunkDelay = chunkDelay;
			return this;
		}

		/**
		 * The port (default 0: a free port).
		 * @param port the port, in [0, 65535]
		 * @return this builder
		 */
		public Builder port(int port) {
			Assert.isTrue(port >= 0 && port <= 65535, () -> "port must be in [0, 65535] but was " + port);
			this.port = port;
			return this;
		}

		/**
		 * Start the service.
		 * @return the running service
		 */
		public FakeGlmService start() {
			return new FakeGlmService(this);
		}

	}

}
