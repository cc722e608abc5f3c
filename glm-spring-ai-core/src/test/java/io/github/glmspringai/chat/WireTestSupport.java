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

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.glmspringai.api.GlmApi;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MockWebServer per test and helpers to build models against it for either protocol.
 */
abstract class WireTestSupport {

	static final String API_KEY = "sk-test-0123456789abcdef";

	static final RetryTemplate NO_RETRY = new RetryTemplate(RetryPolicy.builder().predicate((ex) -> false).build());

	static final RetryTemplate FAST_RETRY = new RetryTemplate(RetryPolicy.builder()
		.maxRetries(3)
		.delay(Duration.ofMillis(10))
		.includes(TransientAiException.class)
		.build());

	protected MockWebServer server;

	private final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.release.countDown();
		this.server.close();
		assertThat(SecretScanningAppender.events()).as("TRACE logging is captured").isPositive();
		assertThat(SecretScanningAppender.leaks()).as("log lines containing the API key").isEmpty();
	}

	String baseUrl() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	GlmApi.Builder apiBuilder(WireFixture fixture) {
		return GlmApi.builder()
			.protocol(fixture.protocol)
			.baseUrl(baseUrl())
			.apiKey(API_KEY)
			.firstTokenTimeout(Duration.ofSeconds(10))
			.idleTimeout(Duration.ofSeconds(10));
	}

	GlmChatModel model(WireFixture fixture) {
		return model(fixture, GlmChatOptions.builder().build(), NO_RETRY);
	}

	GlmChatModel model(WireFixture fixture, GlmChatOptions options, RetryTemplate retry) {
		return GlmChatModel.builder().api(apiBuilder(fixture).build()).options(options).retryTemplate(retry).build();
	}

	void enqueueStream(String body) {
		this.server.enqueue(sse(body).build());
	}

	static MockResponse.Builder sse(String body) {
		return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body);
	}

	/**
	 * A chunked SSE response that writes the given bytes, flushes, then stays silent
	 * until the test ends.
	 */
	MockResponse stallingAfter(String prefix) {
		return new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "text/event-stream")
			.body(stallingBody(prefix))
			.removeHeader("Content-Length")
			.setHeader("Transfer-Encoding", "chunked")
			.build();
	}

	private MockResponseBody stallingBody(String prefix) {
		CountDownLatch latch = this.release;
		return new MockResponseBody() {

			@Override
			public long getContentLength() {
				return -1;
			}

			@Override
			public void writeTo(BufferedSink sink) throws IOException {
				byte[] bytes = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				if (bytes.length > 0) {
					sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
				}
				sink.flush();
				try {
					latch.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		};
	}

	RecordedRequest takeRequest() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		if (request == null) {
			throw new AssertionError("the server received no request");
		}
		return request;
	}

	static String body(RecordedRequest request) {
		return request.getBody().utf8();
	}

	static String joinedText(List<ChatResponse> chunks) {
		StringBuilder sb = new StringBuilder();
		for (ChatResponse chunk : chunks) {
			String text = chunk.getResult().getOutput().getText();
			sb.append((text != null) ? text : "");
		}
		return sb.toString();
	}

	static String reasoningDeltas(List<ChatResponse> chunks) {
		StringBuilder sb = new StringBuilder();
		for (ChatResponse chunk : chunks) {
			sb.append(GlmReasoning.delta(chunk));
		}
		return sb.toString();
	}

	static @Nullable String finishReason(ChatResponse response) {
		return response.getResult().getMetadata().getFinishReason();
	}

	/**
	 * A tool with any name (even one Spring AI's own builder would refuse), answering
	 * "12:00".
	 */
	static ToolCallback namedTool(String name) {
		ToolDefinition definition = new ToolDefinition() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public String description() {
				return "the time";
			}

			@Override
			public String inputSchema() {
				return "{\"type\":\"object\",\"properties\":{}}";
			}

		};
		return new ToolCallback() {

			@Override
			public ToolDefinition getToolDefinition() {
				return definition;
			}

			@Override
			public String call(String toolInput) {
				return "12:00";
			}

		};
	}

}
