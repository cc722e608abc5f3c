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

package io.github.glmspringai.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.glmspringai.api.GlmNonTransientException;
import io.github.glmspringai.api.GlmTransientException;
import io.github.glmspringai.chat.GlmChatModel;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retries with the application's {@link RetryTemplate} ({@code spring.ai.retry.*}):
 * transient failures before the first event are retried by sending the request again,
 * non-transient ones and failures after data are not.
 *
 * @author glm-spring-ai
 */
class GlmChatRetryTests {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private ApplicationContextRunner runner(String protocol) {
		return GlmTestFrames.runner()
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.withPropertyValues("spring.ai.glm.protocol=" + protocol)
			.withBean(RetryTemplate.class,
					() -> new RetryTemplate(RetryPolicy.builder()
						.maxRetries(3)
						.delay(Duration.ofMillis(10))
						.includes(TransientAiException.class)
						.build()));
	}

	@Test
	void throttledRequestIsSentAgainAfterRetryAfter() {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.setHeader("Content-Type", "application/json")
			.setHeader("Retry-After", "1")
			.body(GlmTestFrames.COMPATIBLE_THROTTLED)
			.build());
		this.server.enqueue(GlmTestFrames.compatibleStream());
		runner("openai-compatible").run((context) -> {
			long start = System.nanoTime();
			ChatResponse response = context.getBean(GlmChatModel.class).call(new Prompt("hi"));
			assertThat(response.getResult().getOutput().getText()).isEqualTo("我是");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Retry-After: 1 is honoured")
				.isGreaterThanOrEqualTo(Duration.ofMillis(900));
		});
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void throttledStreamIsSentAgain() {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.setHeader("Content-Type", "application/json")
			.setHeader("Retry-After", "1")
			.body("{\"code\":\"Throttling.RateQuota\",\"message\":\"Requests rate limit exceeded, please try again later.\",\"request_id\":\"r-1\"}")
			.build());
		this.server.enqueue(GlmTestFrames.dashscopeStream());
		runner("dashscope").run((context) -> {
			String answer = context.getBean(GlmChatModel.class)
				.stream(new Prompt("hi"))
				.mapNotNull((response) -> (response.getResult() != null) ? response.getResult().getOutput().getText()
						: null)
				.reduce("", String::concat)
				.block();
			assertThat(answer).isEqualTo("!");
		});
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void aServiceThatNeverAnswersEndsAtTheFirstTokenDeadline() {
		for (int i = 0; i < 4; i++) {
			this.server
				.enqueue(GlmTestFrames.compatibleStream().newBuilder().headersDelay(5, TimeUnit.SECONDS).build());
		}
		runner("openai-compatible")
			.withPropertyValues("spring.ai.glm.first-token-timeout=300ms", "spring.ai.glm.first-token-deadline=800ms")
			.run((context) -> {
				long start = System.nanoTime();
				assertThatThrownBy(() -> context.getBean(GlmChatModel.class).call(new Prompt("hi")))
					.isInstanceOfSatisfying(GlmTransientException.class,
							(ex) -> assertThat(ex.getErrorCode()).isEqualTo("FirstTokenDeadline"))
					.hasMessageContaining("spring.ai.glm.first-token-deadline");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
			});
		assertThat(this.server.getRequestCount()).isBetween(2, 3);
	}

	@Test
	void invalidKeyIsNotRetried() {
		this.server.enqueue(GlmTestFrames.json(401, GlmTestFrames.COMPATIBLE_INVALID_KEY));
		this.server.enqueue(GlmTestFrames.compatibleStream());
		runner("openai-compatible")
			.run((context) -> assertThatThrownBy(() -> context.getBean(GlmChatModel.class).call(new Prompt("hi")))
				.isInstanceOfSatisfying(GlmNonTransientException.class, (ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(401);
					assertThat(ex.getErrorCode()).isEqualTo("invalid_api_key");
				})
				.hasMessageNotContaining(GlmTestFrames.API_KEY));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void invalidKeyIsNotRetriedOnTheNativeProtocol() {
		this.server.enqueue(GlmTestFrames.json(401, GlmTestFrames.DASHSCOPE_INVALID_KEY));
		this.server.enqueue(GlmTestFrames.dashscopeStream());
		runner("dashscope").run((context) -> assertThatThrownBy(
				() -> context.getBean(GlmChatModel.class).stream(new Prompt("hi")).blockLast())
			.isInstanceOfSatisfying(GlmNonTransientException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(401);
				assertThat(ex.getErrorCode()).isEqualTo("InvalidApiKey");
			}));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void failureAfterDataIsNotRetried() {
		String firstFrame = GlmTestFrames.DASHSCOPE_STREAM.substring(0,
				GlmTestFrames.DASHSCOPE_STREAM.indexOf("\n\n") + 2);
		this.server.enqueue(GlmTestFrames.sse(firstFrame
				+ """
						id:2
						event:error
						:HTTP_STATUS/500
						data:{"code":"InternalError","message":"An internal error has occured, please try again later or contact service support.","request_id":"2ce91085-3602-9c32-9c8b-fe3d583a2c38"}

						"""));
		this.server.enqueue(GlmTestFrames.dashscopeStream());
		runner("dashscope")
			.run((context) -> assertThatThrownBy(() -> context.getBean(GlmChatModel.class).call(new Prompt("hi")))
				.isInstanceOf(GlmTransientException.class)
				.hasMessageContaining("InternalError"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void springAiRetryPropertiesApply() {
		this.server.enqueue(GlmTestFrames.json(503,
				"{\"code\":\"ModelUnavailable\",\"message\":\"Model is unavailable, please try again later.\"}"));
		this.server.enqueue(GlmTestFrames.json(503,
				"{\"code\":\"ModelUnavailable\",\"message\":\"Model is unavailable, please try again later.\"}"));
		this.server.enqueue(GlmTestFrames.dashscopeStream());
		GlmTestFrames.runner()
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.withPropertyValues("spring.ai.glm.protocol=dashscope", "spring.ai.retry.max-attempts=1",
					"spring.ai.retry.backoff.initial-interval=10ms")
			.run((context) -> assertThatThrownBy(() -> context.getBean(GlmChatModel.class).call(new Prompt("hi")))
				.isInstanceOfSatisfying(GlmTransientException.class,
						(ex) -> assertThat(ex.getStatusCode()).isEqualTo(503)));
		assertThat(this.server.getRequestCount()).as("one attempt and one retry").isEqualTo(2);
	}

}
