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

import java.io.IOException;
import java.util.List;

import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmReasoning;
import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with the starter's dependencies and {@code application.yml},
 * talking to a mock Bailian: {@code ChatClient.Builder} is injectable, and
 * {@code stream()} and {@code call()} work on the protocol a subclass selects.
 *
 * @author glm-spring-ai
 */
@SpringBootTest(classes = GlmTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
abstract class AbstractGlmStarterTests {

	private static MockWebServer server;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private ChatModel chatModel;

	@Autowired
	private MeterRegistry meterRegistry;

	@BeforeAll
	static void startServer() throws IOException {
		server = new MockWebServer();
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@DynamicPropertySource
	static void serverPort(DynamicPropertyRegistry registry) {
		registry.add("glm.test.port", () -> server.getPort());
	}

	/**
	 * The recorded stream of the protocol under test.
	 * @return the response
	 */
	abstract MockResponse stream();

	/**
	 * The path of the protocol under test.
	 * @return the path
	 */
	abstract String path();

	/**
	 * The answer text of {@link #stream()}.
	 * @return the answer
	 */
	abstract String answer();

	/**
	 * The reasoning of {@link #stream()}.
	 * @return the reasoning
	 */
	abstract String reasoning();

	/**
	 * Check what is specific to the protocol in the request.
	 * @param request the request
	 */
	abstract void assertProtocolSpecifics(RecordedRequest request);

	@Test
	void chatModelIsTheGlmChatModel() {
		assertThat(this.chatModel).isInstanceOf(GlmChatModel.class);
	}

	@Test
	void chatClientStreams() throws InterruptedException {
		server.enqueue(stream());
		List<String> chunks = this.chatClientBuilder.build()
			.prompt()
			.user("Who are you?")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(chunks).isNotNull();
		assertThat(String.join("", chunks)).isEqualTo(answer());
		assertRequest(server.takeRequest());
	}

	@Test
	void chatClientCalls() throws InterruptedException {
		server.enqueue(stream());
		ChatResponse response = this.chatClientBuilder.build().prompt().user("Who are you?").call().chatResponse();
		assertThat(response).isNotNull();
		assertThat(response.getResult().getOutput().getText()).isEqualTo(answer());
		assertThat(GlmReasoning.content(response)).isEqualTo(reasoning());
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertRequest(server.takeRequest());
		await().untilAsserted(() -> {
			assertThat(this.meterRegistry.find("gen_ai.client.operation").tag("gen_ai.system", "dashscope").timer())
				.isNotNull();
			assertThat(this.meterRegistry.find("gen_ai.client.token.usage")
				.tag("gen_ai.system", "dashscope")
				.tag("gen_ai.token.type", "output")
				.counter()).isNotNull();
		});
	}

	private void assertRequest(RecordedRequest request) {
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo(path());
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-starter-test");
		assertThat(request.getHeaders().get("Accept")).contains("text/event-stream");
		assertThat(request.getHeaders().get("X-DashScope-WorkSpace")).isEqualTo("ws-starter");
		assertThat(request.getHeaders().get("X-Trace-Tag")).isEqualTo("starter");
		String body = request.getBody().utf8();
		assertThat(body).contains("\"model\":\"glm-4.6\"")
			.contains("\"enable_thinking\":true")
			.contains("\"thinking_budget\":1024")
			.contains("Who are you?")
			.contains("\"custom_flag\":true")
			.contains("\"custom_count\":3")
			.contains("\"custom_name\":\"x\"")
			.contains("\"custom_nested\":{\"inner_flag\":false}");
		assertProtocolSpecifics(request);
	}

}
