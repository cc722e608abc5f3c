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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Per-protocol wire fixtures: how each protocol frames the same scripted stream, its
 * error bodies and its recorded reference stream (bailian-api.md §3.2 and §4.2). Every
 * behaviour test is written once and runs with every constant.
 */
enum WireFixture {

	OPENAI_COMPATIBLE(GlmProtocol.OPENAI_COMPATIBLE, "compatible-stream.sse", "data_inspection_failed", new Reference(
			"我是", "The user", "STOP", 10, 360, 370, 172, "e2edaf2c-8aaf-9e54-90e2-b21dd5045503", "qwen-plus")) {

		@Override
		String render(List<Step> steps) {
			StringBuilder sb = new StringBuilder();
			boolean first = true;
			for (Step step : steps) {
				String choice = null;
				if (step instanceof Step.Reasoning r) {
					choice = "{\"finish_reason\":null,\"logprobs\":null,\"delta\":{\"content\":null,"
							+ (first ? "\"role\":\"assistant\"," : "") + "\"reasoning_content\":" + json(r.text())
							+ "},\"index\":0}";
				}
				else if (step instanceof Step.Text t) {
					choice = "{\"delta\":{\"content\":" + json(t.text()) + ","
							+ (first ? "\"role\":\"assistant\"," : "")
							+ "\"reasoning_content\":null},\"finish_reason\":null,\"index\":0,\"logprobs\":null}";
				}
				else if (step instanceof Step.Tool || step instanceof Step.ToolBatch) {
					String tc = toolCalls(step, true);
					choice = "{\"delta\":{" + (first ? "\"content\":null," : "") + "\"tool_calls\":[" + tc + "]"
							+ (first ? ",\"role\":\"assistant\"" : "")
							+ "},\"finish_reason\":null,\"index\":0,\"logprobs\":null}";
				}
				else if (step instanceof Step.Finish f) {
					choice = "{\"finish_reason\":" + json(f.reason())
							+ ",\"delta\":{\"content\":\"\",\"reasoning_content\":null},\"index\":0,\"logprobs\":null}";
				}
				if (choice != null) {
					sb.append(chunk("[" + choice + "]", "null"));
				}
				else {
					Step.Usage u = (Step.Usage) step;
					String details = ((u.reasoning() != null)
							? ",\"completion_tokens_details\":{\"reasoning_tokens\":" + u.reasoning() + "}" : "")
							+ ((u.cached() != null)
									? ",\"prompt_tokens_details\":{\"cached_tokens\":" + u.cached() + "}" : "");
					sb.append(chunk("[]", "{\"prompt_tokens\":" + u.prompt() + ",\"completion_tokens\":"
							+ u.completion() + ",\"total_tokens\":" + u.total() + details + "}"));
				}
				first = false;
			}
			return sb.toString();
		}

		@Override
		String end() {
			return "data: [DONE]\n\n";
		}

		private String chunk(String choices, String usage) {
			return "data: {\"choices\":" + choices + ",\"object\":\"chat.completion.chunk\",\"usage\":" + usage
					+ ",\"created\":1745485391,\"system_fingerprint\":null,\"model\":\"glm-5\",\"id\":\"chatcmpl-"
					+ REQUEST_ID + "\"}\n\n";
		}

		@Override
		String errorBody(ErrorCase error) {
			return "{\"error\":{\"code\":\"" + error.code(this) + "\",\"param\":null,\"message\":\""
					+ error.message(this) + "\",\"type\":\"invalid_request_error\"},\"id\":\"chatcmpl-" + REQUEST_ID
					+ "\",\"request_id\":\"" + REQUEST_ID + "\"}";
		}

		@Override
		String streamErrorEvent() {
			return "data: {\"error\":{\"message\":\"Output data may contain inappropriate content.\","
					+ "\"type\":\"data_inspection_failed\",\"param\":null,\"code\":\"data_inspection_failed\"}}\n\n";
		}

		@Override
		String wrapParameters(String parametersJson, String messagesJson) {
			return "{\"model\":\"glm-5\",\"messages\":" + messagesJson + "," + members(parametersJson)
					+ "\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
		}

	},

	DASHSCOPE(GlmProtocol.DASHSCOPE, "dashscope-stream.sse", "DataInspectionFailed",
			new Reference("!", "Okay,", "STOP", 11, 138, 149, 50, "2ce91085-3602-9c32-9c8b-fe3d583a2c38", "glm-5")) {

		@Override
		String render(List<Step> steps) {
			// Native frames carry cumulative usage on every frame and the string "null"
			// as finish reason until the last frame, which merges finish and usage.
			Step.Usage finalUsage = steps.stream()
				.filter(Step.Usage.class::isInstance)
				.map(Step.Usage.class::cast)
				.findFirst()
				.orElse(new Step.Usage(7, steps.size(), 7 + steps.size(), null, null));
			StringBuilder sb = new StringBuilder();
			int id = 0;
			int output = 0;
			for (Step step : steps) {
				String message = null;
				if (step instanceof Step.Reasoning r) {
					message = "{\"content\":\"\",\"reasoning_content\":" + json(r.text()) + ",\"role\":\"assistant\"}";
				}
				else if (step instanceof Step.Text t) {
					message = "{\"content\":" + json(t.text()) + ",\"reasoning_content\":\"\",\"role\":\"assistant\"}";
				}
				else if (step instanceof Step.Tool || step instanceof Step.ToolBatch) {
					String tc = toolCalls(step, false);
					message = "{\"role\":\"assistant\",\"content\":\"\",\"reasoning_content\":\"\",\"tool_calls\":["
							+ tc + "]}";
				}
				if (message != null) {
					output = Math.min(output + 1, finalUsage.completion());
					sb.append(frame(++id, message, "null",
							new Step.Usage(finalUsage.prompt(), output, finalUsage.prompt() + output, null, null)));
				}
				else if (step instanceof Step.Finish f) {
					sb.append(frame(++id, "{\"content\":\"\",\"reasoning_content\":\"\",\"role\":\"assistant\"}",
							f.reason(), finalUsage));
				}
			}
			return sb.toString();
		}

		private String frame(int id, String message, String finishReason, Step.Usage u) {
			String details = ((u.reasoning() != null)
					? ",\"output_tokens_details\":{\"reasoning_tokens\":" + u.reasoning() + "}" : "")
					+ ((u.cached() != null) ? ",\"prompt_tokens_details\":{\"cached_tokens\":" + u.cached() + "}" : "");
			return "id:" + id + "\nevent:result\n:HTTP_STATUS/200\ndata:{\"output\":{\"choices\":[{\"message\":"
					+ message + ",\"finish_reason\":\"" + finishReason + "\"}]},\"usage\":{\"total_tokens\":"
					+ u.total() + ",\"output_tokens\":" + u.completion() + ",\"input_tokens\":" + u.prompt() + details
					+ "},\"request_id\":\"" + REQUEST_ID + "\"}\n\n";
		}

		@Override
		String end() {
			return "";
		}

		@Override
		String errorBody(ErrorCase error) {
			return "{\"code\":\"" + error.code(this) + "\",\"message\":\"" + error.message(this)
					+ "\",\"request_id\":\"" + REQUEST_ID + "\"}";
		}

		@Override
		String streamErrorEvent() {
			return "id:9\nevent:error\n:HTTP_STATUS/400\ndata:{\"code\":\"DataInspectionFailed\","
					+ "\"message\":\"Output data may contain inappropriate content.\",\"request_id\":\"" + REQUEST_ID
					+ "\"}\n\n";
		}

		@Override
		String wrapParameters(String parametersJson, String messagesJson) {
			return "{\"model\":\"glm-5\",\"input\":{\"messages\":" + messagesJson + "},\"parameters\":{"
					+ members(parametersJson) + "\"result_format\":\"message\",\"incremental_output\":true}}";
		}

	},

	ZHIPU(GlmProtocol.ZHIPU, "zhipu-stream.sse", "1301", new Reference("I", "The", "TOOL_CALLS", 173, 93, 266, 65,
			"20260313050307df155ecf3e9f4961", "glm-4.7-flash")) {

		@Override
		String render(List<Step> steps) {
			return ZhipuFrames.render(steps, REQUEST_ID);
		}

		@Override
		String end() {
			return "data: [DONE]\n\n";
		}

		@Override
		String errorBody(ErrorCase error) {
			return "{\"error\":{\"code\":\"" + error.code(this) + "\",\"message\":" + json(error.message(this)) + "}}";
		}

		@Override
		@Nullable String errorRequestId() {
			// zhipu-api.md §6.1: an error body is {"error":{"code","message"}}, no id
			return null;
		}

		@Override
		String streamErrorEvent() {
			return "data: {\"error\":{\"code\":\"1301\",\"message\":\"Output data may contain inappropriate content.\"}}\n\n";
		}

		@Override
		String wrapParameters(String parametersJson, String messagesJson) {
			// Zhipu spells thinking as an object and has no stream_options
			ObjectNode parameters = (ObjectNode) JSON.readTree(parametersJson);
			ObjectNode thinking = JSON.createObjectNode();
			JsonNode enable = parameters.remove("enable_thinking");
			if (enable != null) {
				thinking.put("type", enable.asBoolean() ? "enabled" : "disabled");
			}
			JsonNode clear = parameters.remove("clear_thinking");
			if (clear != null) {
				thinking.set("clear_thinking", clear);
			}
			if (!thinking.isEmpty()) {
				parameters.set("thinking", thinking);
			}
			return "{\"model\":\"glm-5\",\"messages\":" + messagesJson + "," + members(parameters.toString())
					+ "\"stream\":true}";
		}

	};

	static final String REQUEST_ID = "7ed765de-de61-9a89-87f2-da9f2e39f825";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final GlmProtocol protocol;

	final String path;

	private final String recording;

	private final String dataInspectionCode;

	private final Reference reference;

	WireFixture(GlmProtocol protocol, String recording, String dataInspectionCode, Reference reference) {
		this.protocol = protocol;
		this.path = protocol.wireProtocol().getDefaultPath();
		this.recording = recording;
		this.dataInspectionCode = dataInspectionCode;
		this.reference = reference;
	}

	/** Render steps as this protocol's SSE frames (without the end marker). */
	abstract String render(List<Step> steps);

	/**
	 * The end-of-stream marker ({@code [DONE]} on the compatible protocol, none
	 * natively).
	 */
	abstract String end();

	/** A complete stream: the frames and the end marker. */
	String stream(Step... steps) {
		return render(List.of(steps)) + end();
	}

	abstract String errorBody(ErrorCase error);

	/** The request id an error response of {@link #errorBody} reports. */
	@Nullable String errorRequestId() {
		return REQUEST_ID;
	}

	/** A mid-stream content-inspection error event. */
	abstract String streamErrorEvent();

	/** The code of {@link #streamErrorEvent()}. */
	String dataInspectionCode() {
		return this.dataInspectionCode;
	}

	/**
	 * The recorded reference stream of this protocol, byte for byte from the reference.
	 */
	String referenceStream() {
		return RecordedStreams.read(this.recording);
	}

	/** What {@link #referenceStream()} must produce. */
	Reference reference() {
		return this.reference;
	}

	/**
	 * The whole request body this protocol sends for the given parameters object and
	 * messages array (both JSON).
	 */
	abstract String wrapParameters(String parametersJson, String messagesJson);

	/**
	 * The tool_calls array content of a {@link Step.Tool} or {@link Step.ToolBatch}, in
	 * the key order each protocol emits ({@code id} before {@code type} on the compatible
	 * protocol).
	 */
	static String toolCalls(Step step, boolean idFirst) {
		return toolCalls(step,
				(t) -> "{\"index\":" + t.index() + (idFirst ? ",\"id\":" + json(t.id()) + ",\"type\":\"function\""
						: ",\"type\":\"function\",\"id\":" + json(t.id())));
	}

	/**
	 * The tool_calls array content, each call opened by {@code head} (the members before
	 * {@code function}, with the opening brace).
	 */
	static String toolCalls(Step step, Function<Step.Tool, String> head) {
		List<Step.Tool> calls = (step instanceof Step.Tool t) ? List.of(t) : ((Step.ToolBatch) step).calls();
		StringBuilder tc = new StringBuilder();
		for (Step.Tool t : calls) {
			tc.append((tc.length() > 0) ? "," : "")
				.append(head.apply(t))
				.append(",\"function\":{")
				.append((t.name() != null) ? "\"name\":" + json(t.name()) + "," : "")
				.append("\"arguments\":")
				.append(json(t.arguments()))
				.append("}}");
		}
		return tc.toString();
	}

	/** The members of a JSON object, followed by a comma when there are any. */
	private static String members(String objectJson) {
		String members = objectJson.strip();
		members = members.substring(1, members.length() - 1).strip();
		return members.isEmpty() ? "" : members + ",";
	}

	static String json(String text) {
		return JSON.writeValueAsString(text);
	}

	/** The Bailian protocols, for scenarios Zhipu does not have. */
	static List<WireFixture> bailian() {
		return List.of(OPENAI_COMPATIBLE, DASHSCOPE);
	}

	static List<Step> steps(Step... steps) {
		return new ArrayList<>(List.of(steps));
	}

	/** What the recorded reference stream must produce. */
	record Reference(String text, String reasoning, String finishReason, int prompt, int completion, int total,
			int reasoningTokens, String id, String model) {
	}

}
