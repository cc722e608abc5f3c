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

package io.github.glmspringai.test.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.test.FakeGlmService;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link FakeGlmService} for an application context, registers it as a bean,
 * puts the {@code spring.ai.glm.*} properties first in the environment and stops the
 * service when the context closes. Equal settings give equal customizers, so Spring's
 * test context cache shares the context (and the service) between test classes.
 *
 * @param protocol the protocol value, empty to leave it as configured
 * @param apiKey the key
 * @param chunkDelayMillis the chunk delay
 * @author glm-spring-ai
 */
record FakeGlmContextCustomizer(String protocol, String apiKey, long chunkDelayMillis) implements ContextCustomizer {

	/** Name of the property source holding the service's properties. */
	static final String PROPERTY_SOURCE_NAME = "fakeGlmService";

	static FakeGlmContextCustomizer of(AutoConfigureFakeGlm settings) {
		String protocol = settings.protocol().isBlank() ? "" : GlmProtocol.from(settings.protocol()).getValue();
		return new FakeGlmContextCustomizer(protocol, settings.apiKey(), settings.chunkDelayMillis());
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakeGlmService service = FakeGlmService.builder()
			.apiKey(this.apiKey)
			.chunkDelay(Duration.ofMillis(this.chunkDelayMillis))
			.start();
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
			if (event.getApplicationContext() == context) {
				service.close();
			}
		});
		context.getBeanFactory().registerSingleton(AutoConfigureFakeGlm.BEAN_NAME, service);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.ai.glm.base-url", service.baseUrl());
		properties.put("spring.ai.glm.api-key", service.apiKey());
		if (!this.protocol.isEmpty()) {
			properties.put("spring.ai.glm.protocol", this.protocol);
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

}
