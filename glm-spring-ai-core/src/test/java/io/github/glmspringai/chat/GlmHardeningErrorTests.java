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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import io.github.glmspringai.api.GlmNonTransientException;
import io.github.glmspringai.api.GlmServiceException;
import io.github.glmspringai.api.GlmTransientException;
import io.github.glmspringai.testfixtures.SelfSignedTls;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

import static io.github.glmspringai.chat.Step.finish;
import static io.github.glmspringai.chat.Step.reasoning;
import static io.github.glmspringai.chat.Step.text;
import static io.github.glmspringai.chat.Step.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 11 (hardening), error side: key hygiene, retry bounds, non-SSE answers and
 * untyped failures, on every protocol. Each test names the item of the issue it proves.
 */
class GlmHardeningErrorTests extends WireTestSupport {

	private static final Duration HANG_GUARD = Duration.ofSeconds(15);

	private static final String KEY_PREFIX = API_KEY.substring(0, 12);

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item2AGatewayPageEchoingTheAuthorizationHeaderLeaksNoPartOfTheKey(WireFixture fixture) {
		String page = "<!DOCTYPE html>\r\n<html><head><title>502 Bad Gateway</title></head>\n<body>\u0000<h1>Bad Gateway</h1>"
				+ "<p>" + "upstream trace ".repeat(12) + "</p><pre>POST " + fixture.path
				+ " HTTP/1.1\r\nAuthorization: Bearer " + API_KEY + "\r\nHost: x</pre></body></html>";
		// FAST_RETRY: one attempt and three retries, each answered with the page
		for (int i = 0; i < 4; i++) {
			this.server.enqueue(
					new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html").body(page).build());
		}
		Throwable thrown = catchThrowable(
				() -> model(fixture, GlmChatOptions.builder().build(), FAST_RETRY).call(new Prompt("q")));
		assertThat(thrown).isInstanceOf(GlmTransientException.class);
		String message = thrown.getMessage();
		assertThat(message).doesNotContain(KEY_PREFIX)
			.doesNotContain("\r")
			.doesNotContain("\n")
			.doesNotContain("\u0000")
			.doesNotContain("<")
			.contains("502 Bad Gateway");
		assertThat(((GlmServiceException) thrown).getServiceMessage()).doesNotContain(KEY_PREFIX);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item2AKeyEchoedInAnErrorCodeOrAMalformedEventIsScrubbed(WireFixture fixture) {
		this.server.enqueue(new MockResponse.Builder().code(400)
			.setHeader("Content-Type", "application/json")
			.body("{\"error\":{\"type\":\"Bearer " + API_KEY + "\",\"message\":\"key " + API_KEY + " rejected\"},"
					+ "\"code\":\"" + API_KEY + "\",\"message\":\"" + API_KEY + "\"}")
			.build());
		Throwable thrown = catchThrowable(() -> model(fixture).call(new Prompt("q")));
		GlmServiceException error = (GlmServiceException) thrown;
		assertThat(error.getErrorCode()).doesNotContain(KEY_PREFIX);
		assertThat(error.getServiceMessage()).doesNotContain(KEY_PREFIX);
		assertThat(thrown.getMessage()).doesNotContain(KEY_PREFIX);

		String frame = Frames.withData(Frames.split(fixture.render(List.of(text("x")))).get(0),
				"{\"broken\":\"" + API_KEY + "\", ");
		enqueueStream(fixture.render(List.of(text("前"))) + frame);
		Throwable malformed = catchThrowable(() -> model(fixture).call(new Prompt("q")));
		assertThat(((GlmServiceException) malformed).getErrorCode()).isEqualTo("MalformedEvent");
		assertThat(malformed.getMessage()).doesNotContain(KEY_PREFIX);
		assertThat(((GlmServiceException) malformed).getPartialText()).isEqualTo("前");
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item3RetryAfterIsCappedAtThePolicysMaximumDelay(WireFixture fixture) {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.setHeader("Retry-After", "86400")
			.body(fixture.errorBody(ErrorCase.THROTTLED))
			.build());
		enqueueStream(fixture.stream(text("好"), finish("stop"), usage(1, 1, null)));
		RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(2)
			.delay(Duration.ofMillis(20))
			.maxDelay(Duration.ofMillis(200))
			.includes(TransientAiException.class)
			.build());
		String answer = assertTimeoutPreemptively(HANG_GUARD,
				() -> model(fixture, GlmChatOptions.builder().build(), retry).call(new Prompt("q"))
					.getResult()
					.getOutput()
					.getText());
		assertThat(answer).isEqualTo("好");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item4AServiceThatNeverAnswersIsBoundedByTheFirstTokenDeadline(WireFixture fixture) throws Exception {
		try (RawSseServer raw = new RawSseServer(RawSseServer.Exchange::awaitClose)) {
			RetryTemplate patient = new RetryTemplate(RetryPolicy.builder()
				.maxRetries(10)
				.delay(Duration.ofMillis(50))
				.includes(TransientAiException.class)
				.build());
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl(raw.baseUrl()).firstTokenTimeout(Duration.ofMillis(400)).build())
				.retryTemplate(patient)
				.firstTokenDeadline(Duration.ofMillis(1200))
				.build();
			long start = System.nanoTime();
			Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(thrown).isInstanceOf(GlmTransientException.class)
				.hasMessageContaining("spring.ai.glm.first-token-deadline");
			assertThat(((GlmServiceException) thrown).getErrorCode()).isEqualTo("FirstTokenDeadline");
			assertThat(elapsed).isLessThan(Duration.ofSeconds(4));
			assertThat(raw.requests()).isBetween(2, 4);
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item4AMalformedHttpResponseIsNotRetried(WireFixture fixture) throws Exception {
		try (RawSseServer raw = new RawSseServer(
				(exchange) -> exchange.raw("SPDY/9 OK maybe\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)).drop())) {
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl(raw.baseUrl()).build())
				.retryTemplate(FAST_RETRY)
				.build();
			Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
			assertThat(thrown).isInstanceOf(GlmNonTransientException.class);
			assertThat(((GlmServiceException) thrown).getErrorCode()).isEqualTo("MalformedResponse");
			assertThat(raw.requests()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item4AnUntrustedCertificateIsNotRetried(WireFixture fixture) throws Exception {
		try (RawSseServer raw = new RawSseServer(new SelfSignedTls().serverSocket(),
				(exchange) -> exchange.head().end())) {
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl("https://127.0.0.1:" + raw.port()).build())
				.retryTemplate(FAST_RETRY)
				.build();
			Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
			assertThat(thrown).isInstanceOf(GlmNonTransientException.class).hasMessageContaining("certificate");
			assertThat(((GlmServiceException) thrown).getErrorCode()).isEqualTo("CertificateRejected");
			assertThat(raw.connections()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item4TheTemplatesRetryListenerIsCalled(WireFixture fixture) {
		for (int i = 0; i < 2; i++) {
			this.server
				.enqueue(new MockResponse.Builder().code(503).body(fixture.errorBody(ErrorCase.UNAVAILABLE)).build());
		}
		enqueueStream(fixture.stream(text("好"), finish("stop"), usage(1, 1, null)));
		List<String> calls = new CopyOnWriteArrayList<>();
		RetryTemplate retry = new RetryTemplate(FAST_RETRY.getRetryPolicy());
		retry.setRetryListener(new RetryListener() {

			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
				calls.add("before:" + state.getRetryCount());
			}

			@Override
			public void onRetryFailure(RetryPolicy policy, Retryable<?> retryable, Throwable throwable) {
				calls.add("failure:" + ((GlmServiceException) throwable).getStatusCode());
			}

			@Override
			public void onRetrySuccess(RetryPolicy policy, Retryable<?> retryable, Object result) {
				calls.add("success");
			}

			@Override
			public void onRetryPolicyExhaustion(RetryPolicy policy, Retryable<?> retryable, RetryException exception) {
				calls.add("exhausted");
			}

		});
		assertThat(model(fixture, GlmChatOptions.builder().build(), retry).call(new Prompt("q"))
			.getResult()
			.getOutput()
			.getText()).isEqualTo("好");
		assertThat(calls).containsExactly("before:1", "failure:503", "before:2", "success");
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item7AJsonErrorBodyWithStatus200IsAnErrorWithItsContent(WireFixture fixture) {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body(fixture.errorBody(ErrorCase.UNAUTHORIZED))
			.build());
		Throwable thrown = catchThrowable(() -> model(fixture).call(new Prompt("q")));
		assertThat(thrown).isInstanceOf(GlmNonTransientException.class);
		GlmServiceException error = (GlmServiceException) thrown;
		assertThat(error.getErrorCode()).isEqualTo(ErrorCase.UNAUTHORIZED.code(fixture));
		assertThat(error.getServiceMessage()).isEqualTo(ErrorCase.UNAUTHORIZED.message(fixture));
		assertThat(error.getRequestId()).isEqualTo(fixture.errorRequestId());
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item7AnHtmlPageOrANoContentAnswerIsAnErrorSayingWhatCame(WireFixture fixture) {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "text/html; charset=utf-8")
			.body("<html><head><title>Captive portal</title></head><body><p>Please log in</p></body></html>")
			.build());
		Throwable html = catchThrowable(() -> model(fixture).call(new Prompt("q")));
		assertThat(html).isInstanceOf(GlmNonTransientException.class);
		assertThat(((GlmServiceException) html).getErrorCode()).isEqualTo("UnexpectedContentType");
		assertThat(html.getMessage()).contains("text/html").contains("Captive portal").contains("Please log in");

		this.server.enqueue(new MockResponse.Builder().code(204).build());
		Throwable empty = catchThrowable(() -> model(fixture).call(new Prompt("q")));
		assertThat(empty).isInstanceOf(GlmServiceException.class);
		assertThat(((GlmServiceException) empty).getErrorCode()).isEqualTo("EmptyResponse");
		assertThat(((GlmServiceException) empty).getStatusCode()).isEqualTo(204);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item7AGzipBodyIsDecoded(WireFixture fixture) throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "text/event-stream")
			.setHeader("Content-Encoding", "gzip")
			.body(gzip(fixture.stream(reasoning("想"), text("压缩"), finish("stop"), usage(1, 2, 1))))
			.build());
		assertThat(model(fixture).call(new Prompt("q")).getResult().getOutput().getText()).isEqualTo("压缩");
		this.server.enqueue(new MockResponse.Builder().code(401)
			.setHeader("Content-Type", "application/json")
			.setHeader("Content-Encoding", "gzip")
			.body(gzip(fixture.errorBody(ErrorCase.UNAUTHORIZED)))
			.build());
		Throwable thrown = catchThrowable(() -> model(fixture).call(new Prompt("q")));
		assertThat(((GlmServiceException) thrown).getErrorCode()).isEqualTo(ErrorCase.UNAUTHORIZED.code(fixture));
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item8AHugeErrorBodyKeepsItsStatus(WireFixture fixture) {
		String body = fixture.errorBody(ErrorCase.UNAUTHORIZED);
		this.server.enqueue(new MockResponse.Builder().code(401)
			.setHeader("Content-Type", "application/json")
			.body(body.substring(0, body.length() - 1) + ",\"padding\":\"" + "x".repeat(300 * 1024) + "\"}")
			.build());
		Throwable thrown = catchThrowable(() -> model(fixture).call(new Prompt("q")));
		assertThat(thrown).isInstanceOf(GlmNonTransientException.class);
		assertThat(((GlmServiceException) thrown).getStatusCode()).isEqualTo(401);
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item8ABrokenChunkSizeIsATypedErrorWithThePartialAnswer(WireFixture fixture) throws Exception {
		String first = fixture.render(List.of(reasoning("想"), text("一半")));
		try (RawSseServer raw = new RawSseServer((exchange) -> exchange.head()
			.chunk(first)
			.raw("zz-not-hex\r\nbroken\r\n".getBytes(StandardCharsets.ISO_8859_1))
			.drop())) {
			GlmChatModel model = GlmChatModel.builder()
				.api(apiBuilder(fixture).baseUrl(raw.baseUrl()).build())
				.retryTemplate(FAST_RETRY)
				.build();
			Throwable thrown = catchThrowable(() -> model.call(new Prompt("q")));
			assertThat(thrown).isInstanceOf(GlmServiceException.class);
			assertThat(((GlmServiceException) thrown).getPartialText()).isEqualTo("一半");
			assertThat(raw.requests()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(WireFixture.class)
	void item11CallOnANonBlockingThreadFailsBeforeSending(WireFixture fixture) {
		GlmChatModel model = model(fixture);
		Throwable thrown = catchThrowable(() -> Mono.fromCallable(() -> model.call(new Prompt("q")))
			.subscribeOn(Schedulers.parallel())
			.block(HANG_GUARD));
		assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("stream()");
		assertThat(this.server.getRequestCount()).isZero();
	}

	private static Buffer gzip(String text) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return new Buffer().write(bytes.toByteArray());
	}

}
