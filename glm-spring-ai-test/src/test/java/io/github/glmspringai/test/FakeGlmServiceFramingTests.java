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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.github.glmspringai.test.junit.FakeGlm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact bytes each protocol streams for a scripted turn, read with a plain HTTP
 * client (reference {@code bailian-api.md} §3.2, §4.2 and {@code zhipu-api.md} §4).
 *
 * @author glm-spring-ai
 */
@FakeGlm
class FakeGlmServiceFramingTests {

	private static FakeGlmService glm;

	private static final Turn THINK_AND_ANSWER = Turn.builder()
		.reasoning("想", "思")
		.answer("答")
		.usage(5, 10)
		.reasoningTokens(4)
		.cachedTokens(2)
		.build();

	@Test
	void compatibleChunksCarryTheKeysInDashScopesOrderThenUsageAndDone() {
		glm.enqueue(THINK_AND_ANSWER);

		HttpResponse<String> response = Http.stream(glm, "openai-compatible",
				Http.body("openai-compatible", "glm-4.6", Map.of("stream_options", Map.of("include_usage", true))));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream;charset=UTF-8");
		String created = created(response.body());
		String tail = ",\"object\":\"chat.completion.chunk\",\"usage\":null,\"created\":" + created
				+ ",\"system_fingerprint\":null,\"model\":\"glm-4.6\",\"id\":\"chatcmpl-"
				+ glm.takeRequest().requestId() + "\"}\n\n";
		assertThat(response.body()).isEqualTo(
				"""
						data: {"choices":[{"delta":{"content":null,"role":"assistant","reasoning_content":""},"index":0,"logprobs":null,"finish_reason":null}]%1$s\
						data: {"choices":[{"delta":{"content":null,"reasoning_content":"想"},"index":0,"logprobs":null,"finish_reason":null}]%1$s\
						data: {"choices":[{"delta":{"content":null,"reasoning_content":"思"},"index":0,"logprobs":null,"finish_reason":null}]%1$s\
						data: {"choices":[{"delta":{"content":"答","reasoning_content":null},"index":0,"logprobs":null,"finish_reason":null}]%1$s\
						data: {"choices":[{"delta":{"content":"","reasoning_content":null},"index":0,"logprobs":null,"finish_reason":"stop"}]%1$s\
						data: {"choices":[]%2$s\
						data: [DONE]

						"""
					.formatted(tail,
							tail.replace("\"usage\":null", "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":10,"
									+ "\"total_tokens\":15,\"completion_tokens_details\":{\"reasoning_tokens\":4},"
									+ "\"prompt_tokens_details\":{\"cached_tokens\":2}}")));
	}

	@Test
	void compatibleToolCallsStreamByIndexWithToolStreamAndWithoutUsageUnlessAsked() {
		glm.enqueue(Turn.builder().toolCall("call_1", "f", "{\"a\":1}").toolCall("call_2", "g", "{}").build());

		String body = Http
			.stream(glm, "openai-compatible",
					Http.body("openai-compatible", "glm-4.6", Map.of("tool_stream", true, "enable_thinking", false)))
			.body();

		assertThat(body)
			.contains("{\"delta\":{\"content\":null,\"role\":\"assistant\",\"reasoning_content\":null},\"index\":0")
			.contains(
					"{\"delta\":{\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
							+ "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\"}}]}")
			.contains("{\"delta\":{\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"\",\"type\":\"function\","
					+ "\"function\":{\"arguments\":\"1}\"}}]}")
			.contains(
					"{\"index\":1,\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}")
			.contains("{\"delta\":{},\"index\":0,\"logprobs\":null,\"finish_reason\":\"tool_calls\"}")
			.doesNotContain("\"choices\":[]")
			.endsWith("data: [DONE]\n\n");
		assertThat(glm.toolCallRounds()).isEqualTo(1);
	}

	@Test
	void dashscopeFramesCarryCumulativeUsageAndEndWithoutAMarker() {
		glm.enqueue(THINK_AND_ANSWER);

		HttpResponse<String> response = Http.stream(glm, "dashscope", Http.body("dashscope", "glm-4.6", Map.of()));

		String id = glm.takeRequest().requestId();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(
				"""
						id:1
						event:result
						:HTTP_STATUS/200
						data:{"output":{"choices":[{"message":{"content":"","reasoning_content":"想","role":"assistant"},"finish_reason":"null"}]},"usage":{"total_tokens":8,"output_tokens":3,"input_tokens":5,"output_tokens_details":{"reasoning_tokens":2},"prompt_tokens_details":{"cached_tokens":2}},"request_id":"%1$s"}

						id:2
						event:result
						:HTTP_STATUS/200
						data:{"output":{"choices":[{"message":{"content":"","reasoning_content":"思","role":"assistant"},"finish_reason":"null"}]},"usage":{"total_tokens":11,"output_tokens":6,"input_tokens":5,"output_tokens_details":{"reasoning_tokens":4},"prompt_tokens_details":{"cached_tokens":2}},"request_id":"%1$s"}

						id:3
						event:result
						:HTTP_STATUS/200
						data:{"output":{"choices":[{"message":{"content":"答","reasoning_content":"","role":"assistant"},"finish_reason":"null"}]},"usage":{"total_tokens":15,"output_tokens":10,"input_tokens":5,"output_tokens_details":{"reasoning_tokens":4},"prompt_tokens_details":{"cached_tokens":2}},"request_id":"%1$s"}

						id:4
						event:result
						:HTTP_STATUS/200
						data:{"output":{"choices":[{"message":{"content":"","reasoning_content":"","role":"assistant"},"finish_reason":"stop"}]},"usage":{"total_tokens":15,"output_tokens":10,"input_tokens":5,"output_tokens_details":{"reasoning_tokens":4},"prompt_tokens_details":{"cached_tokens":2}},"request_id":"%1$s"}

						"""
					.formatted(id));
	}

	@Test
	void dashscopeErrorEventCarriesItsStatusAfterTheFramesSentSoFar() {
		glm.enqueue(Turn.builder().answer("一", "二").errorAfter(1, ServiceError.THROTTLED).build());

		String body = Http.stream(glm, "dashscope", Http.body("dashscope", "glm-4.6", Map.of())).body();

		assertThat(body).startsWith("id:1\nevent:result\n:HTTP_STATUS/200\n")
			.endsWith("\n\nid:2\nevent:error\n:HTTP_STATUS/429\ndata:{\"code\":\"Throttling.RateQuota\",\"message\":"
					+ "\"Requests rate limit exceeded, please try again later.\",\"request_id\":\""
					+ glm.takeRequest().requestId() + "\"}\n\n");
	}

	@Test
	void zhipuChunksCarryRoleOnContentToolCallsWholeAndUsageOnTheFinishChunk() {
		glm.enqueue(Turn.builder()
			.reasoning("想")
			.answer("答")
			.toolCall("call_1", "f", "{\"a\":1}")
			.usage(5, 10)
			.reasoningTokens(4)
			.cachedTokens(2)
			.build());

		HttpResponse<String> response = Http.stream(glm, "zhipu", Http.body("zhipu", "glm-4.7", Map.of()));

		String id = glm.takeRequest().requestId();
		assertThat(id).matches("20\\d{12}[0-9a-f]{16}");
		String head = "data: {\"id\":\"" + id + "\",\"created\":" + created(response.body())
				+ ",\"object\":\"chat.completion.chunk\",\"model\":\"glm-4.7\",\"choices\":[{\"index\":0,";
		assertThat(response.body()).isEqualTo(head
				+ "\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"想\"}}]}\n\n" + head
				+ "\"delta\":{\"role\":\"assistant\",\"content\":\"答\"}}]}\n\n" + head
				+ "\"delta\":{\"tool_calls\":[{\"id\":\"call_1\",\"index\":0,\"type\":\"function\",\"function\":"
				+ "{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\"}}]}}]}\n\n" + head
				+ "\"finish_reason\":\"tool_calls\",\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":"
				+ "{\"prompt_tokens\":5,\"completion_tokens\":10,\"total_tokens\":15,\"prompt_tokens_details\":"
				+ "{\"cached_tokens\":2},\"completion_tokens_details\":{\"reasoning_tokens\":4}}}\n\ndata: [DONE]\n\n");
	}

	@Test
	void zhipuToolStreamSendsTheNameFirstThenArgumentFragmentsByIndex() {
		glm.enqueue(Turn.builder().toolCall("call_1", "f", "{\"a\":1}").build());

		String body = Http
			.post(glm, FakeGlmService.ZHIPU_CODING_PATH, Http.body("zhipu", "glm-4.6", Map.of("tool_stream", true)))
			.body();

		assertThat(body)
			.contains("\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
					+ "\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}")
			.contains("\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"a\\\":\"}}]}")
			.contains("\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]}")
			.endsWith("data: [DONE]\n\n");
		assertThat(glm.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo(FakeGlmService.ZHIPU_CODING_PATH));
	}

	@Test
	void zhipuErrorMidStreamIsADataObjectWithAnErrorMember() {
		glm.enqueue(Turn.builder().answer("一").errorAfter(1, ServiceError.of(500, "1234", "网络错误")).build());

		String body = Http.stream(glm, "zhipu", Http.body("zhipu", "glm-4.6", Map.of())).body();

		assertThat(body).endsWith("}]}\n\ndata: {\"error\":{\"code\":\"1234\",\"message\":\"网络错误\"}}\n\n");
	}

	@Test
	void aReplayedRecordingIsSentByteForByte() {
		glm.enqueue(Turn.replay(RecordedGlmStreams.dashscope()), Turn.replay(RecordedGlmStreams.zhipu()));

		assertThat(Http.stream(glm, "dashscope", Http.body("dashscope", "glm-4.6", Map.of())).body())
			.isEqualTo(RecordedGlmStreams.dashscope());
		assertThat(Http.stream(glm, "zhipu", Http.body("zhipu", "glm-4.6", Map.of())).body())
			.isEqualTo(RecordedGlmStreams.zhipu());
		assertThat(RecordedGlmStreams.compatible()).startsWith("data: {\"choices\":").endsWith("data: [DONE]\n\n");
	}

	@Test
	void anHttpErrorCarriesRetryAfterInWholeSeconds() {
		glm.enqueue(Turn.error(ServiceError.THROTTLED, Duration.ofSeconds(2)));

		HttpResponse<String> response = Http.stream(glm, "zhipu", Http.body("zhipu", "glm-4.6", Map.of()));

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(response.body())
			.isEqualTo("{\"error\":{\"code\":\"1302\",\"message\":\"您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。\"}}");
	}

	private static String created(String body) {
		int start = body.indexOf("\"created\":") + 10;
		return body.substring(start, body.indexOf(',', start));
	}

}
