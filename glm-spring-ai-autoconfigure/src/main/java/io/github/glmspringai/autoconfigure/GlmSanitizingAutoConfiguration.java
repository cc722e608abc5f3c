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

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Keeps the GLM API key and proxy password out of the actuator's {@code env} and
 * {@code configprops} endpoints in every {@code show-values} mode. Active whenever Spring
 * Boot's actuator is on the class path, even when the chat model is disabled (the key is
 * still in the environment).
 *
 * @author glm-spring-ai
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class GlmSanitizingAutoConfiguration {

	/**
	 * The sanitizing function, applied by the actuator next to the application's own.
	 * @param environment where the secrets are resolved, to mask values containing them
	 * @return the function
	 */
	@Bean
	@ConditionalOnMissingBean(name = "glmSanitizingFunction")
	public SanitizingFunction glmSanitizingFunction(Environment environment) {
		return new GlmSanitizingFunction(environment);
	}

}
