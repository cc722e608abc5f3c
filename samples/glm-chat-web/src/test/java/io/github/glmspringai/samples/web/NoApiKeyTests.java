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

package io.github.glmspringai.samples.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import io.github.glmspringai.chat.GlmChatModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Without a key and without the offline profile the application still starts, has no GLM
 * model, and explains how to set a key or run offline.
 *
 * @author glm-spring-ai
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.ai.glm.api-key=")
class NoApiKeyTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@BeforeAll
	static void noKeyInTheEnvironment() {
		assumeTrue(System.getenv("DASHSCOPE_API_KEY") == null, "DASHSCOPE_API_KEY is set in this environment");
	}

	@Test
	void thePageExplainsHowToSetAKeyOrRunOffline() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		Map<String, Object> status = client.get()
			.uri("/api/status")
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block();
		assertThat(status).containsEntry("mode", "no-key");
		assertThat(status.get("help").toString()).contains("export DASHSCOPE_API_KEY=sk-...")
			.contains("./mvnw -q -pl samples/glm-chat-web spring-boot:run -Dspring-boot.run.profiles=offline")
			.contains(
					"java -jar samples/glm-chat-web/target/glm-chat-web-0.1.0-SNAPSHOT.jar --spring.profiles.active=offline");
		assertThat(client.get().uri("/").retrieve().bodyToMono(String.class).block()).contains("GLM chat")
			.contains("id=\"banner\"");
		assertThat(this.context.getBeanNamesForType(GlmChatModel.class)).isEmpty();

		List<ServerSentEvent<Map<String, Object>>> events = client.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("question", "你是谁"))
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.collectList()
			.block();
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("error");
			assertThat(event.data().get("message").toString()).startsWith("No API key is configured");
		});
	}

}
