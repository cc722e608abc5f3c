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

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.github.glmspringai.chat.GlmChatModel;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key and the proxy password stay out of the actuator's {@code env} and
 * {@code configprops} endpoints with {@code show-values=always}, and the key out of every
 * log line with request-details logging at TRACE (issue 11, item 14).
 *
 * @author glm-spring-ai
 */
class GlmSecretsTests {

	private static final String PROXY_PASSWORD = "proxy-secret-42";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void secretsAreMaskedInEnvAndConfigpropsWithShowValuesAlways() {
		actuatorRunner()
			.withPropertyValues("spring.ai.glm.proxy.host=proxy.corp", "spring.ai.glm.proxy.port=3128",
					"spring.ai.glm.proxy.username=corp", "spring.ai.glm.proxy.password=" + PROXY_PASSWORD)
			.run((context) -> {
				String env = JSON.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				assertThat(env).contains("ws-visible", "proxy.corp", "******")
					.doesNotContain(GlmTestFrames.API_KEY)
					.doesNotContain(PROXY_PASSWORD);
				assertThat(JSON.writeValueAsString(
						context.getBean(EnvironmentEndpoint.class).environmentEntry("spring.ai.glm.api-key")))
					.contains("******")
					.doesNotContain(GlmTestFrames.API_KEY);

				String configprops = JSON.writeValueAsString(
						context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
				assertThat(configprops).contains("ws-visible", "proxy.corp", "******")
					.doesNotContain(GlmTestFrames.API_KEY)
					.doesNotContain(PROXY_PASSWORD);
			});
	}

	@Test
	void keyFromTheEnvironmentVariableAndOnTheCommandLineIsMasked() {
		actuatorRunner()
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("systemEnvironment",
						Map.of("DASHSCOPE_API_KEY", "sk-from-the-environment-1", "SPRING_AI_GLM_PROXY_PASSWORD",
								"proxy-from-the-environment"))))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("systemProperties",
						Map.of("sun.java.command",
								"app.jar --spring.ai.glm.api-key=" + GlmTestFrames.API_KEY + " --server.port=8080"))))
			.run((context) -> {
				String env = JSON.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				assertThat(env).contains("sun.java.command", "DASHSCOPE_API_KEY", "******")
					.doesNotContain(GlmTestFrames.API_KEY)
					.doesNotContain("sk-from-the-environment-1")
					.doesNotContain("proxy-from-the-environment");
			});
	}

	/**
	 * With {@code spring.http.codecs.log-request-details=true} WebClient logs request
	 * headers at TRACE: the key is a header of our Reactor Netty client, below it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope" })
	void keyIsNeverLoggedWithRequestDetailsAtTrace(String protocol) throws Exception {
		this.server.enqueue(stream(protocol));
		this.server.enqueue(stream(protocol));
		try (LogCapture log = LogCapture.of(Level.TRACE, "org.springframework", "reactor", "io.netty",
				"io.github.glmspringai")) {
			GlmTestFrames.runner()
				.withConfiguration(AutoConfigurations.of(CodecsAutoConfiguration.class))
				.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
				.withPropertyValues("spring.ai.glm.protocol=" + protocol, "spring.http.codecs.log-request-details=true")
				.run((context) -> {
					GlmChatModel model = context.getBean(GlmChatModel.class);
					assertThat(model.call(new Prompt("hi")).getResult().getOutput().getText())
						.isEqualTo(answer(protocol));
					List<ChatResponse> chunks = model.stream(new Prompt("hi")).collectList().block();
					assertThat(chunks).isNotEmpty();
				});
			assertThat(log.lines()).as("request headers are logged at TRACE")
				.anyMatch((line) -> line.contains("ExchangeFunctions") && line.contains("headers=[")
						&& line.contains("Accept:\"text/event-stream\""));
			assertThat(log.lines()).as("log lines containing the key")
				.noneMatch((line) -> line.contains(GlmTestFrames.API_KEY));
		}
		assertThat(this.server.takeRequest().getHeaders().get("Authorization"))
			.isEqualTo("Bearer " + GlmTestFrames.API_KEY);
	}

	private ApplicationContextRunner actuatorRunner() {
		return GlmTestFrames.runner()
			.withConfiguration(AutoConfigurations.of(GlmSanitizingAutoConfiguration.class,
					EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class))
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.withPropertyValues("spring.ai.glm.workspace=ws-visible", "management.endpoints.web.exposure.include=*",
					"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always");
	}

	private static MockResponse stream(String protocol) {
		return protocol.equals("dashscope") ? GlmTestFrames.dashscopeStream() : GlmTestFrames.compatibleStream();
	}

	private static String answer(String protocol) {
		return protocol.equals("dashscope") ? "!" : "我是";
	}

}
