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

import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.chat.GlmReasoning;
import io.github.glmspringai.test.FakeGlmService;
import io.github.glmspringai.test.RecordedGlmRequest;
import io.github.glmspringai.test.Turn;
import io.github.glmspringai.test.spring.AutoConfigureFakeGlm;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with the starter's dependencies and {@code application.yml},
 * talking to the fake GLM service of {@code glm-spring-ai-test} replaying a real
 * recording: {@code ChatClient.Builder} is injectable, and {@code stream()} and
 * {@code call()} work on the protocol a subclass selects.
 *
 * @author glm-spring-ai
 */
@SpringBootTest(classes = GlmTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureFakeGlm(apiKey = "sk-starter-test")
abstract class AbstractGlmStarterTests {

	@Autowired
	private FakeGlmService glm;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private ChatModel chatModel;

	@Autowired
	private MeterRegistry meterRegistry;

	/**
	 * The recorded stream of the protocol under test.
	 * @return the turn replaying it
	 */
	abstract Turn stream();

	/**
	 * The protocol under test.
	 * @return the protocol
	 */
	abstract GlmProtocol protocol();

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
	abstract void assertProtocolSpecifics(RecordedGlmRequest request);

	@Test
	void chatModelIsTheGlmChatModel() {
		assertThat(this.chatModel).isInstanceOf(GlmChatModel.class);
	}

	@Test
	void chatClientStreams() {
		this.glm.enqueue(stream());
		List<String> chunks = this.chatClientBuilder.build()
			.prompt()
			.user("Who are you?")
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(chunks).isNotNull();
		assertThat(String.join("", chunks)).isEqualTo(answer());
		assertRequest(this.glm.takeRequest());
	}

	@Test
	void chatClientCalls() {
		this.glm.enqueue(stream());
		ChatResponse response = this.chatClientBuilder.build().prompt().user("Who are you?").call().chatResponse();
		assertThat(response).isNotNull();
		assertThat(response.getResult().getOutput().getText()).isEqualTo(answer());
		assertThat(GlmReasoning.content(response)).isEqualTo(reasoning());
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertRequest(this.glm.takeRequest());
		await().untilAsserted(() -> {
			assertThat(this.meterRegistry.find("gen_ai.client.operation").tag("gen_ai.system", "dashscope").timer())
				.isNotNull();
			assertThat(this.meterRegistry.find("gen_ai.client.token.usage")
				.tag("gen_ai.system", "dashscope")
				.tag("gen_ai.token.type", "output")
				.counter()).isNotNull();
		});
	}

	private void assertRequest(RecordedGlmRequest request) {
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.protocol()).isEqualTo(protocol());
		assertThat(request.header("Authorization")).isEqualTo("Bearer sk-starter-test");
		assertThat(request.header("Accept")).contains("text/event-stream");
		assertThat(request.header("X-DashScope-WorkSpace")).isEqualTo("ws-starter");
		assertThat(request.header("X-Trace-Tag")).isEqualTo("starter");
		String body = request.body();
		assertThat(body).contains("\"model\":\"glm-5\"")
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
