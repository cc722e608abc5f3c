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

import reactor.netty.http.client.HttpClient;

/**
 * Customizes the Reactor Netty {@link HttpClient} of the auto-configured GLM client,
 * after every {@code spring.ai.glm.*} setting (connection pool, connect timeout, TLS,
 * proxy) is applied: for metrics, a wiretap, a resolver or anything else Reactor Netty
 * offers. Beans of this type are applied in
 * {@link org.springframework.core.annotation.Order}.
 *
 * @author glm-spring-ai
 */
@FunctionalInterface
public interface GlmHttpClientCustomizer {

	/**
	 * Customize the client.
	 * @param httpClient the client with the GLM settings applied
	 * @return the client to use (Reactor Netty clients are immutable: return the result
	 * of the calls you make)
	 */
	HttpClient customize(HttpClient httpClient);

}
