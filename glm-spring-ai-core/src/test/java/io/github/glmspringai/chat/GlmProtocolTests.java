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

package io.github.glmspringai.chat;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmWireProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlmProtocolTests {

	@Test
	void protocolValuesBindFromConfigurationSpelling() {
		assertThat(GlmProtocol.from("openai-compatible")).isEqualTo(GlmProtocol.OPENAI_COMPATIBLE);
		assertThat(GlmProtocol.from("DASHSCOPE")).isEqualTo(GlmProtocol.DASHSCOPE);
		assertThatThrownBy(() -> GlmProtocol.from("bigmodel")).hasMessageContaining("openai-compatible, dashscope");
	}

	@ParameterizedTest
	@EnumSource(GlmProtocol.class)
	void eachProtocolSelectsItsWireProtocolInTheApiBuilder(GlmProtocol protocol) {
		try (GlmApi api = GlmApi.builder().apiKey("sk-test").protocol(protocol).build()) {
			assertThat(api.getProtocol()).isSameAs(protocol);
			assertThat(api.getProtocol().wireProtocol().getValue()).isEqualTo(protocol.getValue());
		}
	}

	@Test
	void everyWireProtocolHasAProtocol() {
		for (GlmWireProtocol wire : GlmWireProtocol.values()) {
			assertThat(GlmProtocol.of(wire).wireProtocol()).isSameAs(wire);
		}
	}

}
