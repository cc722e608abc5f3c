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

package io.github.glmspringai.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in and out, with the keys in the order the real services write them.
 *
 * @author glm-spring-ai
 */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	/**
	 * An ordered JSON object.
	 * @param keysAndValues key, value, key, value, ... (values may be {@code null})
	 * @return the object
	 */
	static Map<String, @Nullable Object> object(@Nullable Object... keysAndValues) {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			object.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
		}
		return object;
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * Parse a request body.
	 * @param text the body
	 * @return the JSON object, or {@code null} if the body is not a JSON object
	 */
	static @Nullable JsonNode readObject(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			JsonNode node = MAPPER.readTree(text);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
