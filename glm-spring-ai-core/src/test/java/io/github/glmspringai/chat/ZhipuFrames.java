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

package io.github.glmspringai.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

import static io.github.glmspringai.chat.WireFixture.json;

/**
 * Zhipu's frames of scripted {@link Step}s (zhipu-api.md §4.2–4.5, the shape of the real
 * Z.ai recording): {@code role} on every content chunk, no {@code finish_reason} until
 * the last chunk, which also carries the usage; tool calls without {@code role}, whole
 * or, with {@code tool_stream}, in fragments by index.
 */
final class ZhipuFrames {

	private ZhipuFrames() {
	}

	/**
	 * Render steps; a finish step followed by a usage step is one chunk.
	 * @param steps the steps
	 * @param requestId the chunk id (Zhipu's request id)
	 * @return the frames, without {@code data: [DONE]}
	 */
	static String render(List<Step> steps, String requestId) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			if (step instanceof Step.Reasoning r) {
				sb.append(chunk(requestId,
						"{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":" + json(r.text()) + "}}",
						null));
			}
			else if (step instanceof Step.Text t) {
				sb.append(chunk(requestId,
						"{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":" + json(t.text()) + "}}", null));
			}
			else if (step instanceof Step.Tool || step instanceof Step.ToolBatch) {
				sb.append(chunk(requestId, "{\"index\":0,\"delta\":{\"tool_calls\":[" + toolCalls(step) + "]}}", null));
			}
			else if (step instanceof Step.Finish f) {
				Step.Usage usage = (i + 1 < steps.size() && steps.get(i + 1) instanceof Step.Usage u) ? u : null;
				i += (usage != null) ? 1 : 0;
				// "null" stands for no finish reason: Zhipu omits the field
				String reason = "null".equals(f.reason()) ? "" : "\"finish_reason\":" + json(f.reason()) + ",";
				sb.append(chunk(requestId,
						"{\"index\":0," + reason + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}", usage));
			}
			else {
				sb.append(chunk(requestId, "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}",
						(Step.Usage) step));
			}
		}
		return sb.toString();
	}

	private static String chunk(String requestId, String choice, Step.@Nullable Usage u) {
		String usage = "";
		if (u != null) {
			usage = ",\"usage\":{\"prompt_tokens\":" + u.prompt() + ",\"completion_tokens\":" + u.completion()
					+ ",\"total_tokens\":" + u.total()
					+ ((u.cached() != null) ? ",\"prompt_tokens_details\":{\"cached_tokens\":" + u.cached() + "}" : "")
					+ ((u.reasoning() != null)
							? ",\"completion_tokens_details\":{\"reasoning_tokens\":" + u.reasoning() + "}" : "")
					+ "}";
		}
		return "data: {\"id\":\"" + requestId + "\",\"created\":1773349387,\"object\":\"chat.completion.chunk\","
				+ "\"model\":\"glm-5\",\"choices\":[" + choice + "]" + usage + "}\n\n";
	}

	/**
	 * A whole call is {@code id, index, type, function{name, arguments}}; a
	 * {@code tool_stream} continuation only {@code index} and {@code function.arguments}.
	 */
	private static String toolCalls(Step step) {
		return WireFixture.toolCalls(step, (t) -> (t.id().isEmpty() && t.name() == null) ? "{\"index\":" + t.index()
				: "{\"id\":" + json(t.id()) + ",\"index\":" + t.index() + ",\"type\":\"function\"");
	}

}
