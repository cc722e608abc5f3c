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

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.glmspringai.api.GlmTransientException;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.limits.GlmLimit;
import io.github.glmspringai.limits.GlmRequestLimiter;
import io.github.glmspringai.limits.redis.RedisQuotaStore;
import io.github.glmspringai.test.RecordedGlmStreams;
import io.github.glmspringai.testfixtures.InFlightSseServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The {@code redis} store against a real {@code redis-server}: several application
 * instances share one limit; a dead instance's permits come back with its lease; a Redis
 * that stops follows the failure policy.
 */
@ExtendWith(OutputCaptureExtension.class)
class GlmLimitsRedisTests {

	private static final Duration AWAIT = Duration.ofSeconds(30);

	private final InFlightSseServer server = InFlightSseServer.start(RecordedGlmStreams.compatible(),
			RecordedGlmStreams.dashscope(), RecordedGlmStreams.zhipu());

	private final String keyPrefix = "glm-test:" + UUID.randomUUID();

	private RedisServerProcess redis;

	@BeforeEach
	void startRedis() throws Exception {
		this.redis = RedisServerProcess.start();
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void threeInstancesShareALimitOfFourInFlight() {
		ApplicationContextRunner runner = instance("spring.ai.glm.limits.max-concurrent-requests=4");
		runner.run((first) -> runner.run((second) -> runner.run((third) -> {
			List<AssertableApplicationContext> instances = List.of(first, second, third);
			List<CompletableFuture<List<ChatResponse>>> streams = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				GlmChatModel model = instances.get(i % 3).getBean(GlmChatModel.class);
				streams.add(model.stream(new Prompt("hello " + i)).collectList().toFuture());
			}
			await().atMost(AWAIT)
				.until(() -> this.server.inFlight() == 4 && instances.stream()
					.mapToInt(
							(c) -> c.getBean(GlmRequestLimiter.class).waitingRequests(GlmLimit.MAX_CONCURRENT_REQUESTS))
					.sum() == 26);
			this.server.open();
			for (CompletableFuture<List<ChatResponse>> stream : streams) {
				assertThat(stream.get(60, TimeUnit.SECONDS)).isNotEmpty();
			}
			assertThat(this.server.requests()).isEqualTo(30);
			assertThat(this.server.maxInFlight()).isEqualTo(4);
			for (AssertableApplicationContext instance : instances) {
				GlmRequestLimiter limiter = instance.getBean(GlmRequestLimiter.class);
				assertThat(limiter.getStoreName()).isEqualTo(RedisQuotaStore.NAME);
				assertThat(limiter.activePermits()).isZero();
			}
		})));
	}

	@Test
	void theLeaseOfAKilledInstanceExpiresAndItsPermitComesBack() throws Exception {
		List<String> properties = List.of(GlmTestFrames.mockServer(0)[0],
				"spring.ai.glm.base-url=" + this.server.baseUrl(), "spring.ai.glm.limits.max-concurrent-requests=1",
				"spring.ai.glm.limits.store=redis", "spring.ai.glm.limits.redis.lease-time=2s",
				"spring.ai.glm.limits.redis.key-prefix=" + this.keyPrefix,
				"spring.data.redis.port=" + this.redis.port(), "spring.ai.retry.max-attempts=1");
		List<String> command = new ArrayList<>(
				List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-cp",
						System.getProperty("java.class.path"), LimitsChildInstance.class.getName()));
		properties.forEach((property) -> command.add("--" + property));
		Process child = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> this.server.inFlight() == 1);
		}
		finally {
			child.destroyForcibly().waitFor();
		}
		ApplicationContextRunner runner = instance("spring.ai.glm.limits.max-concurrent-requests=1",
				"spring.ai.glm.limits.redis.lease-time=2s", "spring.ai.glm.limits.acquire-timeout=20s");
		runner.run((context) -> {
			long start = System.nanoTime();
			CompletableFuture<List<ChatResponse>> stream = context.getBean(GlmChatModel.class)
				.stream(new Prompt("after the death"))
				.collectList()
				.toFuture();
			await().atMost(AWAIT).until(() -> this.server.requests() == 2);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
			this.server.open();
			assertThat(stream.get(30, TimeUnit.SECONDS)).isNotEmpty();
			assertThat(this.server.bodies().get(1)).contains("after the death");
		});
	}

	@Test
	void failOpenSendsRequestsWithoutTheLimitWhileRedisIsDown(CapturedOutput output) {
		instance("spring.ai.glm.limits.max-concurrent-requests=2", "spring.data.redis.timeout=500ms").run((context) -> {
			GlmChatModel model = context.getBean(GlmChatModel.class);
			this.server.open();
			assertThat(model.call(new Prompt("with redis")).getResult()).isNotNull();
			this.redis.stop();
			assertThat(model.call(new Prompt("without redis")).getResult()).isNotNull();
			assertThat(model.call(new Prompt("still without")).getResult()).isNotNull();
			assertThat(this.server.requests()).isEqualTo(3);
			assertThat(context.getBean(GlmRequestLimiter.class).activePermits()).isZero();
			String log = output.getAll();
			assertThat(log).contains("GLM limits store 'redis' failed", "fail-open", "max-concurrent-requests=2");
			assertThat(log.split("GLM limits store 'redis' failed", -1)).hasSize(2);
		});
	}

	@Test
	void failClosedFailsRequestsWithATransientErrorWhileRedisIsDown() {
		instance("spring.ai.glm.limits.max-concurrent-requests=2", "spring.data.redis.timeout=500ms",
				"spring.ai.glm.limits.redis.failure-policy=fail-closed")
			.run((context) -> {
				GlmChatModel model = context.getBean(GlmChatModel.class);
				this.server.open();
				assertThat(model.call(new Prompt("with redis")).getResult()).isNotNull();
				this.redis.stop();
				Throwable failure = catchThrowable(() -> model.call(new Prompt("without redis")));
				assertThat(failure).isInstanceOf(GlmTransientException.class);
				GlmTransientException unavailable = (GlmTransientException) failure;
				assertThat(unavailable.getErrorCode()).isEqualTo(GlmRequestLimiter.STORE_UNAVAILABLE);
				assertThat(unavailable.getMessage()).contains("'redis' is unavailable", "max-concurrent-requests");
				assertThat(this.server.requests()).isEqualTo(1);
			});
	}

	private ApplicationContextRunner instance(String... properties) {
		return GlmTestFrames.runner()
			.withConfiguration(
					AutoConfigurations.of(GlmLimitsAutoConfiguration.class, DataRedisAutoConfiguration.class))
			.withPropertyValues(GlmTestFrames.mockServer(0))
			.withPropertyValues("spring.ai.glm.base-url=" + this.server.baseUrl(), "spring.ai.glm.limits.store=redis",
					"spring.ai.glm.limits.redis.key-prefix=" + this.keyPrefix,
					"spring.data.redis.port=" + this.redis.port(), "spring.ai.retry.max-attempts=1")
			.withPropertyValues(properties);
	}

}
