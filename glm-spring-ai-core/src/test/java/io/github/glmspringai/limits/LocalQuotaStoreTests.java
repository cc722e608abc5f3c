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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.glmspringai.api.GlmMessage;
import io.github.glmspringai.api.GlmRequest;
import io.github.glmspringai.api.GlmTokenUsage;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local store's fairness and window, and the token estimate.
 */
class LocalQuotaStoreTests {

	private final LocalQuotaStore store = new LocalQuotaStore();

	@Test
	void aReleasedPermitGoesToTheLongestWaiter() throws Exception {
		LocalQuotaStore.LocalSemaphore semaphore = (LocalQuotaStore.LocalSemaphore) this.store
			.semaphore(GlmLimit.MAX_CONCURRENT_REQUESTS, 1);
		QuotaStore.Permit held = semaphore.acquire(Duration.ZERO).block();
		assertThat(held).isNotNull();
		assertThat(semaphore.acquire(Duration.ZERO).block()).isNull();
		List<String> order = new CopyOnWriteArrayList<>();
		List<CompletableFuture<QuotaStore.Permit>> waiters = List.of("a", "b", "c")
			.stream()
			.map((name) -> semaphore.acquire(Duration.ofSeconds(20)).doOnNext((p) -> order.add(name)).toFuture())
			.toList();
		held.release();
		held.release();
		waiters.get(0).get(20, TimeUnit.SECONDS).release();
		waiters.get(1).get(20, TimeUnit.SECONDS).release();
		waiters.get(2).get(20, TimeUnit.SECONDS).release();
		assertThat(order).containsExactly("a", "b", "c");
		assertThat(semaphore.available()).isEqualTo(1);
	}

	@Test
	void aCancelledWaiterLeavesTheQueueAndATimedOutOneCompletesEmpty() {
		LocalQuotaStore.LocalSemaphore semaphore = (LocalQuotaStore.LocalSemaphore) this.store
			.semaphore(GlmLimit.MAX_CONCURRENT_REQUESTS, 1);
		QuotaStore.Permit held = semaphore.acquire(Duration.ZERO).block();
		Disposable cancelled = semaphore.acquire(Duration.ofSeconds(20)).subscribe();
		assertThat(semaphore.acquire(Duration.ofMillis(50)).block(Duration.ofSeconds(20))).isNull();
		cancelled.dispose();
		held.release();
		assertThat(semaphore.available()).isEqualTo(1);
	}

	@Test
	void aRateGrantsAgainWhenItsWindowHasPassed() throws Exception {
		LocalQuotaStore.LocalRate rate = (LocalQuotaStore.LocalRate) this.store.rate(GlmLimit.REQUESTS_PER_MINUTE, 2,
				Duration.ofMillis(300));
		assertThat(rate.acquire(1, Duration.ZERO).block()).isNotNull();
		assertThat(rate.acquire(1, Duration.ZERO).block()).isNotNull();
		assertThat(rate.acquire(1, Duration.ZERO).block()).isNull();
		QuotaStore.Charge third = rate.acquire(1, Duration.ofSeconds(20)).toFuture().get(20, TimeUnit.SECONDS);
		assertThat(third).isNotNull();
		third.refund();
		assertThat(rate.used()).isLessThanOrEqualTo(1);
	}

	@Test
	void settlingAChargeChangesWhatTheWindowHolds() {
		LocalQuotaStore.LocalRate rate = (LocalQuotaStore.LocalRate) this.store.rate(GlmLimit.TOKENS_PER_MINUTE, 100,
				Duration.ofMinutes(1));
		QuotaStore.Charge charge = rate.acquire(60, Duration.ZERO).block();
		charge.settle(20);
		assertThat(rate.used()).isEqualTo(20);
		charge.settle(150);
		assertThat(rate.used()).isEqualTo(150);
		assertThat(rate.acquire(1, Duration.ZERO).block()).isNull();
		charge.refund();
		charge.settle(90);
		assertThat(rate.used()).isZero();
	}

	@Test
	void theTokenEstimateCountsUtf8BytesOverThreePlusTheOutputAllowance() {
		assertThat(TokenEstimator.utf8Length("abc")).isEqualTo(3);
		assertThat(TokenEstimator.utf8Length("你好")).isEqualTo(6);
		assertThat(TokenEstimator.utf8Length("é😀")).isEqualTo(6);
		GlmRequest chinese = request("你好世界", null);
		// 12 bytes / 3 = 4 tokens, + 4 for the message, + 1024 default output
		assertThat(TokenEstimator.estimate(chinese, 1024)).isEqualTo(4 + 4 + 1024);
		GlmRequest english = request("Hello, world", 100);
		// 12 bytes / 3 = 4 tokens, + 4, + maxTokens 100
		assertThat(TokenEstimator.estimate(english, 1024)).isEqualTo(4 + 4 + 100);
		assertThat(TokenEstimator.actual(new GlmTokenUsage(10, 360, 370, null, null, null))).isEqualTo(370);
		assertThat(TokenEstimator.actual(new GlmTokenUsage(10, 360, null, null, null, null))).isEqualTo(370);
	}

	private static GlmRequest request(String text, Integer maxTokens) {
		return GlmRequest.builder("glm-5", List.of(GlmMessage.of(GlmMessage.Role.USER, text)))
			.maxTokens(maxTokens)
			.build();
	}

}
