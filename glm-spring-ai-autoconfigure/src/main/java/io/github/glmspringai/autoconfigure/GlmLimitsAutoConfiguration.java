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

import io.github.glmspringai.limits.GlmRequestLimiter;
import io.github.glmspringai.limits.LocalQuotaStore;
import io.github.glmspringai.limits.QuotaStore;
import io.github.glmspringai.limits.redis.RedisQuotaStore;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.redisson.api.RedissonClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the GLM request limiter ({@code spring.ai.glm.limits.*}). Active
 * only when at least one limit is set; {@link GlmChatAutoConfiguration} then sends the
 * chat model's requests through it. The {@code redis} store uses the application's
 * {@link RedissonClient} bean, else a client built from Spring Boot's Redis connection
 * ({@code spring.data.redis.*}).
 *
 * @author glm-spring-ai
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(GlmRequestLimiter.class)
@Conditional(GlmLimitsAutoConfiguration.AnyLimitSet.class)
@EnableConfigurationProperties(GlmLimitsProperties.class)
public class GlmLimitsAutoConfiguration {

	private static final String STORE = GlmLimitsProperties.CONFIG_PREFIX + ".store";

	private static final String DATA_REDIS = "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails";

	/**
	 * The limiter, closed with the context.
	 * @param properties the limits
	 * @param store where the permits are kept
	 * @return the limiter
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	public GlmRequestLimiter glmRequestLimiter(GlmLimitsProperties properties, QuotaStore store) {
		return GlmRequestLimiter.builder()
			.limits(properties.toLimits())
			.store(store)
			.failurePolicy(properties.getRedis().getFailurePolicy())
			.build();
	}

	/**
	 * The permits of this JVM ({@code store=local}, the default).
	 * @return the store
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = STORE, havingValue = "local", matchIfMissing = true)
	public QuotaStore glmLocalQuotaStore() {
		return new LocalQuotaStore();
	}

	/** The Redis store, on Redisson. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	@ConditionalOnClass(RedissonClient.class)
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		QuotaStore glmRedisQuotaStore(GlmLimitsProperties properties, ObjectProvider<RedissonClient> redisson,
				ApplicationContext context) {
			GlmLimitsProperties.Redis redis = properties.getRedis();
			RedissonClient client = redisson.getIfUnique();
			if (client != null) {
				return new RedisQuotaStore(client, redis.getKeyPrefix(), redis.getLeaseTime(), false);
			}
			if (!ClassUtils.isPresent(DATA_REDIS, context.getClassLoader())) {
				throw new IllegalStateException("spring.ai.glm.limits.store=redis needs a Redis connection: add "
						+ "org.springframework.boot:spring-boot-starter-data-redis (spring.data.redis.*) "
						+ "or define a RedissonClient bean");
			}
			return new RedisQuotaStore(BootRedisson.create(context), redis.getKeyPrefix(), redis.getLeaseTime(), true);
		}

	}

	/** {@code store=redis} without Redisson: fail at startup, naming the dependency. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	@ConditionalOnMissingClass("org.redisson.api.RedissonClient")
	static class RedissonMissingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		QuotaStore glmRedisQuotaStore() {
			throw new IllegalStateException("spring.ai.glm.limits.store=redis needs Redisson on the classpath: "
					+ "add the dependency org.redisson:redisson (4.7.0 or later)");
		}

	}

	/** Metrics of the limiter on the application's meter registries. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		GlmLimitsMeterBinder glmLimitsMeterBinder(GlmRequestLimiter limiter) {
			return new GlmLimitsMeterBinder(limiter);
		}

	}

	/** Matches when at least one limit is set. */
	static class AnyLimitSet extends AnyNestedCondition {

		AnyLimitSet() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(GlmLimitsProperties.CONFIG_PREFIX + ".max-concurrent-requests")
		static class MaxConcurrentRequests {

		}

		@ConditionalOnProperty(GlmLimitsProperties.CONFIG_PREFIX + ".requests-per-minute")
		static class RequestsPerMinute {

		}

		@ConditionalOnProperty(GlmLimitsProperties.CONFIG_PREFIX + ".tokens-per-minute")
		static class TokensPerMinute {

		}

	}

}
