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

package io.github.glmspringai.api.zhipu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.glmspringai.api.GlmRequest;
import io.github.glmspringai.api.WireJson;
import io.github.glmspringai.api.WireRequests;
import org.jspecify.annotations.Nullable;

/**
 * Zhipu's request body (zhipu-api.md §3): thinking as an object ({@code thinking:
 * {"type": "enabled"|"disabled", "clear_thinking": ...}}), {@code reasoning_effort} and
 * {@code tool_stream} at the top level, one stop word, {@code tool_choice} {@code auto}
 * only, {@code response_format} {@code text} or {@code json_object}, and no
 * {@code stream_options}. A parameter the protocol does not have fails before anything is
 * sent; it is never dropped silently.
 *
 * @author glm-spring-ai
 */
final class ZhipuRequests {

	private ZhipuRequests() {
	}

	/**
	 * Write the streaming request body.
	 * @param request the request
	 * @return UTF-8 JSON
	 * @throws IllegalArgumentException for a parameter the zhipu protocol does not have
	 */
	static byte[] body(GlmRequest request) {
		rejectUnsupported(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", request.model());
		body.put("messages", WireRequests.messages(request.messages()));
		if (request.enableThinking() != null || request.clearThinking() != null) {
			Map<String, Object> thinking = new LinkedHashMap<>();
			if (request.enableThinking() != null) {
				thinking.put("type", request.enableThinking() ? "enabled" : "disabled");
			}
			WireRequests.putIfSet(thinking, "clear_thinking", request.clearThinking());
			body.put("thinking", thinking);
		}
		WireRequests.putIfSet(body, "reasoning_effort", request.reasoningEffort());
		WireRequests.putIfSet(body, "temperature", request.temperature());
		WireRequests.putIfSet(body, "top_p", request.topP());
		WireRequests.putIfSet(body, "max_tokens", request.maxTokens());
		WireRequests.putIfSet(body, "stop", request.stop());
		GlmRequest.ResponseFormat format = request.responseFormat();
		if (format != null) {
			body.put("response_format", Map.of("type", format.type().getValue()));
		}
		if (!request.tools().isEmpty()) {
			body.put("tools", WireRequests.tools(request.tools()));
		}
		WireRequests.putIfSet(body, "tool_choice", request.toolChoice());
		WireRequests.putIfSet(body, "tool_stream", request.toolStream());
		body.put("stream", true);
		body.putAll(request.extraBody());
		return WireJson.write(body);
	}

	private static void rejectUnsupported(GlmRequest request) {
		List<String> unsupported = new ArrayList<>();
		addIfSet(unsupported, "thinkingBudget", request.thinkingBudget());
		addIfSet(unsupported, "topK", request.topK());
		addIfSet(unsupported, "repetitionPenalty", request.repetitionPenalty());
		addIfSet(unsupported, "presencePenalty", request.presencePenalty());
		addIfSet(unsupported, "seed", request.seed());
		addIfSet(unsupported, "parallelToolCalls", request.parallelToolCalls());
		if (!unsupported.isEmpty()) {
			throw new IllegalArgumentException(String.join(", ", unsupported)
					+ ((unsupported.size() == 1) ? " is" : " are")
					+ " not supported by the zhipu protocol (Zhipu's BigModel and Z.ai API has no such parameter); "
					+ "leave it unset");
		}
		if (request.stop() != null && request.stop().size() > 1) {
			throw new IllegalArgumentException(
					"stop: the zhipu protocol supports one stop sequence, but " + request.stop().size() + " were set");
		}
		if (request.toolChoice() != null && !"auto".equals(request.toolChoice())) {
			throw new IllegalArgumentException("toolChoice '" + request.toolChoice()
					+ "' is not supported by the zhipu protocol, which only has 'auto'; leave toolChoice unset");
		}
		GlmRequest.ResponseFormat format = request.responseFormat();
		if (format != null && format.type() == GlmRequest.ResponseFormat.Type.JSON_SCHEMA) {
			throw new IllegalArgumentException("responseFormat json_schema is not supported by the zhipu protocol; "
					+ "send json_object and the schema in the prompt (GlmChatModel does this for an outputSchema)");
		}
	}

	private static void addIfSet(List<String> names, String name, @Nullable Object value) {
		if (value != null) {
			names.add(name);
		}
	}

}
