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

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing API key in the startup failure report, with the ways to set it for
 * the configured protocol.
 *
 * @author glm-spring-ai
 */
class GlmApiKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<GlmApiKeyMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, GlmApiKeyMissingException cause) {
		List<String> variables = cause.getEnvironmentVariables();
		return new FailureAnalysis(cause.getMessage(),
				"Set the " + GlmConnectionProperties.CONFIG_PREFIX + ".api-key property (for example "
						+ GlmConnectionProperties.CONFIG_PREFIX + ".api-key=${" + variables.get(0) + "}) or export the "
						+ String.join(" or ", variables) + " environment variable. To start without GLM, set "
						+ GlmChatProperties.CONFIG_PREFIX
						+ ".enabled=false or spring.ai.model.chat to another provider.",
				cause);
	}

}
