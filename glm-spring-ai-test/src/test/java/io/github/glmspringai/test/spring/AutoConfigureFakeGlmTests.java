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

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import io.github.glmspringai.test.FakeGlmService;
import io.github.glmspringai.test.Turn;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AutoConfigureFakeGlm} in a Spring test: the service is a bean, the
 * {@code spring.ai.glm.*} properties point at it, it is reset before each test and
 * stopped with the context. (The starter against it:
 * {@code glm-spring-ai-autoconfigure}'s {@code AbstractGlmStarterTests}.)
 *
 * @author glm-spring-ai
 */
@SpringJUnitConfig(AutoConfigureFakeGlmTests.Config.class)
@AutoConfigureFakeGlm(protocol = "DASHSCOPE", apiKey = "sk-spring-test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureFakeGlmTests {

	@Autowired
	private FakeGlmService glm;

	@Autowired
	private Environment environment;

	@Test
	@Order(1)
	void theServiceIsABeanAndTheStarterPropertiesPointAtIt() {
		assertThat(this.environment.getProperty("spring.ai.glm.base-url")).isEqualTo(this.glm.baseUrl());
		assertThat(this.environment.getProperty("spring.ai.glm.api-key")).isEqualTo("sk-spring-test");
		assertThat(this.environment.getProperty("spring.ai.glm.protocol")).isEqualTo("dashscope");
		assertThat(this.glm.apiKey()).isEqualTo("sk-spring-test");
		this.glm.enqueue(Turn.answer("left for the next test"));
	}

	@Test
	@Order(2)
	void theServiceIsResetBeforeEachTest() {
		assertThat(this.glm.pendingTurns()).isZero();
	}

	@Test
	void equalSettingsShareACachedContextAndAbsentSettingsAddNothing() {
		FakeGlmContextCustomizerFactory factory = new FakeGlmContextCustomizerFactory();
		assertThat(factory.createContextCustomizer(AutoConfigureFakeGlmTests.class, List.of()))
			.isEqualTo(factory.createContextCustomizer(SameSettings.class, List.of()))
			.isNotEqualTo(factory.createContextCustomizer(DefaultSettings.class, List.of()));
		assertThat(factory.createContextCustomizer(Config.class, List.of())).isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> factory.createContextCustomizer(UnknownProtocol.class, List.of()))
			.withMessageContaining("protocol must be one of");
	}

	@Test
	void defaultSettingsLeaveTheProtocolAsConfiguredAndTheServiceStopsWithTheContext() throws IOException {
		FakeGlmContextCustomizer customizer = (FakeGlmContextCustomizer) new FakeGlmContextCustomizerFactory()
			.createContextCustomizer(DefaultSettings.class, List.of());
		GenericApplicationContext context = new GenericApplicationContext();
		customizer.customizeContext(context, new MergedContextConfiguration(DefaultSettings.class, new String[0],
				new Class<?>[0], new String[0], null));
		context.refresh();
		FakeGlmService service = context.getBean(AutoConfigureFakeGlm.BEAN_NAME, FakeGlmService.class);
		assertThat(context.getEnvironment().getProperty("spring.ai.glm.protocol")).isNull();
		assertThat(context.getEnvironment().getProperty("spring.ai.glm.api-key"))
			.isEqualTo(FakeGlmService.DEFAULT_API_KEY);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", service.port()), 1000);
		}

		context.close();

		assertThatThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", service.port()), 1000);
			}
		}).isInstanceOf(ConnectException.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

	@AutoConfigureFakeGlm(protocol = "dashscope", apiKey = "sk-spring-test")
	static class SameSettings {

	}

	@AutoConfigureFakeGlm
	static class DefaultSettings {

	}

	@AutoConfigureFakeGlm(protocol = "grpc")
	static class UnknownProtocol {

	}

}
