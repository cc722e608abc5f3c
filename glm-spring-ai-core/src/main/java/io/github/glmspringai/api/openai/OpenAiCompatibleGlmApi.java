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
import io.github.glmspringai.api.WireEvents;
import io.github.glmspringai.api.WireJson;
import io.github.glmspringai.api.WireRequests;
import io.github.glmspringai.api.sse.SseEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;

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
		WireEvents.Chunk chunk = WireEvents.readChunk(parser);
		String requestId = (chunk.requestId() != null) ? chunk.requestId() : requestId(chunk.id());
		if (chunk.error() != null) {
			throw streamError(0, chunk.errorReport(requestId));
		}
		return WireEvents.event(requestId, chunk.model(), chunk.delta(), chunk.finishReason(), chunk.usage());
	}

	private static @Nullable String requestId(@Nullable String id) {
		return (id != null && id.startsWith(ID_PREFIX)) ? id.substring(ID_PREFIX.length()) : id;
	}

}
