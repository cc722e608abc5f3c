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

import io.github.glmspringai.api.dashscope.DashScopeGlmApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class GlmApiBuilderTests {

	private static final String KEY = "sk-secret-0123456789";

	@ParameterizedTest
	@ValueSource(strings = { "\r\nX-Injected: 1", "\n", "\u0000", " tail", "\u00e9" })
	void headerBreakingKeysAreRejectedWithoutPrintingTheKey(String suffix) {
		Throwable thrown = catchThrowable(() -> GlmApi.builder().apiKey(KEY + suffix).build());
		assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("apiKey")
			.hasMessageNotContaining(KEY);
	}

	@Test
	void missingKeyNamesThePropertyAndTheEnvironmentVariable() {
		assertThatThrownBy(() -> GlmApi.builder().build()).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("spring.ai.glm.api-key")
			.hasMessageContaining("DASHSCOPE_API_KEY");
	}

	@Test
	void plainHttpToANonLoopbackHostIsRefusedUnlessAllowed() {
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).baseUrl("http://dashscope.aliyuncs.com").build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("spring.ai.glm.allow-insecure-http");
		try (GlmApi api = GlmApi.builder()
			.apiKey(KEY)
			.baseUrl("http://gateway.internal:8080")
			.allowInsecureHttp(true)
			.build()) {
			assertThat(api.getProtocol()).isEqualTo(GlmWireProtocol.OPENAI_COMPATIBLE);
		}
		try (GlmApi api = GlmApi.builder().apiKey(KEY).baseUrl("http://localhost:1234").build()) {
			assertThat(api.toString()).contains("localhost:1234").doesNotContain(KEY);
		}
	}

	@Test
	void protocolIsSelectableAndToStringNeverShowsTheKey() {
		try (GlmApi api = GlmApi.builder().apiKey(KEY).protocol(GlmWireProtocol.DASHSCOPE).workspace("ws").build()) {
			assertThat(api).isInstanceOf(DashScopeGlmApi.class);
			assertThat(api.toString()).contains(GlmWireProtocol.DASHSCOPE.getDefaultPath()).doesNotContain(KEY);
		}
	}

	@Test
	void badSettingsNameTheSetting() {
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).idleTimeout(java.time.Duration.ZERO).build())
			.hasMessageContaining("idleTimeout");
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).maxConnections(0).build())
			.hasMessageContaining("maxConnections");
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).baseUrl("ftp://x").build())
			.hasMessageContaining("baseUrl");
	}

}
