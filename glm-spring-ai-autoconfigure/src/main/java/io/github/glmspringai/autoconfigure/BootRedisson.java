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
import java.util.List;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.ApplicationContext;

/**
 * A Redisson client for the limits store, built from Spring Boot's Redis connection
 * ({@link DataRedisConnectionDetails}: {@code spring.data.redis.*}, or a service
 * connection) and its timeouts. Standalone, sentinel and cluster servers; TLS when
 * {@code spring.data.redis.ssl.enabled} (a custom trust store needs a
 * {@link RedissonClient} bean of the application). Connects lazily, so the application
 * starts while Redis is down (the failure policy then applies).
 *
 * @author glm-spring-ai
 */
final class BootRedisson {

	private BootRedisson() {
	}

	static RedissonClient create(ApplicationContext context) {
		DataRedisConnectionDetails details = context.getBeanProvider(DataRedisConnectionDetails.class).getIfUnique();
		if (details == null) {
			throw new IllegalStateException("spring.ai.glm.limits.store=redis found no Redis connection: "
					+ "set spring.data.redis.* (with spring-boot-starter-data-redis) or define a RedissonClient bean");
		}
		DataRedisProperties properties = context.getBeanProvider(DataRedisProperties.class).getIfUnique();
		boolean ssl = details.getSslBundle() != null || (properties != null && properties.getSsl().isEnabled());
		String scheme = ssl ? "rediss://" : "redis://";
		Config config = new Config();
		config.setLazyInitialization(true);
		BaseConfig<?> server;
		if (details.getCluster() != null) {
			server = config.useClusterServers().addNodeAddress(addresses(scheme, details.getCluster().getNodes()));
		}
		else if (details.getSentinel() != null) {
			DataRedisConnectionDetails.Sentinel sentinel = details.getSentinel();
			server = config.useSentinelServers()
				.setMasterName(sentinel.getMaster())
				.addSentinelAddress(addresses(scheme, sentinel.getNodes()))
				.setDatabase(sentinel.getDatabase())
				.setSentinelUsername(sentinel.getUsername())
				.setSentinelPassword(sentinel.getPassword());
		}
		else {
			DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
			if (standalone == null) {
				throw new IllegalStateException("the Redis connection names no server (spring.data.redis.host, "
						+ ".url, .sentinel or .cluster)");
			}
			server = config.useSingleServer()
				.setAddress(scheme + standalone.getHost() + ":" + standalone.getPort())
				.setDatabase(standalone.getDatabase());
		}
		config.setUsername(details.getUsername());
		config.setPassword(details.getPassword());
		server.setRetryAttempts(1);
		if (properties != null) {
			Duration timeout = properties.getTimeout();
			if (timeout != null) {
				server.setTimeout((int) timeout.toMillis());
			}
			Duration connectTimeout = properties.getConnectTimeout();
			if (connectTimeout != null) {
				server.setConnectTimeout((int) connectTimeout.toMillis());
			}
			if (properties.getClientName() != null) {
				server.setClientName(properties.getClientName());
			}
		}
		return Redisson.create(config);
	}

	private static String[] addresses(String scheme, List<DataRedisConnectionDetails.Node> nodes) {
		return nodes.stream().map((node) -> scheme + node.host() + ":" + node.port()).toArray(String[]::new);
	}

}
