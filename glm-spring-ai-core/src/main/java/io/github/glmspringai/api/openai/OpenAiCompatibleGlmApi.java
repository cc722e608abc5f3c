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

package io.github.glmspringai.api.openai;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.glmspringai.api.AbstractGlmApi;
import io.github.glmspringai.api.GlmRequest;
import io.github.glmspringai.api.GlmStreamEvent;
import io.github.glmspringai.api.GlmTokenUsage;
import io.github.glmspringai.api.WireEvents;
import io.github.glmspringai.api.WireJson;
import io.github.glmspringai.api.WireRequests;
import io.github.glmspringai.api.sse.SseEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bailian's OpenAI-compatible protocol: {@code POST
 * {base-url}/compatible-mode/v1/chat/completions} with {@code "stream": true} and
 * {@code "stream_options": {"include_usage": true}}; {@code data: {...}} events ending
 * with {@code data: [DONE]}.
 *
 * @author glm-spring-ai
 */
public final class OpenAiCompatibleGlmApi extends AbstractGlmApi {

	private static final String ID_PREFIX = "chatcmpl-";

	/**
	 * Create the client; prefer {@code GlmApi.builder()}.
	 * @param settings validated connection settings
	 */
	public OpenAiCompatibleGlmApi(Settings settings) {
		super(settings);
	}

	@Override
	protected byte[] writeBody(GlmRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", request.model());
		body.put("messages", WireRequests.messages(request.messages()));
		WireRequests.bailianParameters(request, body);
		body.put("stream", true);
		body.put("stream_options", Map.of("include_usage", true));
		return WireJson.write(body);
	}

	@Override
	protected @Nullable GlmStreamEvent readDocument(JsonParser parser, SseEvent sse) {
		String id = null;
		String requestId = null;
		String model = null;
		WireEvents.Choice choice = null;
		GlmTokenUsage usage = null;
		JsonNode error = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "choices" -> choice = WireEvents.readFirstChoice(parser, "delta");
				case "usage" -> usage = WireEvents.readUsage(parser);
				case "model" -> model = WireJson.string(parser);
				case "id" -> id = WireJson.string(parser);
				case "request_id" -> requestId = WireJson.string(parser);
				case "error" ->
					error = (token == JsonToken.START_OBJECT) ? WireJson.JSON.readTree(parser) : skip(parser);
				default -> parser.skipChildren();
			}
		}
		if (error != null) {
			ObjectNode report = WireJson.JSON.createObjectNode();
			report.set("error", error);
			report.put("request_id", (requestId != null) ? requestId : requestId(id));
			throw streamError(0, report);
		}
		return WireEvents.event((requestId != null) ? requestId : requestId(id), model,
				(choice != null) ? choice.delta() : null, (choice != null) ? choice.finishReason() : null, usage);
	}

	private static @Nullable JsonNode skip(JsonParser parser) {
		parser.skipChildren();
		return null;
	}

	private static @Nullable String requestId(@Nullable String id) {
		return (id != null && id.startsWith(ID_PREFIX)) ? id.substring(ID_PREFIX.length()) : id;
	}

}
