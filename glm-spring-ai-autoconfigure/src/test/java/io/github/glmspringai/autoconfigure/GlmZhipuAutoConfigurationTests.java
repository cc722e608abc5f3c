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
import java.util.Map;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.test.RecordedGlmStreams;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spring.ai.glm.protocol=zhipu}: its key variables, its default host, and
 * {@code spring.ai.glm.completions-path} (Zhipu's GLM Coding Plan endpoint).
 *
 * @author glm-spring-ai
 */
class GlmZhipuAutoConfigurationTests {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void missingKeyNamesThePropertyAndZhipusVariablesNotBailians() {
		GlmTestFrames.runnerWithEnvironment(Map.of("DASHSCOPE_API_KEY", "sk-bailian"))
			.withPropertyValues("spring.ai.glm.protocol=zhipu")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(GlmApiKeyMissingException.class)
					.hasMessageContaining("BigModel or Z.ai")
					.hasMessageContaining("spring.ai.glm.api-key property or the ZHIPUAI_API_KEY or ZAI_API_KEY")
					.hasMessageNotContaining("DASHSCOPE_API_KEY");
				FailureAnalysis analysis = new GlmApiKeyMissingFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getAction()).contains("spring.ai.glm.api-key=${ZHIPUAI_API_KEY}")
					.contains("ZHIPUAI_API_KEY or ZAI_API_KEY")
					.doesNotContain("DASHSCOPE_API_KEY");
			});
	}

	@Test
	void zhipuaiApiKeyComesBeforeZaiApiKey() throws Exception {
		for (Map<String, Object> environment : List.<Map<String, Object>>of(
				Map.of("ZHIPUAI_API_KEY", "key-bigmodel", "ZAI_API_KEY", "key-zai"),
				Map.of("ZAI_API_KEY", "key-zai "))) {
			this.server.enqueue(GlmTestFrames.sse(RecordedGlmStreams.zhipu()));
			GlmTestFrames.runnerWithEnvironment(environment)
				.withPropertyValues("spring.ai.glm.protocol=zhipu",
						"spring.ai.glm.base-url=http://localhost:" + this.server.getPort())
				.run((context) -> context.getBean(GlmChatModel.class).call(new Prompt("hi")));
			assertThat(this.server.takeRequest().getHeaders().get("Authorization"))
				.isEqualTo(environment.containsKey("ZHIPUAI_API_KEY") ? "Bearer key-bigmodel" : "Bearer key-zai");
		}
	}

	@Test
	void withoutABaseUrlZhipuReachesBigModelAndZaiIsItsBaseUrl() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.protocol=zhipu", "spring.ai.glm.api-key=" + GlmTestFrames.API_KEY)
			.run((context) -> assertThat(context.getBean(GlmApi.class).toString())
				.contains("https://open.bigmodel.cn/api/paas/v4/chat/completions"));
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.protocol=zhipu", "spring.ai.glm.api-key=" + GlmTestFrames.API_KEY,
					"spring.ai.glm.base-url=https://api.z.ai")
			.run((context) -> assertThat(context.getBean(GlmApi.class).toString())
				.contains("https://api.z.ai/api/paas/v4/chat/completions"));
	}

	@Test
	void theCodingPlanPathIsSentAndTheRecordedTurnIsRead() throws Exception {
		this.server.enqueue(GlmTestFrames.sse(RecordedGlmStreams.zhipu()));
		GlmTestFrames.runner()
			.withPropertyValues(GlmTestFrames.mockServer(this.server.getPort()))
			.withPropertyValues("spring.ai.glm.protocol=zhipu",
					"spring.ai.glm.completions-path=/api/coding/paas/v4/chat/completions")
			.run((context) -> {
				ChatResponse response = context.getBean(GlmChatModel.class).call(new Prompt("hi"));
				assertThat(response.getResult().getOutput().getText()).isEqualTo("I");
				assertThat(response.getMetadata().getId()).isEqualTo("20260313050307df155ecf3e9f4961");
			});
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/api/coding/paas/v4/chat/completions");
		assertThat(request.getBody().utf8()).contains("\"stream\":true").doesNotContain("stream_options");
	}

	@Test
	void aBadCompletionsPathFailsStartupNamingIt() {
		GlmTestFrames.runner()
			.withPropertyValues("spring.ai.glm.api-key=" + GlmTestFrames.API_KEY,
					"spring.ai.glm.completions-path=api/coding/paas/v4/chat/completions")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("completionsPath must start with a single '/'");
			});
	}

}
