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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A real application started without an API key reports what to set.
 *
 * @author glm-spring-ai
 */
@ExtendWith(OutputCaptureExtension.class)
class GlmStartupFailureTests {

	@Test
	void missingApiKeyIsExplainedInTheFailureReport(CapturedOutput output) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		SpringApplicationBuilder application = new SpringApplicationBuilder(GlmTestApplication.class)
			.web(WebApplicationType.NONE)
			.environment(environment);
		assertThatException().isThrownBy(() -> application.run("--spring.ai.glm.api-key=", "--glm.test.port=1"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No API key is configured for GLM")
			.contains("spring.ai.glm.api-key")
			.contains("DASHSCOPE_API_KEY")
			.contains("spring.ai.glm.chat.enabled=false");
	}

}
