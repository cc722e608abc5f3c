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

package io.github.glmspringai.api.dashscope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.glmspringai.api.AbstractGlmApi;
import io.github.glmspringai.api.GlmErrors;
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
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

/**
 * Bailian's native DashScope protocol: {@code POST
 * {base-url}/api/v1/services/aigc/text-generation/generation} with
 * {@code X-DashScope-SSE: enable}, {@code result_format: "message"} and
 * {@code incremental_output: true}; {@code event:result} frames with cumulative usage and
 * the string {@code "null"} as finish reason until the last frame, no {@code [DONE]};
 * errors as {@code event:error} frames.
 *
 * @author glm-spring-ai
 */
public final class DashScopeGlmApi extends AbstractGlmApi {

	/**
	 * Create the client; prefer {@code GlmApi.builder()}.
	 * @param settings validated connection settings
	 */
	public DashScopeGlmApi(Settings settings) {
		super(settings);
	}

	@Override
	protected void protocolHeaders(HttpHeaders headers) {
		headers.set("X-DashScope-SSE", "enable");
	}

	@Override
	protected byte[] writeBody(GlmRequest request) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		WireRequests.bailianParameters(request, parameters);
		parameters.put("result_format", "message");
		parameters.put("incremental_output", true);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", request.model());
		body.put("input", Map.of("messages", WireRequests.messages(request.messages())));
		body.put("parameters", parameters);
		return WireJson.write(body);
	}

	@Override
	protected @Nullable GlmStreamEvent readDocument(JsonParser parser, SseEvent sse) {
		boolean hasOutput = false;
		String requestId = null;
		String code = null;
		String message = null;
		String text = null;
		String outputFinishReason = null;
		WireEvents.Choice choice = null;
		GlmTokenUsage usage = null;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "output" -> {
					if (token != JsonToken.START_OBJECT) {
						parser.skipChildren();
						break;
					}
					hasOutput = true;
					String field;
					while ((field = parser.nextName()) != null) {
						parser.nextToken();
						switch (field) {
							case "choices" -> choice = WireEvents.readFirstChoice(parser, "message");
							// result_format "text": output.text, output.finish_reason
							case "text" -> text = WireJson.string(parser);
							case "finish_reason" -> outputFinishReason = WireJson.string(parser);
							default -> parser.skipChildren();
						}
					}
				}
				case "usage" -> usage = WireEvents.readUsage(parser);
				case "request_id" -> requestId = WireJson.string(parser);
				case "code" -> code = WireJson.string(parser);
				case "message" -> message = WireJson.string(parser);
				default -> parser.skipChildren();
			}
		}
		if (!hasOutput) {
			if (code != null && !code.isEmpty()) {
				ObjectNode report = WireJson.JSON.createObjectNode();
				report.put("code", code);
				report.put("message", message);
				report.put("request_id", requestId);
				throw streamError(GlmErrors.statusFromComment(sse.comment()), report);
			}
			// a frame without output (a keep-alive, a bare usage report) carries nothing
			// for us
			return null;
		}
		if (choice == null) {
			return WireEvents.event(requestId, null, new WireEvents.Delta(text, null, List.of()), outputFinishReason,
					usage);
		}
		return WireEvents.event(requestId, null, choice.delta(), choice.finishReason(), usage);
	}

}
