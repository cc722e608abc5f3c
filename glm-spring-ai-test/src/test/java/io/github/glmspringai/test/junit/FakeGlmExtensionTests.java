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

package io.github.glmspringai.test.junit;

import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.test.FakeGlmService;
import io.github.glmspringai.test.Turn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakeGlm} runs one service per test class, injects it everywhere a test asks for
 * it, and resets it before each test.
 *
 * @author glm-spring-ai
 */
@FakeGlm(apiKey = "sk-extension-test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeGlmExtensionTests {

	private static FakeGlmService classService;

	private static FakeGlmService fromBeforeAll;

	private static int firstPort;

	private FakeGlmService service;

	@BeforeAll
	static void receivesTheServiceAsAParameter(FakeGlmService glm) {
		fromBeforeAll = glm;
	}

	@Test
	@Order(1)
	void injectsOneServiceIntoStaticAndInstanceFieldsAndParameters(FakeGlmService parameter) {
		assertThat(parameter).isSameAs(classService).isSameAs(this.service).isSameAs(fromBeforeAll);
		assertThat(parameter.apiKey()).isEqualTo("sk-extension-test");
		parameter.enqueue(Turn.answer("好"));

		String answer = parameter.chatModel(GlmProtocol.OPENAI_COMPATIBLE)
			.call(new Prompt("q"))
			.getResult()
			.getOutput()
			.getText();

		assertThat(answer).isEqualTo("好");
		assertThat(parameter.requestCount()).isEqualTo(1);
		firstPort = parameter.port();
		parameter.enqueue(Turn.answer("left for the next test"));
	}

	@Test
	@Order(2)
	void resetsTheSameServiceBeforeEachTest() {
		assertThat(this.service.port()).isEqualTo(firstPort);
		assertThat(this.service.requestCount()).isZero();
		assertThat(this.service.pendingTurns()).isZero();
		assertThat(this.service.completedStreams()).isZero();
	}

	@Nested
	class NestedTests {

		private FakeGlmService nested;

		@Test
		void shareTheEnclosingClassesService() {
			assertThat(this.nested).isSameAs(classService).isSameAs(FakeGlmExtensionTests.this.service);
		}

	}

}
