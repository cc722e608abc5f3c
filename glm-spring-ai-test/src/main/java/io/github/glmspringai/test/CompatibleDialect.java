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
 * Bailian's OpenAI-compatible mode (reference {@code bailian-api.md} §3): {@code data:}
 * chunks with the keys in DashScope's order, {@code "finish_reason":null} until the
 * finish chunk, a usage-only chunk with {@code choices:[]} when
 * {@code stream_options.include_usage} is set, then {@code data: [DONE]}.
 *
 * @author glm-spring-ai
 */
final class CompatibleDialect extends BailianDialect {

	@Override
	Wire wire() {
		return Wire.OPENAI_COMPATIBLE;
	}

	@Override
	boolean streaming(RecordedGlmRequest request, JsonNode body) {
		return body.path("stream").asBoolean(false);
	}

	@Override
	Conversation read(JsonNode body) {
		return Conversation.read(body.path("model").asString(""), Conversation.bool(body.path("enable_thinking")),
				body.path("stream_options").path("include_usage").asBoolean(false), body, body.path("messages"));
	}

	@Override
	@Nullable Reply validate(JsonNode body, Conversation conversation, String path) {
		return Bailian.validate(conversation, wire());
	}

	@Override
	String errorBody(Reply reply, String requestId) {
		return Json.write(object("error", error(reply), "request_id", requestId));
	}

	private static Map<String, @Nullable Object> error(Reply reply) {
		return object("code", reply.code(), "param", null, "message", reply.message(), "type", reply.type());
	}

	@Override
	Writer writer(Conversation conversation, String requestId, List<Chunk> sent, Usage usage) {
		return new CompatibleWriter(conversation, "chatcmpl-" + requestId, usage);
	}

	private static final class CompatibleWriter implements Writer {

		private final Conversation conversation;

		private final String id;

		private final long created = System.currentTimeMillis() / 1000;

		private final Usage usage;

		CompatibleWriter(Conversation conversation, String id, Usage usage) {
			this.conversation = conversation;
			this.id = id;
			this.usage = usage;
		}

		@Override
		public List<String> opening() {
			return List.of(chunk(object("content", null, "role", "assistant", "reasoning_content",
					this.conversation.thinking() ? "" : null), null));
		}

		@Override
		public List<String> chunk(Chunk chunk, int toolIndex) {
			if (chunk.kind() == Chunk.Kind.REASONING) {
				return List.of(chunk(object("content", null, "reasoning_content", chunk.text()), null));
			}
			if (chunk.kind() == Chunk.Kind.ANSWER) {
				return List.of(chunk(object("content", chunk.text(), "reasoning_content", null), null));
			}
			List<String> fragments = this.conversation.toolStream() ? splitArguments(chunk.text())
					: List.of(chunk.text());
			List<String> events = new ArrayList<>();
			for (int i = 0; i < fragments.size(); i++) {
				Map<String, @Nullable Object> function = (i == 0)
						? object("name", chunk.name(), "arguments", fragments.get(i))
						: object("arguments", fragments.get(i));
				Map<String, @Nullable Object> call = object("index", toolIndex, "id", (i == 0) ? chunk.id() : "",
						"type", "function", "function", function);
				events.add(chunk(object("content", null, "tool_calls", List.of(call)), null));
			}
			return events;
		}

		@Override
		public List<String> closing(String finishReason) {
			List<String> events = new ArrayList<>();
			events.add(chunk(
					"tool_calls".equals(finishReason) ? object() : object("content", "", "reasoning_content", null),
					finishReason));
			if (this.conversation.includeUsage()) {
				Map<String, @Nullable Object> usage = object("prompt_tokens", this.usage.prompt(), "completion_tokens",
						this.usage.completion(), "total_tokens", this.usage.total(), "completion_tokens_details",
						object("reasoning_tokens", this.usage.reasoning()), "prompt_tokens_details",
						object("cached_tokens", this.usage.cached()));
				events.add(dataEvent(object("choices", List.of(), "object", "chat.completion.chunk", "usage", usage,
						"created", this.created, "system_fingerprint", null, "model", this.conversation.model(), "id",
						this.id)));
			}
			events.add(DONE);
			return events;
		}

		@Override
		public String error(Reply reply) {
			return dataEvent(object("error",
					object("message", reply.message(), "type", reply.type(), "param", null, "code", reply.code())));
		}

		private String chunk(Map<String, @Nullable Object> delta, @Nullable String finishReason) {
			Map<String, @Nullable Object> choice = object("delta", delta, "index", 0, "logprobs", null, "finish_reason",
					finishReason);
			return dataEvent(object("choices", List.of(choice), "object", "chat.completion.chunk", "usage", null,
					"created", this.created, "system_fingerprint", null, "model", this.conversation.model(), "id",
					this.id));
		}

	}

}
