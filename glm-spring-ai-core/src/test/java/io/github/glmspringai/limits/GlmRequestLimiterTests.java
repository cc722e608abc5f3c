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

package io.github.glmspringai.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmMessage;
import io.github.glmspringai.api.GlmRequest;
import io.github.glmspringai.api.GlmStreamEvent;
import io.github.glmspringai.api.GlmTransientException;
import io.github.glmspringai.api.GlmWireProtocol;
import io.github.glmspringai.chat.RecordedStreams;
import io.github.glmspringai.testfixtures.InFlightSseServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.Disposable;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The limiter on the local store, at the wire: a loopback server counts what is really in
 * flight.
 */
@ExtendWith(OutputCaptureExtension.class)
class GlmRequestLimiterTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	private final InFlightSseServer server = InFlightSseServer.start(RecordedStreams.read("compatible-stream.sse"),
			RecordedStreams.read("dashscope-stream.sse"), RecordedStreams.read("zhipu-stream.sse"));

	private final List<GlmApi> clients = new ArrayList<>();

	@AfterEach
	void close() {
		this.clients.forEach(GlmApi::close);
		this.server.close();
	}

	@ParameterizedTest
	@EnumSource(GlmWireProtocol.class)
	void twentyConcurrentStreamsNeverExceedThreeInFlight(GlmWireProtocol protocol) throws Exception {
		GlmRequestLimiter limiter = limiter(GlmLimits.builder().maxConcurrentRequests(3).build());
		GlmApi api = limiter.limit(client(protocol));
		List<CompletableFuture<List<GlmStreamEvent>>> streams = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			streams.add(api.stream(request("hello " + i)).collectList().toFuture());
		}
		await().atMost(AWAIT)
			.until(() -> this.server.inFlight() == 3
					&& limiter.waitingRequests(GlmLimit.MAX_CONCURRENT_REQUESTS) == 17);
		assertThat(limiter.activePermits()).isEqualTo(3);
		this.server.open();
		for (CompletableFuture<List<GlmStreamEvent>> stream : streams) {
			List<GlmStreamEvent> events = stream.get(30, TimeUnit.SECONDS);
			assertThat(events).anySatisfy((event) -> assertThat(event.usage()).isNotNull());
		}
		assertThat(this.server.requests()).isEqualTo(20);
		assertThat(this.server.maxInFlight()).isEqualTo(3);
		assertThat(this.server.bodies()).allSatisfy((body) -> assertThat(body).contains("glm-5"));
		assertThat(limiter.activePermits()).isZero();
		assertThat(limiter.waitingRequests(GlmLimit.MAX_CONCURRENT_REQUESTS)).isZero();
	}

	@Test
	void cancellingAStreamFreesItsPermitAtOnce() throws Exception {
		GlmRequestLimiter limiter = limiter(GlmLimits.builder().maxConcurrentRequests(1).build());
		GlmApi api = limiter.limit(client(GlmWireProtocol.OPENAI_COMPATIBLE));
		Disposable first = api.stream(request("first")).subscribe();
		await().atMost(AWAIT).until(() -> this.server.inFlight() == 1);
		Disposable waiting = api.stream(request("gives up")).subscribe();
		CompletableFuture<List<GlmStreamEvent>> second = api.stream(request("second")).collectList().toFuture();
		await().atMost(AWAIT).until(() -> limiter.waitingRequests(GlmLimit.MAX_CONCURRENT_REQUESTS) == 2);
		waiting.dispose();
		await().atMost(AWAIT).until(() -> limiter.waitingRequests(GlmLimit.MAX_CONCURRENT_REQUESTS) == 1);
		first.dispose();
		await().atMost(AWAIT).until(() -> this.server.requests() == 2);
		assertThat(this.server.bodies().get(1)).contains("second");
		assertThat(limiter.activePermits()).isEqualTo(1);
		this.server.open();
		assertThat(second.get(30, TimeUnit.SECONDS)).isNotEmpty();
		assertThat(limiter.activePermits()).isZero();
		assertThat(this.server.requests()).isEqualTo(2);
	}

	@Test
	void aRequestWithoutAPermitWithinTheAcquireTimeoutFailsNamingTheLimit() {
		GlmRequestLimiter limiter = limiter(
				GlmLimits.builder().maxConcurrentRequests(1).acquireTimeout(Duration.ofMillis(300)).build());
		GlmApi api = limiter.limit(client(GlmWireProtocol.DASHSCOPE));
		Disposable first = api.stream(request("first")).subscribe();
		await().atMost(AWAIT).until(() -> this.server.inFlight() == 1);
		Throwable failure = catchThrowable(() -> api.stream(request("second")).blockLast(AWAIT));
		assertThat(failure).isInstanceOf(GlmTransientException.class);
		GlmTransientException exhausted = (GlmTransientException) failure;
		assertThat(exhausted.getErrorCode()).isEqualTo(GlmRequestLimiter.QUOTA_EXHAUSTED);
		assertThat(exhausted.getStatusCode()).isZero();
		assertThat(exhausted.getMessage()).contains("max-concurrent-requests=1", "store local", "after waiting",
				"acquire-timeout=300ms");
		assertThat(this.server.requests()).isEqualTo(1);
		first.dispose();
	}

	@Test
	void requestsPerMinuteHoldWithinTheWindow() {
		GlmRequestLimiter limiter = limiter(
				GlmLimits.builder().requestsPerMinute(5).acquireTimeout(Duration.ofMillis(300)).build());
		GlmApi api = limiter.limit(client(GlmWireProtocol.OPENAI_COMPATIBLE));
		this.server.open();
		for (int i = 0; i < 5; i++) {
			assertThat(api.stream(request("r" + i)).collectList().block(AWAIT)).isNotEmpty();
		}
		Throwable sixth = catchThrowable(() -> api.stream(request("r6")).blockLast(AWAIT));
		assertThat(sixth).isInstanceOf(GlmTransientException.class)
			.hasMessageContaining("requests-per-minute=5")
			.hasMessageContaining(GlmRequestLimiter.QUOTA_EXHAUSTED);
		assertThat(this.server.requests()).isEqualTo(5);
	}

	@Test
	void tokensAreChargedTheRealUsageWhenItExceedsTheEstimate() {
		// estimate: a few prompt tokens + 10 output; the recorded turn reports 370 in
		// total
		GlmRequestLimiter limiter = limiter(GlmLimits.builder()
			.tokensPerMinute(500)
			.defaultOutputTokens(10)
			.acquireTimeout(Duration.ofMillis(300))
			.build());
		GlmApi api = limiter.limit(client(GlmWireProtocol.OPENAI_COMPATIBLE));
		this.server.open();
		api.stream(request("one")).blockLast(AWAIT);
		api.stream(request("two")).blockLast(AWAIT);
		assertThat(catchThrowable(() -> api.stream(request("three")).blockLast(AWAIT)))
			.hasMessageContaining("tokens-per-minute=500");
		assertThat(this.server.requests()).isEqualTo(2);
	}

	@Test
	void tokensAreGivenBackWhenTheRealUsageIsBelowTheEstimate() {
		// estimate: a few prompt tokens + 600 output; the recorded turn reports 370
		GlmRequestLimiter limiter = limiter(GlmLimits.builder()
			.tokensPerMinute(1000)
			.defaultOutputTokens(600)
			.acquireTimeout(Duration.ofMillis(300))
			.build());
		GlmApi api = limiter.limit(client(GlmWireProtocol.OPENAI_COMPATIBLE));
		this.server.open();
		api.stream(request("one")).blockLast(AWAIT);
		api.stream(request("two")).blockLast(AWAIT);
		assertThat(catchThrowable(() -> api.stream(request("three")).blockLast(AWAIT)))
			.hasMessageContaining("tokens-per-minute=1000");
		assertThat(this.server.requests()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(GlmWireProtocol.class)
	void throttlingUnderTheLimitIsLoggedOnceWithTheLimits(GlmWireProtocol protocol, CapturedOutput output) {
		GlmRequestLimiter limiter = limiter(GlmLimits.builder().maxConcurrentRequests(8).build());
		GlmApi api = limiter.limit(client(protocol));
		this.server.throttle(true);
		for (int i = 0; i < 2; i++) {
			assertThat(catchThrowable(() -> api.stream(request("t")).blockLast(AWAIT)))
				.isInstanceOf(GlmTransientException.class);
		}
		String log = output.getAll();
		assertThat(log).contains("max-concurrent-requests=8", "too high for the account");
		assertThat(log.split("too high for the account", -1)).hasSize(2);
		assertThat(limiter.activePermits()).isZero();
	}

	@Test
	void withoutLimitsTheClientIsNotWrapped() {
		GlmApi api = client(GlmWireProtocol.OPENAI_COMPATIBLE);
		assertThat(GlmRequestLimiter.builder().build().limit(api)).isSameAs(api);
	}

	@Test
	void limitsOutOfRangeAreRejectedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> GlmLimits.builder().maxConcurrentRequests(0).build())
			.withMessageContaining("max-concurrent-requests must be in [1, 2147483647]");
		assertThatIllegalArgumentException().isThrownBy(() -> GlmLimits.builder().tokensPerMinute(-5).build())
			.withMessageContaining("tokens-per-minute");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GlmLimits.builder().acquireTimeout(Duration.ofSeconds(-1)).build())
			.withMessageContaining("acquire-timeout must be >= 0");
	}

	private GlmRequestLimiter limiter(GlmLimits limits) {
		return GlmRequestLimiter.builder().limits(limits).build();
	}

	private GlmApi client(GlmWireProtocol protocol) {
		GlmApi api = GlmApi.builder()
			.protocol(protocol)
			.baseUrl(this.server.baseUrl())
			.apiKey("sk-test-0123456789")
			.build();
		this.clients.add(api);
		return api;
	}

	static GlmRequest request(String text) {
		return GlmRequest.builder("glm-5", List.of(GlmMessage.of(GlmMessage.Role.USER, text))).build();
	}

}
