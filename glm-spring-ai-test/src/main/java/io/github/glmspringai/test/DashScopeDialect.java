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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.glmspringai.test.ServiceError.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static io.github.glmspringai.test.Json.object;

/**
 * Bailian's native DashScope protocol (reference {@code bailian-api.md} §4):
 * {@code id:n / event:result / :HTTP_STATUS/200 / data:} frames with
 * {@code "finish_reason":"null"} strings and cumulative usage on every frame, no end
 * marker (the response ends after the final frame), errors as {@code event:error}.
 *
 * @author glm-spring-ai
 */
final class DashScopeDialect extends BailianDialect {

	@Override
	Wire wire() {
		return Wire.DASHSCOPE;
	}

	@Override
	boolean streaming(RecordedGlmRequest request, JsonNode body) {
		String sse = request.header("X-DashScope-SSE");
		String accept = request.header("Accept");
		return "enable".equalsIgnoreCase(sse) || (accept != null && accept.contains("text/event-stream"));
	}

	@Override
	Conversation read(JsonNode body) {
		JsonNode parameters = body.path("parameters");
		return Conversation.read(body.path("model").asString(""), Conversation.bool(parameters.path("enable_thinking")),
				false, parameters, body.path("input").path("messages"));
	}

	@Override
	@Nullable Reply validate(JsonNode body, Conversation conversation, String path) {
		Reply rejection = Bailian.validate(conversation, wire());
		if (rejection != null) {
			return rejection;
		}
		// thinking needs incremental output in the message format (bailian-api.md §4.1)
		JsonNode parameters = body.path("parameters");
		if (conversation.thinking() && !parameters.path("incremental_output").asBoolean(false)) {
			return Bailian.invalid(wire(),
					"The incremental_output parameter must be \"true\" when enable_thinking is true");
		}
		if (conversation.thinking() && !"message".equals(parameters.path("result_format").asString(""))) {
			return Bailian.invalid(wire(),
					"The result_format parameter must be \"message\" when enable_thinking is true");
		}
		return null;
	}

	@Override
	String errorBody(Reply reply, String requestId) {
		return Json.write(object("code", reply.code(), "message", reply.message(), "request_id", requestId));
	}

	@Override
	Writer writer(Conversation conversation, String requestId, List<Chunk> sent, Usage usage) {
		return new DashScopeWriter(requestId, sent, usage);
	}

	private static final class DashScopeWriter implements Writer {

		private final String requestId;

		private final Usage usage;

		private final int chunks;

		private final int reasoningChunks;

		private int id;

		private int sentChunks;

		private int sentReasoning;

		DashScopeWriter(String requestId, List<Chunk> sent, Usage usage) {
			this.requestId = requestId;
			this.usage = usage;
			this.chunks = sent.size();
			this.reasoningChunks = (int) sent.stream().filter((chunk) -> chunk.kind() == Chunk.Kind.REASONING).count();
		}

		@Override
		public List<String> opening() {
			return List.of();
		}

		@Override
		public List<String> chunk(Chunk chunk, int toolIndex) {
			this.sentChunks++;
			if (chunk.kind() == Chunk.Kind.REASONING) {
				this.sentReasoning++;
				return List.of(frame(message("", chunk.text()), "null", false));
			}
			if (chunk.kind() == Chunk.Kind.ANSWER) {
				return List.of(frame(message(chunk.text(), ""), "null", false));
			}
			List<String> events = new ArrayList<>();
			List<String> fragments = splitArguments(chunk.text());
			for (int i = 0; i < fragments.size(); i++) {
				Map<String, @Nullable Object> function = (i == 0)
						? object("name", chunk.name(), "arguments", fragments.get(i))
						: object("arguments", fragments.get(i));
				Map<String, @Nullable Object> message = message("", "");
				message.put("tool_calls", List.of(object("index", toolIndex, "type", "function", "id",
						(i == 0) ? chunk.id() : "", "function", function)));
				events.add(frame(message, "null", false));
			}
			return events;
		}

		@Override
		public List<String> closing(String finishReason) {
			return List.of(frame(message("", ""), finishReason, true));
		}

		@Override
		public String error(Reply reply) {
			return "id:" + (++this.id) + "\nevent:error\n:HTTP_STATUS/" + reply.status() + "\ndata:"
					+ Json.write(object("code", reply.code(), "message", reply.message(), "request_id", this.requestId))
					+ "\n\n";
		}

		private static Map<String, @Nullable Object> message(String content, String reasoning) {
			return object("content", content, "reasoning_content", reasoning, "role", "assistant");
		}

		private String frame(Map<String, @Nullable Object> message, String finishReason, boolean last) {
			Map<String, @Nullable Object> choice = object("message", message, "finish_reason", finishReason);
			int output = last ? this.usage.completion() : scale(this.usage.completion(), this.sentChunks, this.chunks);
			int reasoning = last ? this.usage.reasoning()
					: scale(this.usage.reasoning(), this.sentReasoning, this.reasoningChunks);
			Map<String, @Nullable Object> usage = object("total_tokens", this.usage.prompt() + output, "output_tokens",
					output, "input_tokens", this.usage.prompt(), "output_tokens_details",
					object("reasoning_tokens", reasoning));
			if (this.usage.cached() > 0) {
				usage.put("prompt_tokens_details", object("cached_tokens", this.usage.cached()));
			}
			return "id:" + (++this.id) + "\nevent:result\n:HTTP_STATUS/200\ndata:" + Json.write(
					object("output", object("choices", List.of(choice)), "usage", usage, "request_id", this.requestId))
					+ "\n\n";
		}

		/** Cumulative usage: the share of the total that the chunks sent so far carry. */
		private static int scale(int total, int sent, int all) {
			return (all == 0) ? 0 : (int) ((long) total * sent / all);
		}

	}

}
