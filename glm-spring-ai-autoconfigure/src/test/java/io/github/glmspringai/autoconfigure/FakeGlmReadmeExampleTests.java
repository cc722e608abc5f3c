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

import io.github.glmspringai.test.FakeGlmService;
import io.github.glmspringai.test.Turn;
import io.github.glmspringai.test.spring.AutoConfigureFakeGlm;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Boot test example ("Testing your application"): a Boot application
 * with the starter, pointed at the fake GLM service by {@link AutoConfigureFakeGlm}.
 *
 * @author glm-spring-ai
 */
@SpringBootTest(classes = GlmTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureFakeGlm(protocol = "openai-compatible")
class FakeGlmReadmeExampleTests {

	@Autowired
	ChatClient.Builder chatClient;

	@Autowired
	FakeGlmService glm;

	@Test
	void answersAndSendsTheQuestion() {
		this.glm.enqueue(Turn.answer("Hello", "!"));

		String answer = this.chatClient.build().prompt("Hi").call().content();

		assertThat(answer).isEqualTo("Hello!");
		assertThat(this.glm.takeRequest().json().at("/messages/0/content").asString()).isEqualTo("Hi");
	}

	@Test
	void theServiceIsResetBeforeEachTestAndItsKeyReplacesTheApplicationsKey() {
		assertThat(this.glm.requestCount()).isZero();
		this.glm.enqueue(Turn.answer("Hi"));

		assertThat(this.chatClient.build().prompt("Hi").call().content()).isEqualTo("Hi");

		assertThat(this.glm.takeRequest().header("Authorization"))
			.isEqualTo("Bearer " + FakeGlmService.DEFAULT_API_KEY);
	}

}
