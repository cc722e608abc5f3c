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

package io.github.glmspringai.benchmarks;

import java.nio.charset.StandardCharsets;

import io.github.glmspringai.chat.GlmProtocol;

/**
 * Renders the SSE frames of every protocol exactly as the services emit them: Bailian's
 * two (key order, {@code null} fields, cumulative native usage, the string {@code "null"}
 * finish reason; see {@code reference/bailian-api.md} §3.2 and §4.2) and Zhipu's
 * ({@code role} on every chunk, no finish reason until the last chunk, which carries the
 * usage; {@code reference/zhipu-api.md} §4).
 *
 * @author glm-spring-ai
 */
public final class SseFrames {

	/** The model the server reports. */
	public static final String MODEL = "glm-4.6";

	/** The request id the server reports. */
	public static final String REQUEST_ID = "2ce91085-3602-9c32-9c8b-fe3d583a2c38";

	private static final int PROMPT_TOKENS = 11;

	private static final String ZHIPU_HEAD = "data: {\"id\":\"" + REQUEST_ID
			+ "\",\"created\":1773349387,\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL
			+ "\",\"choices\":[{\"index\":0,";

	private static final String COMPAT_TAIL = "],\"object\":\"chat.completion.chunk\",\"usage\":null,"
			+ "\"created\":1745485391,\"system_fingerprint\":null,\"model\":\"" + MODEL + "\",\"id\":\"chatcmpl-"
			+ REQUEST_ID + "\"}\n\n";

	private SseFrames() {
	}

	/**
	 * The whole body of a fast stream.
	 * @param protocol the protocol
	 * @param scenario the scenario (its pacing is ignored)
	 * @return UTF-8 bytes
	 */
	public static byte[] render(GlmProtocol protocol, Scenario scenario) {
		StringBuilder sb = new StringBuilder(scenario.tokens() * 320 + 1024);
		int r = scenario.reasoningTokens();
		int total = scenario.tokens();
		if (protocol == GlmProtocol.OPENAI_COMPATIBLE) {
			compatRole(sb);
			for (int i = 0; i < r; i++) {
				compatReasoning(sb, Tokens.reasoning(i));
			}
			for (int i = 0; i < scenario.answerTokens(); i++) {
				compatAnswer(sb, Tokens.answer(i));
			}
			compatEnd(sb, r, total);
		}
		else if (protocol == GlmProtocol.ZHIPU) {
			for (int i = 0; i < r; i++) {
				zhipuToken(sb, "reasoning_content", Tokens.reasoning(i));
			}
			for (int i = 0; i < scenario.answerTokens(); i++) {
				zhipuToken(sb, "content", Tokens.answer(i));
			}
			zhipuEnd(sb, r, total);
		}
		else {
			for (int i = 0; i < r; i++) {
				nativeFrame(sb, i + 1, "", Tokens.reasoning(i), "null", i + 1, i + 1);
			}
			for (int i = 0; i < scenario.answerTokens(); i++) {
				nativeFrame(sb, r + i + 1, Tokens.answer(i), "", "null", r, r + i + 1);
			}
			nativeFrame(sb, total + 1, "", "", "stop", r, total);
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The frames a paced stream sends at one tick: the token at {@code seq} (with the
	 * role chunk before the first, and the end of the stream after the last).
	 * @param protocol the protocol
	 * @param scenario the scenario
	 * @param seq the token position, from 0
	 * @param micros the send time
	 * @return UTF-8 bytes
	 */
	public static byte[] pacedTick(GlmProtocol protocol, Scenario scenario, int seq, long micros) {
		StringBuilder sb = new StringBuilder(1024);
		pacedTick(sb, protocol, scenario, seq, micros);
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Append the frames of one paced tick (all ASCII).
	 * @param sb where to append
	 * @param protocol the protocol
	 * @param scenario the scenario
	 * @param seq the token position, from 0
	 * @param micros the send time
	 */
	static void pacedTick(StringBuilder sb, GlmProtocol protocol, Scenario scenario, int seq, long micros) {
		int r = scenario.reasoningTokens();
		int total = scenario.tokens();
		boolean reasoning = seq < r;
		String token = Tokens.paced(seq, scenario.tag(), micros);
		if (protocol == GlmProtocol.OPENAI_COMPATIBLE) {
			if (seq == 0) {
				compatRole(sb);
			}
			if (reasoning) {
				compatReasoning(sb, token);
			}
			else {
				compatAnswer(sb, token);
			}
			if (seq == total - 1) {
				compatEnd(sb, r, total);
			}
		}
		else if (protocol == GlmProtocol.ZHIPU) {
			zhipuToken(sb, reasoning ? "reasoning_content" : "content", token);
			if (seq == total - 1) {
				zhipuEnd(sb, r, total);
			}
		}
		else {
			nativeFrame(sb, seq + 1, reasoning ? "" : token, reasoning ? token : "", "null", Math.min(seq + 1, r),
					seq + 1);
			if (seq == total - 1) {
				nativeFrame(sb, total + 1, "", "", "stop", r, total);
			}
		}
	}

	private static void compatRole(StringBuilder sb) {
		sb.append(
				"data: {\"choices\":[{\"delta\":{\"content\":null,\"role\":\"assistant\",\"reasoning_content\":\"\"},")
			.append("\"index\":0,\"logprobs\":null,\"finish_reason\":null}")
			.append(COMPAT_TAIL);
	}

	private static void compatReasoning(StringBuilder sb, String token) {
		sb.append("data: {\"choices\":[{\"finish_reason\":null,\"logprobs\":null,\"delta\":{\"content\":null,")
			.append("\"reasoning_content\":\"")
			.append(token)
			.append("\"},\"index\":0}")
			.append(COMPAT_TAIL);
	}

	private static void compatAnswer(StringBuilder sb, String token) {
		sb.append("data: {\"choices\":[{\"delta\":{\"content\":\"")
			.append(token)
			.append("\",\"reasoning_content\":null},\"finish_reason\":null,\"index\":0,\"logprobs\":null}")
			.append(COMPAT_TAIL);
	}

	private static void compatEnd(StringBuilder sb, int reasoningTokens, int completionTokens) {
		sb.append("data: {\"choices\":[{\"finish_reason\":\"stop\",\"delta\":{\"content\":\"\",")
			.append("\"reasoning_content\":null},\"index\":0,\"logprobs\":null}")
			.append(COMPAT_TAIL);
		sb.append("data: {\"choices\":[],\"object\":\"chat.completion.chunk\",\"usage\":{\"prompt_tokens\":")
			.append(PROMPT_TOKENS)
			.append(",\"completion_tokens\":")
			.append(completionTokens)
			.append(",\"total_tokens\":")
			.append(PROMPT_TOKENS + completionTokens)
			.append(",\"completion_tokens_details\":{\"reasoning_tokens\":")
			.append(reasoningTokens)
			.append("},\"prompt_tokens_details\":{\"cached_tokens\":0}},\"created\":1745485391,")
			.append("\"system_fingerprint\":null,\"model\":\"")
			.append(MODEL)
			.append("\",\"id\":\"chatcmpl-")
			.append(REQUEST_ID)
			.append("\"}\n\n");
		sb.append("data: [DONE]\n\n");
	}

	private static void zhipuToken(StringBuilder sb, String field, String token) {
		sb.append(ZHIPU_HEAD)
			.append("\"delta\":{\"role\":\"assistant\",\"")
			.append(field)
			.append("\":\"")
			.append(token)
			.append("\"}}]}\n\n");
	}

	private static void zhipuEnd(StringBuilder sb, int reasoningTokens, int completionTokens) {
		sb.append(ZHIPU_HEAD)
			.append("\"finish_reason\":\"stop\",\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],")
			.append("\"usage\":{\"prompt_tokens\":")
			.append(PROMPT_TOKENS)
			.append(",\"completion_tokens\":")
			.append(completionTokens)
			.append(",\"total_tokens\":")
			.append(PROMPT_TOKENS + completionTokens)
			.append(",\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":")
			.append("{\"reasoning_tokens\":")
			.append(reasoningTokens)
			.append("}}}\n\n");
		sb.append("data: [DONE]\n\n");
	}

	private static void nativeFrame(StringBuilder sb, int id, String content, String reasoning, String finishReason,
			int reasoningTokens, int outputTokens) {
		sb.append("id:")
			.append(id)
			.append("\nevent:result\n:HTTP_STATUS/200\ndata:{\"output\":{\"choices\":[{\"message\":{\"content\":\"")
			.append(content)
			.append("\",\"reasoning_content\":\"")
			.append(reasoning)
			.append("\",\"role\":\"assistant\"},\"finish_reason\":\"")
			.append(finishReason)
			.append("\"}]},\"usage\":{\"total_tokens\":")
			.append(PROMPT_TOKENS + outputTokens)
			.append(",\"output_tokens\":")
			.append(outputTokens)
			.append(",\"input_tokens\":")
			.append(PROMPT_TOKENS)
			.append(",\"output_tokens_details\":{\"reasoning_tokens\":")
			.append(reasoningTokens)
			.append("}},\"request_id\":\"")
			.append(REQUEST_ID)
			.append("\"}\n\n");
	}

}
