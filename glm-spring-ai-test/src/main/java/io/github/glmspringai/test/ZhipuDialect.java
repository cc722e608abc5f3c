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

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.github.glmspringai.test.ServiceError.Reply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static io.github.glmspringai.test.Json.object;

/**
 * Zhipu BigModel / Z.ai (reference {@code zhipu-api.md} §4, §6): {@code data:} chunks
 * whose {@code id} is the request id, {@code role} on every content chunk, no
 * {@code finish_reason} until the last chunk, which also carries the usage; tool calls
 * whole in one chunk each (in fragments by index with {@code tool_stream: true}); then
 * {@code data: [DONE]}. Errors are {@code {"error":{"code":"1214","message":...}}}.
 *
 * @author glm-spring-ai
 */
final class ZhipuDialect extends Dialect {

	/** The efforts the Coding Plan endpoint maps for glm-5.3 (zhipu-api.md §3.4). */
	private static final Set<String> CODING_PLAN_EFFORTS = Set.of("none", "minimal", "low", "medium", "high", "xhigh",
			"max");

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	@Override
	Wire wire() {
		return Wire.ZHIPU;
	}

	@Override
	String newRequestId() {
		return LocalDateTime.now(ZoneOffset.ofHours(8)).format(ID_TIME)
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	@Override
	boolean streaming(RecordedGlmRequest request, JsonNode body) {
		return body.path("stream").asBoolean(false);
	}

	@Override
	Conversation read(JsonNode body) {
		String type = body.path("thinking").path("type").asString("");
		Boolean thinking = "disabled".equals(type) ? Boolean.FALSE : ("enabled".equals(type) ? Boolean.TRUE : null);
		return Conversation.read(body.path("model").asString(""), thinking, false, body, body.path("messages"));
	}

	@Override
	@Nullable Reply validate(JsonNode body, Conversation conversation, String path) {
		if (isGlm53(conversation.model()) && Boolean.FALSE.equals(conversation.enableThinking())) {
			return new Reply(400, "1210", "", "该模型始终思考，不支持关闭思考；请使用 low、high 或 max。");
		}
		String effort = conversation.reasoningEffort();
		Set<String> allowed = path.startsWith("/api/coding/") ? CODING_PLAN_EFFORTS : GLM_5_3_EFFORTS;
		if (effort != null && isGlm53(conversation.model()) && !allowed.contains(effort)) {
			return new Reply(400, "1214", "", "reasoning_effort参数非法，取值范围 " + allowed + "。");
		}
		return null;
	}

	@Override
	Reply notStreaming() {
		return new Reply(400, "1212", "", "当前模型不支持非流式调用方式。(the fake GLM service answers \"stream\": true only)");
	}

	@Override
	Reply malformedBody() {
		return new Reply(400, "1214", "", "请求体参数非法，请检查文档。");
	}

	@Override
	Reply unauthorized(boolean missing) {
		return missing ? new Reply(401, "1001", "", "Header中未收到Authorization参数，无法进行身份验证。") : super.unauthorized(false);
	}

	@Override
	String errorBody(Reply reply, String requestId) {
		return Json.write(error(reply));
	}

	private static Map<String, @Nullable Object> error(Reply reply) {
		return object("error", object("code", reply.code(), "message", reply.message()));
	}

	@Override
	Writer writer(Conversation conversation, String requestId, List<Chunk> sent, Usage usage) {
		return new ZhipuWriter(conversation, requestId, usage);
	}

	private static final class ZhipuWriter implements Writer {

		private final Conversation conversation;

		private final String id;

		private final long created = System.currentTimeMillis() / 1000;

		private final Usage usage;

		ZhipuWriter(Conversation conversation, String id, Usage usage) {
			this.conversation = conversation;
			this.id = id;
			this.usage = usage;
		}

		@Override
		public List<String> opening() {
			return List.of();
		}

		@Override
		public List<String> chunk(Chunk chunk, int toolIndex) {
			if (chunk.kind() == Chunk.Kind.REASONING) {
				return List.of(chunk(object("role", "assistant", "reasoning_content", chunk.text()), null, null));
			}
			if (chunk.kind() == Chunk.Kind.ANSWER) {
				return List.of(chunk(object("role", "assistant", "content", chunk.text()), null, null));
			}
			if (!this.conversation.toolStream()) {
				Map<String, @Nullable Object> call = object("id", chunk.id(), "index", toolIndex, "type", "function",
						"function", object("name", chunk.name(), "arguments", chunk.text()));
				return List.of(chunk(object("tool_calls", List.of(call)), null, null));
			}
			List<String> events = new ArrayList<>();
			events.add(chunk(object("tool_calls", List.of(object("index", toolIndex, "id", chunk.id(), "type",
					"function", "function", object("name", chunk.name(), "arguments", "")))), null, null));
			for (String fragment : splitArguments(chunk.text())) {
				events.add(chunk(
						object("tool_calls",
								List.of(object("index", toolIndex, "function", object("arguments", fragment)))),
						null, null));
			}
			return events;
		}

		@Override
		public List<String> closing(String finishReason) {
			Map<String, @Nullable Object> usage = object("prompt_tokens", this.usage.prompt(), "completion_tokens",
					this.usage.completion(), "total_tokens", this.usage.total(), "prompt_tokens_details",
					object("cached_tokens", this.usage.cached()), "completion_tokens_details",
					object("reasoning_tokens", this.usage.reasoning()));
			return List.of(chunk(object("role", "assistant", "content", ""), finishReason, usage), DONE);
		}

		@Override
		public String error(Reply reply) {
			return dataEvent(ZhipuDialect.error(reply));
		}

		private String chunk(Map<String, @Nullable Object> delta, @Nullable String finishReason,
				@Nullable Map<String, @Nullable Object> usage) {
			Map<String, @Nullable Object> choice = object("index", 0);
			if (finishReason != null) {
				choice.put("finish_reason", finishReason);
			}
			choice.put("delta", delta);
			Map<String, @Nullable Object> data = object("id", this.id, "created", this.created, "object",
					"chat.completion.chunk", "model", this.conversation.model(), "choices", List.of(choice));
			if (usage != null) {
				data.put("usage", usage);
			}
			return dataEvent(data);
		}

	}

}
