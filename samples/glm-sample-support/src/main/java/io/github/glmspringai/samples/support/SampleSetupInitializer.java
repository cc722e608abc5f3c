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

package io.github.glmspringai.samples.support;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.test.FakeGlmService;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Decides, before any bean exists, how the sample runs (registered in
 * {@code META-INF/spring.factories}, so tests get it too):
 * <ul>
 * <li>profile {@code offline}: starts the scripted {@link FakeGlmService} of
 * {@code glm-spring-ai-test} on a loopback port (bean {@value #OFFLINE_SERVICE_BEAN}) and
 * points {@code spring.ai.glm.base-url} at it with a dummy key;</li>
 * <li>a key in {@code spring.ai.glm.api-key}, or in the environment variable of the
 * protocol's platform ({@code DASHSCOPE_API_KEY} for Model Studio,
 * {@code ZHIPUAI_API_KEY} or {@code ZAI_API_KEY} for Zhipu): runs against the real
 * service;</li>
 * <li>no key: switches the GLM model off ({@code spring.ai.glm.chat.enabled=false}) so
 * the application still starts and can explain what to do, instead of failing in the
 * auto-configuration.</li>
 * </ul>
 *
 * @author glm-spring-ai
 */
public class SampleSetupInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Bean name of the offline simulation's service. */
	public static final String OFFLINE_SERVICE_BEAN = "offlineGlmService";

	/** The dummy key of the offline simulation. */
	static final String OFFLINE_API_KEY = "offline-simulation-key";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> properties = new LinkedHashMap<>();
		GlmProtocol protocol = GlmProtocol.from(environment.getProperty("spring.ai.glm.protocol", "openai-compatible"));
		SampleSetup setup;
		if (environment.acceptsProfiles(Profiles.of(SampleSetup.OFFLINE_PROFILE))) {
			Duration delay = Binder.get(environment)
				.bind("glm.offline.chunk-delay", Duration.class)
				.orElse(Duration.ofMillis(30));
			FakeGlmService server = FakeGlmService.builder().apiKey(OFFLINE_API_KEY).chunkDelay(delay).start();
			context.getBeanFactory().registerSingleton(OFFLINE_SERVICE_BEAN, server);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> server.close());
			properties.put("spring.ai.glm.base-url", server.baseUrl());
			properties.put("spring.ai.glm.api-key", server.apiKey());
			setup = new SampleSetup(SampleSetup.Mode.OFFLINE, protocol, server.baseUrl());
		}
		else if (hasKey(environment, protocol)) {
			setup = new SampleSetup(SampleSetup.Mode.LIVE, protocol, null);
		}
		else {
			properties.put("spring.ai.glm.chat.enabled", "false");
			setup = new SampleSetup(SampleSetup.Mode.NO_KEY, protocol, null);
		}
		if (!properties.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("glmSampleSetup", properties));
		}
		context.getBeanFactory().registerSingleton(SampleSetup.BEAN_NAME, setup);
	}

	private static boolean hasKey(ConfigurableEnvironment environment, GlmProtocol protocol) {
		List<String> variables = (protocol == GlmProtocol.ZHIPU) ? List.of("ZHIPUAI_API_KEY", "ZAI_API_KEY")
				: List.of("DASHSCOPE_API_KEY");
		return StringUtils.hasText(environment.getProperty("spring.ai.glm.api-key"))
				|| variables.stream().anyMatch((name) -> StringUtils.hasText(environment.getProperty(name)));
	}

}
