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

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.github.glmspringai.test.junit.FakeGlm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the fake service rejects as the real ones do, each in its protocol's status, code
 * and body, and what it records of every request.
 *
 * @author glm-spring-ai
 */
@FakeGlm(apiKey = "sk-rejection-test")
class FakeGlmServiceRejectionTests {

	@Test
	void everyProtocolAnswersOnlyStreamingRequests(FakeGlmService glm) {
		String compatible = Http.body("openai-compatible", "glm-4.6", Map.of("stream", false));
		assertThat(Http.post(glm, FakeGlmService.COMPATIBLE_PATH, compatible)).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).isEqualTo("{\"error\":{\"code\":\"invalid_parameter_error\",\"param\":null,"
					+ "\"message\":\"This model only support stream mode, please enable the stream parameter to access "
					+ "the model. \",\"type\":\"invalid_request_error\"},\"request_id\":\""
					+ glm.takeRequest().requestId() + "\"}");
		});
		assertThat(Http.post(glm, FakeGlmService.DASHSCOPE_PATH, Http.body("dashscope", "glm-4.6", Map.of())))
			.satisfies((response) -> {
				assertThat(response.statusCode()).isEqualTo(400);
				assertThat(response.body()).startsWith("{\"code\":\"InvalidParameter\",\"message\":\"This model only");
			});
		assertThat(Http.post(glm, FakeGlmService.DASHSCOPE_PATH, Http.body("dashscope", "glm-4.6", Map.of()), "Accept",
				"text/event-stream"))
			.satisfies((response) -> assertThat(response.statusCode()).isEqualTo(200));
		assertThat(Http.post(glm, FakeGlmService.ZHIPU_PATH, Http.body("zhipu", "glm-4.6", Map.of("stream", false))))
			.satisfies((response) -> {
				assertThat(response.statusCode()).isEqualTo(400);
				assertThat(response.body()).startsWith("{\"error\":{\"code\":\"1212\",");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope" })
	void bailianRejectsThinkingOffForGlm53(String protocol, FakeGlmService glm) {
		HttpResponse<String> response = Http.stream(glm, protocol,
				Http.body(protocol, "glm-5.3", Map.of("enable_thinking", false)));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The value of the enable_thinking parameter is restricted to True.")
			.contains("dashscope".equals(protocol) ? "\"code\":\"InvalidParameter\"" : "invalid_parameter_error");
		assertThat(Http.stream(glm, protocol, Http.body(protocol, "glm-4.6", Map.of("enable_thinking", false)))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void zhipuRejectsThinkingDisabledForGlm53WithCode1210(FakeGlmService glm) {
		HttpResponse<String> response = Http.stream(glm, "zhipu",
				Http.body("zhipu", "glm-5.3", Map.of("thinking", Map.of("type", "disabled"))));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo("{\"error\":{\"code\":\"1210\",\"message\":\"该模型始终思考，不支持关闭思考；请使用 low、high 或 max。\"}}");
		assertThat(
				Http.stream(glm, "zhipu", Http.body("zhipu", "glm-5.3", Map.of("thinking", Map.of("type", "enabled"))))
					.statusCode())
			.isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope", "zhipu" })
	void glm53AcceptsOnlyLowHighAndMaxReasoningEffort(String protocol, FakeGlmService glm) {
		for (String effort : new String[] { "low", "high", "max" }) {
			assertThat(Http.stream(glm, protocol, Http.body(protocol, "glm-5.3", Map.of("reasoning_effort", effort)))
				.statusCode()).as(effort).isEqualTo(200);
		}
		HttpResponse<String> medium = Http.stream(glm, protocol,
				Http.body(protocol, "glm-5.3", Map.of("reasoning_effort", "medium")));
		assertThat(medium.statusCode()).isEqualTo(400);
		assertThat(medium.body()).contains("reasoning_effort");
		assertThat(Http.stream(glm, protocol, Http.body(protocol, "glm-5.2", Map.of("reasoning_effort", "medium")))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void zhipusCodingPlanEndpointMapsEveryReasoningEffort(FakeGlmService glm) {
		HttpResponse<String> response = Http.post(glm, FakeGlmService.ZHIPU_CODING_PATH,
				Http.body("zhipu", "glm-5.3", Map.of("reasoning_effort", "medium")));

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai-compatible", "dashscope" })
	void bailianRejectsJsonModeWhileThinking(String protocol, FakeGlmService glm) {
		Map<String, Object> json = Map.of("response_format", Map.of("type", "json_object"));
		HttpResponse<String> thinking = Http.stream(glm, protocol, Http.body(protocol, "glm-4.6", json));

		assertThat(thinking.statusCode()).isEqualTo(400);
		assertThat(thinking.body()).contains("Json mode response is not supported when enable_thinking is true");
		assertThat(Http
			.stream(glm, protocol,
					Http.body(protocol, "glm-4.6",
							Map.of("response_format", Map.of("type", "json_schema"), "enable_thinking", false)))
			.statusCode()).isEqualTo(200);
		assertThat(Http.stream(glm, "zhipu", Http.body("zhipu", "glm-4.6", json)).statusCode()).isEqualTo(200);
	}

	@Test
	void dashscopeThinkingNeedsIncrementalOutput(FakeGlmService glm) {
		HttpResponse<String> response = Http.stream(glm, "dashscope",
				Http.body("dashscope", "glm-4.6", Map.of("incremental_output", false)));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body())
			.contains("The incremental_output parameter must be \\\"true\\\" when enable_thinking is true");
	}

	@Test
	void keysAreCheckedWithEachProtocolsErrorBody(FakeGlmService glm) {
		String body = Http.body("zhipu", "glm-4.6", Map.of());
		assertThat(Http.post(glm, FakeGlmService.ZHIPU_PATH, body, "Authorization", "Bearer sk-other").body())
			.isEqualTo(
					"{\"error\":{\"code\":\"1002\",\"message\":\"Authorization Token非法，请确认Authorization Token正确传递。\"}}");
		HttpResponse<String> missing = send(glm, FakeGlmService.ZHIPU_PATH, body);
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.body()).startsWith("{\"error\":{\"code\":\"1001\",");
		HttpResponse<String> compatible = Http.post(glm, FakeGlmService.COMPATIBLE_PATH,
				Http.body("openai-compatible", "glm-4.6", Map.of()), "Authorization", "Bearer sk-other");
		assertThat(compatible.statusCode()).isEqualTo(401);
		assertThat(compatible.body()).startsWith("{\"error\":{\"code\":\"invalid_api_key\",\"param\":null,"
				+ "\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\"},\"request_id\":");
		assertThat(glm.requests()).hasSize(3)
			.allSatisfy((request) -> assertThat(request.toString()).doesNotContain("sk-"));
	}

	@Test
	void everyRequestIsRecordedEvenOnAnUnknownPathOrWithABrokenBody(FakeGlmService glm) {
		assertThat(Http.post(glm, "/v1/chat/completions", "{}").statusCode()).isEqualTo(404);
		HttpResponse<String> broken = Http.post(glm, FakeGlmService.DASHSCOPE_PATH, "{not json", "X-DashScope-SSE",
				"enable");
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(broken.body()).contains("Required body invalid, please check the request body format.");

		RecordedGlmRequest unknown = glm.takeRequest();
		assertThat(unknown.path()).isEqualTo("/v1/chat/completions");
		assertThat(unknown.protocol()).isNull();
		RecordedGlmRequest malformed = glm.takeRequest();
		assertThat(malformed.body()).isEqualTo("{not json");
		assertThat(malformed.json().isMissingNode()).isTrue();
		assertThat(malformed.header("x-dashscope-sse")).isEqualTo("enable");
		assertThat(malformed.headers()).containsKey("X-DASHSCOPE-SSE");
		assertThat(glm.requestCount()).isEqualTo(2);
	}

	@Test
	void aStallAfterNoChunkSendsTheHeadersThenNothingUntilTheClientLeaves(FakeGlmService glm) throws Exception {
		glm.enqueue(Turn.builder().answer("never").stallAfter(0).build());
		HttpRequest request = HttpRequest.newBuilder(URI.create(glm.baseUrl() + FakeGlmService.ZHIPU_PATH))
			.header("Authorization", "Bearer " + glm.apiKey())
			.POST(HttpRequest.BodyPublishers.ofString(Http.body("zhipu", "glm-4.6", Map.of())))
			.build();
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream;charset=UTF-8");
		assertThat(glm.cancelledStreams()).isZero();
		response.body().close();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(glm.cancelledStreams()).isEqualTo(1));
		assertThat(glm.completedStreams()).isZero();
	}

	private static HttpResponse<String> send(FakeGlmService glm, String path, String body) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(glm.baseUrl() + path))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
