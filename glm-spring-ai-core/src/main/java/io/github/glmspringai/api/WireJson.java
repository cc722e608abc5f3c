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

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON basics for the protocol adapters: the mapper, a streaming parser on an event, and
 * scalar reading. Only the adapters in the {@code api} packages use it.
 *
 * @author glm-spring-ai
 */
public final class WireJson {

	/** The mapper of every adapter. */
	public static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		// parts of an event (usage, tool calls) are read as trees from the middle of it
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private WireJson() {
	}

	/**
	 * Serialize a request body.
	 * @param body the body
	 * @return UTF-8 JSON
	 */
	public static byte[] write(Object body) {
		return JSON.writeValueAsBytes(body);
	}

	/**
	 * Open a streaming parser on an event's JSON. Events are read token by token, without
	 * data binding: only the fields we need are decoded, the rest is skipped.
	 * @param data the JSON
	 * @return the parser, positioned on the opening brace
	 */
	public static JsonParser parser(byte[] data) {
		JsonParser parser = JSON.createParser(data);
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new IllegalStateException("an SSE event must carry a JSON object");
		}
		return parser;
	}

	/**
	 * The current value as text: strings as they are, other scalars as text, {@code null}
	 * for JSON null; objects and arrays are skipped and read as {@code null}.
	 * @param parser the parser, on a value
	 * @return the text
	 */
	public static @Nullable String string(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		if (token == null || token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token.isScalarValue()) {
			return parser.getValueAsString();
		}
		parser.skipChildren();
		return null;
	}

	/**
	 * Parse JSON the user supplied (a schema), naming it when it is invalid.
	 * @param json the JSON
	 * @param what what it is, for the error message
	 * @return the tree
	 */
	public static JsonNode readTree(String json, String what) {
		try {
			return JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(what + " must be valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
