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

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.limits.GlmRequestLimiter;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.retry.RetryUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the GLM chat model on Alibaba Cloud Model Studio (Bailian).
 * Active unless {@code spring.ai.glm.chat.enabled=false} or {@code spring.ai.model.chat}
 * names another provider ({@code glm} selects this one). It honours the application's
 * {@link WebClient.Builder} (cloned, never modified; its connector is replaced by GLM's
 * own Reactor Netty client), Spring Boot's SSL bundles and
 * {@code spring.http.clients.connect-timeout}/{@code ssl.bundle}, the
 * {@link GlmHttpClientCustomizer} beans, {@link ObservationRegistry},
 * {@link ChatModelObservationConvention}, {@link ToolCallingManager} and
 * {@link RetryTemplate} ({@code spring.ai.retry.*}).
 *
 * @author glm-spring-ai
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass({ GlmApi.class, GlmChatModel.class, WebClient.class })
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = GlmChatAutoConfiguration.MODEL_NAME,
		matchIfMissing = true)
@ConditionalOnBooleanProperty(name = GlmChatProperties.CONFIG_PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties({ GlmConnectionProperties.class, GlmChatProperties.class })
public class GlmChatAutoConfiguration {

	/** The value of {@code spring.ai.model.chat} that selects this provider. */
	public static final String MODEL_NAME = "glm";

	/**
	 * The protocol client, closed (its connection pool released) with the context. Lazy:
	 * an application that defines its own {@link GlmChatModel} needs no key here.
	 * @param properties the connection properties
	 * @param webClientBuilder the application's {@link WebClient.Builder}, if any
	 * @param environment the environment, for the API key's environment variables and
	 * Spring Boot's {@code spring.http.clients.*}
	 * @param sslBundles Spring Boot's SSL bundles, for {@code spring.ai.glm.ssl.bundle}
	 * @param httpClientCustomizers customizers of the Reactor Netty client
	 * @return the client
	 * @throws GlmApiKeyMissingException when no API key is configured
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	@Lazy
	public GlmApi glmApi(GlmConnectionProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			Environment environment, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<GlmHttpClientCustomizer> httpClientCustomizers) {
		GlmApi.Builder builder = GlmApi.builder()
			.protocol(properties.getProtocol())
			.baseUrl(properties.getBaseUrl())
			.region(properties.getRegion())
			.completionsPath(properties.getCompletionsPath())
			.apiKey(resolveApiKey(properties.getApiKey(), properties.getProtocol(), environment))
			.workspace(properties.getWorkspace())
			.firstTokenTimeout(properties.getFirstTokenTimeout())
			.idleTimeout(properties.getIdleTimeout())
			.maxConnections(properties.getMaxConnections())
			.pendingAcquireTimeout(properties.getPendingAcquireTimeout())
			.poolMaxIdleTime(properties.getPoolMaxIdleTime())
			.allowInsecureHttp(properties.isAllowInsecureHttp());
		new GlmHttpClientConfigurer(properties, environment, sslBundles, httpClientCustomizers).configure(builder);
		WebClient.Builder applicationBuilder = webClientBuilder.getIfUnique();
		if (applicationBuilder != null) {
			builder.webClientBuilder(applicationBuilder);
		}
		return builder.build();
	}

	/**
	 * The chat model, with the {@code spring.ai.glm.chat.*} default options.
	 * @param glmApi the protocol client
	 * @param chatProperties the default options
	 * @param toolCallingManager resolves tool definitions
	 * @param retryTemplate retry policy ({@code spring.ai.retry.*})
	 * @param observationRegistry the observation registry
	 * @param observationConvention a custom observation convention
	 * @param limiter the request limiter, when {@code spring.ai.glm.limits.*} sets a
	 * limit
	 * @return the chat model
	 */
	@Bean
	@ConditionalOnMissingBean
	public GlmChatModel glmChatModel(GlmApi glmApi, GlmConnectionProperties connectionProperties,
			GlmChatProperties chatProperties, ObjectProvider<ToolCallingManager> toolCallingManager,
			ObjectProvider<RetryTemplate> retryTemplate, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> observationConvention,
			ObjectProvider<GlmRequestLimiter> limiter) {
		GlmRequestLimiter requestLimiter = limiter.getIfUnique();
		return GlmChatModel.builder()
			.api((requestLimiter != null) ? requestLimiter.limit(glmApi) : glmApi)
			.options(chatProperties.toOptions())
			.toolCallingManager(toolCallingManager.getIfUnique(() -> ToolCallingManager.builder().build()))
			.retryTemplate(retryTemplate.getIfUnique(() -> RetryUtils.DEFAULT_RETRY_TEMPLATE))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfUnique())
			.firstTokenDeadline(connectionProperties.getFirstTokenDeadline())
			.build();
	}

	/**
	 * The API key: {@code spring.ai.glm.api-key}, else the protocol's environment
	 * variables in order ({@code DASHSCOPE_API_KEY} on Bailian; {@code ZHIPUAI_API_KEY},
	 * then {@code ZAI_API_KEY} on Zhipu's platforms), without surrounding white space.
	 */
	static String resolveApiKey(@Nullable String configured, GlmProtocol protocol, Environment environment) {
		if (configured != null && !configured.isBlank()) {
			return configured.strip();
		}
		for (String variable : protocol.wireProtocol().getApiKeyVariables()) {
			String apiKey = environment.getProperty(variable);
			if (apiKey != null && !apiKey.isBlank()) {
				return apiKey.strip();
			}
		}
		throw new GlmApiKeyMissingException(protocol);
	}

}
