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
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.Environment;

/**
 * Masks GLM's secrets in the {@code env} and {@code configprops} actuator endpoints, even
 * with {@code show-values=always}: the API key and proxy password under any spelling of
 * their names ({@code spring.ai.glm.api-key}, {@code apiKey},
 * {@code SPRING_AI_GLM_API_KEY}, {@code DASHSCOPE_API_KEY}, ...), and any other entry
 * whose value contains them (a command line in {@code sun.java.command},
 * {@code SPRING_APPLICATION_JSON}).
 *
 * @author glm-spring-ai
 */
final class GlmSanitizingFunction implements SanitizingFunction {

	/** The secret names, lower case, letters and digits only. */
	private static final Set<String> NAMES = Set.of("springaiglmapikey", "springaiglmproxypassword", "dashscopeapikey",
			"zhipuaiapikey", "zaiapikey");

	private static final List<String> SOURCES = List.of(GlmConnectionProperties.CONFIG_PREFIX + ".api-key",
			GlmConnectionProperties.CONFIG_PREFIX + ".proxy.password",
			GlmConnectionProperties.API_KEY_ENVIRONMENT_VARIABLE, "ZHIPUAI_API_KEY", "ZAI_API_KEY");

	/** Shorter values are only masked by name: they would match too much. */
	private static final int MIN_SECRET_LENGTH = 8;

	private final Environment environment;

	GlmSanitizingFunction(Environment environment) {
		this.environment = environment;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		if (NAMES.contains(normalize(data.getKey())) || containsSecret(String.valueOf(data.getValue()))) {
			return data.withSanitizedValue();
		}
		return data;
	}

	private boolean containsSecret(String value) {
		return SOURCES.stream()
			.map(this::secret)
			.filter(Objects::nonNull)
			.filter((secret) -> secret.length() >= MIN_SECRET_LENGTH)
			.anyMatch(value::contains);
	}

	private @Nullable String secret(String property) {
		try {
			String value = this.environment.getProperty(property);
			return (value != null) ? value.strip() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String normalize(String key) {
		StringBuilder sb = new StringBuilder(key.length());
		for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				sb.append(c);
			}
		}
		return sb.toString();
	}

}
