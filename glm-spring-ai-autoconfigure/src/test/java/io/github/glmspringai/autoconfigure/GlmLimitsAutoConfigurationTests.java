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

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.limits.GlmRequestLimiter;
import io.github.glmspringai.limits.LocalQuotaStore;
import io.github.glmspringai.limits.StoreFailurePolicy;
import io.github.glmspringai.test.RecordedGlmStreams;
import io.github.glmspringai.testfixtures.InFlightSseServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spring.ai.glm.limits.*}: no limit, no limiter; a limit wraps the chat model's
 * client in the local store by default, with metrics; a bad value or a missing Redisson
 * fails at startup with a clear message.
 */
class GlmLimitsAutoConfigurationTests {

	private final InFlightSseServer server = InFlightSseServer.start(RecordedGlmStreams.compatible(),
			RecordedGlmStreams.dashscope(), RecordedGlmStreams.zhipu());

	private final ApplicationContextRunner runner = GlmTestFrames.runner()
		.withConfiguration(AutoConfigurations.of(GlmLimitsAutoConfiguration.class))
		.withPropertyValues(GlmTestFrames.mockServer(0))
		.withPropertyValues("spring.ai.glm.base-url=" + this.server.baseUrl());

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void withoutALimitThereIsNoLimiterAndTheClientIsUsedAsItIs() {
		this.runner.withPropertyValues("spring.ai.glm.limits.acquire-timeout=5s").run((context) -> {
			assertThat(context).doesNotHaveBean(GlmRequestLimiter.class);
			assertThat(chatModelApi(context.getBean(GlmChatModel.class))).isSameAs(context.getBean(GlmApi.class));
		});
	}

	@Test
	void aLimitWrapsTheChatModelsClientInTheLocalStoreWithMetrics() {
		this.runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("spring.ai.glm.limits.max-concurrent-requests=2",
					"spring.ai.glm.limits.requests-per-minute=500", "spring.ai.glm.limits.tokens-per-minute=1000000",
					"spring.ai.glm.limits.acquire-timeout=7")
			.run((context) -> {
				GlmRequestLimiter limiter = context.getBean(GlmRequestLimiter.class);
				assertThat(limiter.getStoreName()).isEqualTo(LocalQuotaStore.NAME);
				assertThat(limiter.getLimits().acquireTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(limiter).hasToString("GlmRequestLimiter{max-concurrent-requests=2, requests-per-minute=500, "
						+ "tokens-per-minute=1000000, store=local, failurePolicy=" + StoreFailurePolicy.FAIL_OPEN
						+ "}");
				GlmChatModel model = context.getBean(GlmChatModel.class);
				assertThat(chatModelApi(model)).isNotSameAs(context.getBean(GlmApi.class));
				this.server.open();
				assertThat(model.call(new Prompt("metered")).getResult().getOutput().getText()).isEqualTo("我是");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("glm.limits.permits.active")
					.tags("store", "local", "limit", "max-concurrent-requests")
					.gauge()
					.value()).isZero();
				assertThat(
						registry.get("glm.limits.requests.waiting").tags("limit", "tokens-per-minute").gauge().value())
					.isZero();
				assertThat(registry.get("glm.limits.acquire")
					.tags("store", "local", "limit", "requests-per-minute", "outcome", "acquired")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.getMeters())
					.allSatisfy((meter) -> assertThat(meter.getId().toString()).doesNotContain(GlmTestFrames.API_KEY));
			});
	}

	@Test
	void aLimitOutOfRangeFailsAtStartupNamingTheProperty() {
		this.runner.withPropertyValues("spring.ai.glm.limits.max-concurrent-requests=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("max-concurrent-requests must be in [1, 2147483647]"));
	}

	@Test
	void theRedisStoreWithoutRedissonFailsAtStartupNamingTheDependency() {
		this.runner.withClassLoader(new FilteredClassLoader(RedissonClient.class))
			.withPropertyValues("spring.ai.glm.limits.max-concurrent-requests=2", "spring.ai.glm.limits.store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("add the dependency org.redisson:redisson"));
	}

	@Test
	void theRedisStoreWithoutARedisConnectionFailsAtStartupNamingWhatToAdd() {
		this.runner
			.withPropertyValues("spring.ai.glm.limits.max-concurrent-requests=2", "spring.ai.glm.limits.store=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("spring-boot-starter-data-redis")
				.hasMessageContaining("RedissonClient bean"));
	}

	private static Object chatModelApi(GlmChatModel model) {
		return ReflectionTestUtils.getField(model, "api");
	}

}
