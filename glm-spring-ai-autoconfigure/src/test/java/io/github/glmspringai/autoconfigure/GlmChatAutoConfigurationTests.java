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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmTransientException;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmChatOptions;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * Activation, API key resolution, user-supplied beans and the effect of the connection
 * settings of {@link GlmChatAutoConfiguration}.
 *
 * @author glm-spring-ai
 */
class GlmChatAutoConfigurationTests {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void activeByDefault() {
		GlmTestFrames.runner().withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY).run((context) -> {
			assertThat(context).hasSingleBean(GlmApi.class)
				.hasSingleBean(GlmChatModel.class)
				.hasSingleBean(GlmConnectionProperties.class)
				.hasSingleBean(GlmChatProperties.class);
			assertThat(context.getBean(ChatModel.class)).isInstanceOf(GlmChatModel.class);
			assertThat(context.getBean(GlmChatModel.class).getApi()).isSameAs(context.getBean(GlmApi.class));
		});
	}

	@Test
	void selectedBySpringAiModelChat() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY, "spring.ai.model.chat=glm")
			.run((context) -> assertThat(context).hasSingleBean(GlmChatModel.class).hasSingleBean(GlmApi.class));
	}

	@Test
	void anotherProviderSelectedBySpringAiModelChat() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.model.chat=other")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(GlmChatModel.class)
				.doesNotHaveBean(GlmApi.class)
				.doesNotHaveBean(GlmChatProperties.class)
				.doesNotHaveBean(GlmConnectionProperties.class));
	}

	@Test
	void disabledByProperty() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.chat.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(GlmChatModel.class)
				.doesNotHaveBean(GlmApi.class)
				.doesNotHaveBean(GlmChatProperties.class)
				.doesNotHaveBean(GlmConnectionProperties.class));
	}

	@Test
	void missingApiKeyFailsStartupNamingThePropertyAndTheEnvironmentVariable() {
		GlmTestFrames.runner().run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(GlmApiKeyMissingException.class)
				.hasMessageContaining("spring.ai.glm.api-key")
				.hasMessageContaining("DASHSCOPE_API_KEY");
			FailureAnalysis analysis = new GlmApiKeyMissingFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("spring.ai.glm.api-key").contains("DASHSCOPE_API_KEY");
			assertThat(analysis.getAction()).contains("spring.ai.glm.api-key")
				.contains("DASHSCOPE_API_KEY")
				.contains("spring.ai.glm.chat.enabled=false");
		});
	}

	@Test
	void blankApiKeyAndBlankEnvironmentVariableAreMissing() {
		GlmTestFrames.runnerWithEnvironment(Map.of("DASHSCOPE_API_KEY", " "))
			.withPropertyValues("spring.ai.glm.api-key=")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(GlmApiKeyMissingException.class));
	}

	@Test
	void apiKeyFallsBackToTheEnvironmentVariable() throws Exception {
		this.server.enqueue(GlmTestFrames.compatibleStream());
		GlmTestFrames.runnerWithEnvironment(Map.of("DASHSCOPE_API_KEY", "sk-from-env\n"))
			.withPropertyValues("spring.ai.glm.base-url=http://localhost:" + this.server.getPort())
			.run((context) -> context.getBean(GlmChatModel.class).call(new Prompt("hi")));
		assertThat(this.server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sk-from-env");
	}

	@Test
	void apiKeyPropertyWinsOverTheEnvironmentVariable() throws Exception {
		this.server.enqueue(GlmTestFrames.compatibleStream());
		GlmTestFrames.runnerWithEnvironment(Map.of("DASHSCOPE_API_KEY", "sk-from-env"))
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.run((context) -> context.getBean(GlmChatModel.class).call(new Prompt("hi")));
		assertThat(this.server.takeRequest().getHeaders().get("Authorization"))
			.isEqualTo("Bearer " + GlmTestFrames.API_KEY);
	}

	@Test
	void malformedApiKeyFailsStartupWithoutPrintingIt() {
		GlmTestFrames.runnerWithEnvironment(Map.of("DASHSCOPE_API_KEY", "sk-secret\r\nX-Injected: yes"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("apiKey")
					.hasStackTraceContaining("not printed");
				assertThat(stackTrace(context.getStartupFailure())).doesNotContain("sk-secret");
			});
	}

	@Test
	void outOfRangeDefaultOptionsFailStartupNamingTheOption() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY, "spring.ai.glm.chat.temperature=2.5")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("temperature must be in [0.0, 2.0) but was 2.5"));
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY,
					"spring.ai.glm.chat.model=glm-4.5-air", "spring.ai.glm.chat.max-tokens=20000")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("maxTokens must be in [1, 16384] for glm-4.5-air"));
	}

	@Test
	void plainHttpToARemoteHostIsRefusedUnlessAllowed() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY,
					"spring.ai.glm.base-url=http://glm.example.com")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("spring.ai.glm.allow-insecure-http"));
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY,
					"spring.ai.glm.base-url=http://glm.example.com", "spring.ai.glm.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasSingleBean(GlmChatModel.class));
	}

	@Test
	void glmApiIsClosedWithTheContext() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY)
			.run((context) -> assertThat(context.getBeanFactory().getBeanDefinition("glmApi").getDestroyMethodName())
				.isEqualTo("close"));
	}

	@Test
	void userGlmApiWins() {
		GlmTestFrames.runner().withUserConfiguration(UserApiConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(GlmApi.class);
			assertThat(context.getBean(GlmChatModel.class).getApi())
				.isSameAs(context.getBean(UserApiConfiguration.class).api);
		});
	}

	@Test
	void userChatModelNeedsNoKeyOfOurs() {
		GlmTestFrames.runner().withUserConfiguration(UserChatModelConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(GlmChatModel.class).getOptions().getModel()).isEqualTo("glm-4.5");
		});
	}

	@Test
	void userChatModelWins() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY)
			.withUserConfiguration(UserChatModelConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(GlmChatModel.class);
				assertThat(context.getBean(GlmChatModel.class).getOptions().getModel()).isEqualTo("glm-4.5");
			});
	}

	@Test
	void userWebClientBuilderIsHonouredAndNotModified() throws Exception {
		this.server.enqueue(GlmTestFrames.compatibleStream());
		WebClient.Builder userBuilder = spy(WebClient.builder().defaultHeader("X-App", "demo"));
		GlmTestFrames.runner()
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.withBean(WebClient.Builder.class, () -> userBuilder)
			.run((context) -> context.getBean(GlmChatModel.class).call(new Prompt("hi")));
		assertThat(this.server.takeRequest().getHeaders().get("X-App")).isEqualTo("demo");
		verify(userBuilder).clone();
		verifyNoMoreInteractions(userBuilder);
	}

	@Test
	void userToolCallingManagerIsUsed() throws Exception {
		this.server.enqueue(GlmTestFrames.compatibleStream());
		ToolCallingManager manager = mock(ToolCallingManager.class);
		given(manager.resolveToolDefinitions(any())).willReturn(List.of(ToolDefinition.builder()
			.name("weather")
			.description("Current weather")
			.inputSchema("{\"type\":\"object\",\"properties\":{}}")
			.build()));
		GlmTestFrames.runner()
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.withBean(ToolCallingManager.class, () -> manager)
			.run((context) -> context.getBean(GlmChatModel.class)
				.call(new Prompt("weather?",
						GlmChatOptions.builder().model("glm-4.6").toolCallbacks(mock(ToolCallback.class)).build())));
		assertThat(this.server.takeRequest().getBody().utf8()).contains("\"tools\"").contains("\"weather\"");
		verify(manager).resolveToolDefinitions(any());
	}

	@Test
	void firstTokenTimeoutActs() {
		assertTimesOutNaming("spring.ai.glm.first-token-timeout",
				new MockResponse.Builder().code(200)
					.setHeader("Content-Type", "text/event-stream")
					.body(GlmTestFrames.COMPATIBLE_STREAM)
					.bodyDelay(10, TimeUnit.SECONDS)
					.build());
	}

	@Test
	void idleTimeoutActs() {
		int firstEvent = GlmTestFrames.COMPATIBLE_STREAM.indexOf("\n\n") + 2;
		assertTimesOutNaming("spring.ai.glm.idle-timeout",
				new MockResponse.Builder().code(200)
					.setHeader("Content-Type", "text/event-stream")
					.body(GlmTestFrames.COMPATIBLE_STREAM)
					.throttleBody(firstEvent, 10, TimeUnit.SECONDS)
					.build());
	}

	/** With the property set to 300ms, the stalled response fails fast naming it. */
	private void assertTimesOutNaming(String property, MockResponse response) {
		this.server.enqueue(response);
		GlmTestFrames.runner()
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.withPropertyValues(property + "=300ms")
			.withUserConfiguration(NoRetryConfiguration.class)
			.run((context) -> {
				long start = System.nanoTime();
				assertThatThrownBy(() -> context.getBean(GlmChatModel.class).call(new Prompt("hi")))
					.isInstanceOf(GlmTransientException.class)
					.hasMessageContaining(property);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			});
	}

	@Test
	void connectionPoolLimitAndPendingAcquireTimeoutAct() {
		this.server.enqueue(GlmTestFrames.heldCompatibleStream());
		GlmTestFrames.runner()
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.withPropertyValues("spring.ai.glm.max-connections=1", "spring.ai.glm.pending-acquire-timeout=300ms")
			.withUserConfiguration(NoRetryConfiguration.class)
			.run((context) -> GlmTestFrames.assertSecondCallWaitsForThePool(context, this.server));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	private static String stackTrace(Throwable throwable) {
		StringWriter out = new StringWriter();
		throwable.printStackTrace(new PrintWriter(out));
		return out.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserApiConfiguration {

		final GlmApi api = GlmApi.builder().apiKey("sk-user").build();

		@Bean
		GlmApi userGlmApi() {
			return this.api;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserChatModelConfiguration {

		@Bean
		GlmChatModel userChatModel() {
			return GlmChatModel.builder()
				.api(GlmApi.builder().apiKey("sk-user").build())
				.options(GlmChatOptions.builder().model("glm-4.5").build())
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoRetryConfiguration {

		@Bean
		RetryTemplate noRetry() {
			return new RetryTemplate(RetryPolicy.builder().maxRetries(0).build());
		}

	}

}
