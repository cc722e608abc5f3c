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

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.glmspringai.api.GlmTransientException;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.test.RecordedGlmStreams;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import reactor.core.Disposable;

import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.retry.autoconfigure.SpringAiRetryAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recorded Bailian SSE streams (reference {@code bailian-api.md} §3.2 and §4.2) and the
 * context runner shared by the auto-configuration tests.
 *
 * @author glm-spring-ai
 */
final class GlmTestFrames {

	/** Path of the OpenAI-compatible endpoint. */
	static final String COMPATIBLE_PATH = "/compatible-mode/v1/chat/completions";

	/** Path of the native DashScope endpoint. */
	static final String DASHSCOPE_PATH = "/api/v1/services/aigc/text-generation/generation";

	/**
	 * The OpenAI-compatible stream: reasoning "The user", answer "我是", usage 10/360/370.
	 */
	static final String COMPATIBLE_STREAM = RecordedGlmStreams.compatible();

	/** The native DashScope stream: reasoning "Okay,", answer "!", usage 11/138/149. */
	static final String DASHSCOPE_STREAM = RecordedGlmStreams.dashscope();

	/** Request id of {@link #DASHSCOPE_STREAM}. */
	static final String DASHSCOPE_REQUEST_ID = "2ce91085-3602-9c32-9c8b-fe3d583a2c38";

	/** Native 401 body. */
	static final String DASHSCOPE_INVALID_KEY = """
			{"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"01415ff3-53f4-989d-83c0-3eb61fa1418e"}""";

	/** Compatible 401 body. */
	static final String COMPATIBLE_INVALID_KEY = """
			{"error":{"code":"invalid_api_key","param":null,"message":"Incorrect API key provided.","type":"invalid_request_error"},"request_id":"7ed765de-de61-9a89-87f2-da9f2e39f825"}""";

	/** Compatible 429 body. */
	static final String COMPATIBLE_THROTTLED = """
			{"error":{"code":"limit_requests","param":null,"message":"You exceeded your current requests list.","type":"limit_requests"},"request_id":"8eeb3d9a-ae59-92bb-8009-d503683b0801"}""";

	/** A test key (never a real one). */
	static final String API_KEY = "sk-test-0123456789";

	private GlmTestFrames() {
	}

	static MockResponse sse(String body) {
		return new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "text/event-stream;charset=UTF-8")
			.body(body)
			.build();
	}

	static MockResponse compatibleStream() {
		return sse(COMPATIBLE_STREAM);
	}

	static MockResponse dashscopeStream() {
		return sse(DASHSCOPE_STREAM);
	}

	/**
	 * A compatible stream whose body starts after ten seconds, holding its pooled
	 * connection meanwhile.
	 * @return the response
	 */
	static MockResponse heldCompatibleStream() {
		return new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "text/event-stream")
			.body(COMPATIBLE_STREAM)
			.bodyDelay(10, TimeUnit.SECONDS)
			.build();
	}

	/**
	 * With {@code max-connections=1}: while a first stream holds the one connection, a
	 * second call fails on the pending-acquire timeout.
	 * @param context the context, with its {@link GlmChatModel}
	 * @param server the server answering with {@link #heldCompatibleStream()}
	 * @throws InterruptedException if interrupted waiting for the first request
	 */
	static void assertSecondCallWaitsForThePool(ApplicationContext context, MockWebServer server)
			throws InterruptedException {
		GlmChatModel model = context.getBean(GlmChatModel.class);
		Disposable first = model.stream(new Prompt("first")).subscribe((response) -> {
		}, (error) -> {
		});
		try {
			assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
			assertThatThrownBy(() -> model.call(new Prompt("second"))).isInstanceOf(GlmTransientException.class)
				.hasStackTraceContaining("Pool#acquire");
		}
		finally {
			first.dispose();
		}
	}

	static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	/**
	 * A runner with the GLM auto-configuration and the Spring AI and Boot
	 * auto-configurations the starter brings, without the process environment (so a
	 * {@code DASHSCOPE_API_KEY} of the machine running the tests cannot leak in).
	 * @return the runner
	 */
	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(GlmChatAutoConfiguration.class, ToolCallingAutoConfiguration.class,
					SpringAiRetryAutoConfiguration.class, WebClientAutoConfiguration.class))
			.withInitializer((context) -> {
				MutablePropertySources sources = context.getEnvironment().getPropertySources();
				sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
				sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
			});
	}

	/**
	 * A runner whose process environment holds only the given variables.
	 * @param variables the environment variables
	 * @return the runner
	 */
	static ApplicationContextRunner runnerWithEnvironment(Map<String, Object> variables) {
		return runner().withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables)));
	}

	/**
	 * Properties pointing the client at a mock server with a test key.
	 * @param port the server port
	 * @return the properties
	 */
	static String[] mockServer(int port) {
		return new String[] { "spring.ai.glm.api-key=" + API_KEY, "spring.ai.glm.base-url=http://localhost:" + port };
	}

}
