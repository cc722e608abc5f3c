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

package io.github.glmspringai.api;

import java.io.IOException;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class GlmRuntimeHintsTests {

	@Test
	void everyWireRecordOfBothProtocolsIsRegistered() {
		RuntimeHints hints = new RuntimeHints();
		new GlmRuntimeHints().registerHints(hints, null);
		for (Class<?> type : GlmRuntimeHints.WIRE_TYPES) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).accepts(hints);
		}
		assertThat(GlmRuntimeHints.WIRE_TYPES).contains(OpenAiCompatibleGlmApi.Chunk.class,
				DashScopeGlmApi.Frame.class);
	}

	@Test
	void registrarIsDeclaredForSpringAot() throws IOException {
		Properties factories = new Properties();
		factories.load(new ClassPathResource("META-INF/spring/aot.factories").getInputStream());
		assertThat(factories.getProperty("org.springframework.aot.hint.RuntimeHintsRegistrar"))
			.isEqualTo(GlmRuntimeHints.class.getName());
	}

}
